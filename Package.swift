// swift-tools-version:6.0
// FeeDesk: cashless fee payment and reconciliation for one-stop desks.
// No SwiftPM package dependencies: Foundation plus system C libraries.
import PackageDescription

/// A system library reached through pkg-config, installed from Debian's `-dev` package.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Sources/\(name)", pkgConfig: pkgConfig, providers: [.apt([apt])])
}

let package = Package(
    name: "FeeDesk",
    products: [
        .executable(name: "feedesk", targets: ["feedesk"]),
    ],
    targets: [
        // Thin C modules: a module map and a shim header each.
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("COpenSSL", pkgConfig: "libcrypto", apt: "libssl-dev"),
        systemLibrary("CMicroHTTPD", pkgConfig: "libmicrohttpd", apt: "libmicrohttpd-dev"),
        systemLibrary("CQREncode", pkgConfig: "libqrencode", apt: "libqrencode-dev"),
        systemLibrary("CPNG", pkgConfig: "libpng", apt: "libpng-dev"),

        // Pure modules: no C, no I/O.
        .target(name: "VietQR"),
        .target(name: "BankStatements"),
        .target(name: "FeeDeskCore"),

        // Adapters: each wraps one C library.
        .target(name: "FeeDeskCrypto", dependencies: ["COpenSSL"]),
        .target(name: "BankCallbacks", dependencies: ["FeeDeskCrypto"]),
        .target(name: "FeeDeskStore", dependencies: ["CSQLite", "FeeDeskCore", "FeeDeskCrypto"]),
        .target(name: "FeeDeskHTTP", dependencies: ["CMicroHTTPD"]),
        .target(name: "QRRender", dependencies: ["CQREncode", "CPNG"]),

        // Use cases, configuration and the command line.
        .target(name: "FeeDeskApp", dependencies: [
            "FeeDeskCore", "FeeDeskStore", "FeeDeskCrypto", "FeeDeskHTTP", "VietQR", "BankStatements", "QRRender", "BankCallbacks",
        ]),
        .target(name: "FeeDeskCLI", dependencies: [
            "FeeDeskApp", "FeeDeskCore", "VietQR", "QRRender", "BankStatements", "BankCallbacks", "FeeDeskHTTP",
        ]),
        .executableTarget(name: "feedesk", dependencies: ["FeeDeskCLI"]),

        // Fuzzing: one entry point per parser of untrusted input, and the libFuzzer driver that
        // `make fuzz` builds with -sanitize=fuzzer,address (a plain replayer in normal builds).
        .target(name: "FuzzTargets", dependencies: ["VietQR", "BankStatements", "BankCallbacks"]),
        .executableTarget(name: "feedesk-fuzz", dependencies: ["FuzzTargets"]),

        .testTarget(name: "VietQRTests", dependencies: ["VietQR"]),
        .testTarget(name: "BankStatementsTests", dependencies: ["BankStatements"]),
        .testTarget(name: "FeeDeskCoreTests", dependencies: ["FeeDeskCore"]),
        .testTarget(name: "FeeDeskCryptoTests", dependencies: ["FeeDeskCrypto"]),
        .testTarget(name: "BankCallbacksTests", dependencies: ["BankCallbacks", "FeeDeskCrypto"]),
        .testTarget(name: "FeeDeskStoreTests", dependencies: ["FeeDeskStore", "FeeDeskCore"]),
        .testTarget(name: "FeeDeskHTTPTests", dependencies: ["FeeDeskHTTP"]),
        .testTarget(name: "QRRenderTests", dependencies: ["QRRender"]),
        .testTarget(name: "FeeDeskAppTests", dependencies: ["FeeDeskApp", "FeeDeskCore", "FeeDeskStore"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "BankCallbacks"]),
        .testTarget(name: "IntegrationTests", dependencies: ["FeeDeskCLI", "FeeDeskStore", "BankCallbacks", "VietQR"]),
    ]
)
