import Foundation
import Testing
import VietQR

/// Our payloads are read identically by an independent VietQR implementation (PyPI `vietnam-qr-pay`),
/// and the payloads it builds are read identically by us. `make test` installs the library; without
/// Python or the library the test is skipped and says so.
@Suite struct VietQRInteropTests {
    static let script = Feedesk.repository.appendingPathComponent("Tests/interop/vietqr_interop.py").path
    static let available: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import vietnam_qr_pay"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        if probe.terminationStatus != 0 { print("VietQRInteropTests skipped: python3 module vietnam_qr_pay is not installed (pip install vietnam-qr-pay)") }
        return probe.terminationStatus == 0
    }()

    struct Fields: Codable, Equatable {
        let bin: String
        let account: String
        let amount: String?
        let purpose: String?
        let card: Bool
    }

    static func requests() -> [Fields] {
        var state: UInt64 = 2026
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let banks = BankDirectory.banks.map(\.bin)
        let purposes = ["HS00000198 nop phi", "Le phi ho tich", "thanh toan", "HS\(next() % 99_999_999)", "chung thuc ban sao 3 tr"]
        return (0..<300).map { index in
            let card = index % 7 == 0
            let digits = card ? 16 : 8 + Int(next() % 8)
            let account = String((0..<digits).map { _ in Character(String(next() % 10)) })
            let amount = index % 5 == 0 ? nil : String(1_000 * (1 + next() % 5_000))
            let purpose = index % 3 == 0 ? nil : purposes[Int(next() % UInt64(purposes.count))]
            return Fields(bin: banks[Int(next() % UInt64(banks.count))], account: account, amount: amount, purpose: purpose, card: card)
        }
    }

    static func runScript(_ lines: [String]) throws -> [[String: Any]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    @Test(.enabled(if: available)) func bothDirectionsAgree() throws {
        let requests = Self.requests()
        let ours = try requests.map { fields in
            try VietQR.encode(VietQRRequest(bin: fields.bin, account: fields.account, service: fields.card ? .toCard : .toAccount,
                                            amount: fields.amount.flatMap { Int64($0) }, purpose: fields.purpose))
        }
        // They read ours.
        let decoded = try Self.runScript(ours.map { String(decoding: try JSONSerialization.data(withJSONObject: ["decode": $0]), as: UTF8.self) })
        #expect(decoded.count == requests.count)
        for (index, answer) in decoded.enumerated() {
            let fields = requests[index]
            #expect(answer["valid"] as? Bool == true, "\(ours[index])")
            #expect(answer["bin"] as? String == fields.bin)
            #expect(answer["account"] as? String == fields.account)
            #expect((answer["amount"] as? String) == fields.amount)
            #expect((answer["purpose"] as? String) == fields.purpose)
            #expect(answer["initiation"] as? String == (fields.amount == nil ? "11" : "12"))
        }
        // We read theirs, and build the same bytes.
        let theirs = try Self.runScript(try requests.map { String(decoding: try JSONEncoder().encode(["encode": $0]), as: UTF8.self) })
        for (index, answer) in theirs.enumerated() {
            let payload = try #require(answer["payload"] as? String)
            let code = try VietQR.decode(payload)
            let fields = requests[index]
            #expect(code.bin == fields.bin && code.account == fields.account)
            #expect(code.amount.map(String.init) == fields.amount)
            #expect(code.purpose == fields.purpose)
            #expect(code.service == (fields.card ? .toCard : .toAccount))
            #expect(payload == ours[index], "byte-identical payloads")
        }
    }
}
