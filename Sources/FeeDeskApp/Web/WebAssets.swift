import FeeDeskCrypto
import FeeDeskHTTP

/// The web UI's static files: one style sheet and a few small scripts, compiled into the binary.
///
/// They are Swift string literals rather than package resources: `feedesk` stays one self-contained
/// file (no `Bundle.module` folder to ship beside it or to lose on copy), and the assets always match
/// the code that serves them. Each is served at `/assets/<name>?v=<hash of its content>` with a
/// year-long `immutable` cache lifetime, so a page load after the first costs no asset request, and
/// a new build changes the URL.
enum WebAssets {
    /// One static file.
    struct Asset: Sendable {
        let name: String
        let contentType: String
        let bytes: [UInt8]
        /// The first 12 hex digits of the content's SHA-256.
        let version: String

        init(_ name: String, _ contentType: String, _ text: String) {
            self.name = name
            self.contentType = contentType
            bytes = Array(text.utf8)
            version = String(Hex.encode(Digest.sha256(bytes)).prefix(12))
        }

        /// The versioned URL path pages link to.
        var path: String { "/assets/\(name)?v=\(version)" }
    }

    /// Every asset by file name.
    static let catalog: [String: Asset] = {
        let assets = [
            Asset("feedesk.css", "text/css; charset=utf-8", style + accountingStyle + ReportPages.style),
            Asset("feedesk.js", "text/javascript; charset=utf-8", common),
            Asset("desk.js", "text/javascript; charset=utf-8", desk),
            Asset("display.js", "text/javascript; charset=utf-8", display),
            Asset("statements.js", "text/javascript; charset=utf-8", statements),
            Asset("review-words.js", "text/javascript; charset=utf-8", reviewWords),
            Asset("review.js", "text/javascript; charset=utf-8", review),
            Asset("day.js", "text/javascript; charset=utf-8", day),
        ]
        return Dictionary(uniqueKeysWithValues: assets.map { ($0.name, $0) })
    }()

    /// The versioned path of asset `name`.
    static func path(_ name: String) -> String {
        catalog[name]?.path ?? "/assets/\(name)"
    }

    /// The answer to `GET /assets/<name>`: the file, cacheable for a year when the version matches.
    static func response(name: String, version: String?) -> HTTPResponse {
        guard let asset = catalog[name] else {
            return .error(status: .notFound, code: "not_found", message: "No asset is called '\(name)'.")
        }
        let cache = version == asset.version ? "public, max-age=31536000, immutable" : "no-cache"
        return HTTPResponse.bytes(asset.bytes, contentType: asset.contentType).withHeader("Cache-Control", cache)
    }
}
