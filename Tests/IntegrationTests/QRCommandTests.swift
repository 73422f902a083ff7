import Foundation
import Testing

@Suite struct QRCommandTests {
    static let napasDynamic = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E"

    @Test func decodesTheNAPASVectorAsJSON() throws {
        let result = try Feedesk.run(["qr", "decode", Self.napasDynamic, "--json"])
        #expect(result.status == 0)
        let object = try #require(try result.json() as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect(object["initiation"] as? String == "dynamic")
        #expect(object["bin"] as? String == "970403")
        #expect(object["bank"] as? String == "Sacombank")
        #expect(object["account"] as? String == "0011012345678")
        #expect(object["service"] as? String == "QRIBFTTA")
        #expect(object["amount"] as? Int == 180_000)
        #expect(object["purpose"] as? String == "thanh toan don hang")
        #expect(object["crc"] as? String == "2E2E")
        #expect((object["tags"] as? [String: String])?["62.01"] == "NPS6869")
    }

    @Test func encodesWhatItDecodes() throws {
        let result = try Feedesk.run(["qr", "encode", "--bin", "970403", "--account", "9704031101234567", "--card", "--json"])
        #expect(result.status == 0)
        #expect((try result.json() as? [String: String])?["payload"]
                == "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52")
    }

    @Test(arguments: [
        (["qr", "decode", String(napasDynamic.dropLast()) + "F"], "feedesk: CRC is 2E2F but the payload computes 2E2E.\n"),
        (["qr", "decode", String(napasDynamic.prefix(60))], "feedesk: tag 38: length 57 but only 44 characters follow.\n"),
        (["qr", "encode", "--bin", "", "--account", "1", "--format", "svg", "--out", "OUT"], "feedesk: bank BIN is empty; it must be 6 digits.\n"),
        (["qr", "encode", "--bin", "97043A", "--account", "1", "--format", "svg", "--out", "OUT"], "feedesk: bank BIN '97043A' is not 6 digits.\n"),
        (["qr", "encode", "--bin", "970436", "--account", "0071 000", "--format", "svg", "--out", "OUT"],
         "feedesk: account number '0071 000' contains a space; use digits and letters only.\n"),
        (["qr", "encode", "--bin", "970436", "--account", "1", "--amount", "0", "--format", "png", "--out", "OUT"],
         "feedesk: --amount: amount 0 is not a positive number of đồng.\n"),
        (["qr", "encode", "--bin", "970436", "--account", "1", "--amount", "-5", "--out", "OUT"],
         "feedesk: --amount: amount '-5' is not a positive number of đồng.\n"),
        (["qr", "encode", "--bin", "970436", "--account", "1", "--amount", "12345678901234", "--out", "OUT"],
         "feedesk: --amount: amount '12345678901234' has 14 digits; the maximum is 13.\n"),
        (["qr", "encode", "--bin", "970436", "--account", "1", "--purpose", String(repeating: "x", count: 40), "--out", "OUT"],
         "feedesk: purpose '\(String(repeating: "x", count: 40))' has 40 characters; the maximum is 25.\n"),
        (["dossier", "qr", "000.06.16.G09-261116-0001", "--format", "svg", "--out", "OUT", "--db", "DB"],
         "feedesk: dossier '000.06.16.G09-261116-0001' is already paid; there is nothing left to pay.\n"),
    ])
    func badInputExitsThreeAndWritesNothing(arguments: [String], stderr: String) throws {
        let folder = ScratchFolder()
        let out = folder.file("out.svg")
        if arguments.contains("DB") {
            #expect(try Feedesk.run(["demo", "--db", folder.file("db.sqlite")]).status == 0)
        }
        let resolved = arguments.map { $0 == "OUT" ? out : $0 == "DB" ? folder.file("db.sqlite") : $0 }
        let result = try Feedesk.run(resolved)
        #expect(result.status == 3)
        #expect(result.stderr == stderr)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func dossierSlipAndImages() throws {
        let folder = ScratchFolder()
        let db = folder.file("db.sqlite")
        #expect(try Feedesk.run(["demo", "--db", db]).status == 0)
        let code = "000.06.16.G09-261116-0002"
        #expect(try Feedesk.run(["dossier", "slip", code, "--out", folder.file("slip.html"), "--db", db]).status == 0)
        let html = try String(contentsOfFile: folder.file("slip.html"), encoding: .utf8)
        #expect(html.contains("Sáu nghìn đồng"))
        #expect(try Feedesk.run(["dossier", "qr", code, "--format", "png", "--out", folder.file("qr.png"), "--db", db]).status == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("qr.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let payload = try Feedesk.run(["dossier", "qr", code, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let decoded = try #require(try Feedesk.run(["qr", "decode", payload, "--json"]).json() as? [String: Any])
        #expect(decoded["amount"] as? Int == 6_000)
        #expect((decoded["purpose"] as? String)?.hasPrefix("HS") == true)
    }
}
