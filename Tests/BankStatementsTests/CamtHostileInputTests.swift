import Foundation
import Testing
@testable import BankStatements

/// camt inputs found by `make fuzz` (target camt) that stopped the process, now refused with a
/// sentence. The saved crasher itself is replayed by FuzzTargetsTests.
@Suite("camt hostile input")
struct CamtHostileInputTests {
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"

    /// Foundation's XMLParser traps when libxml2, recovering from bad UTF-8, reports a name that is
    /// not UTF-8 (an element name, an attribute name, the root element during detection).
    @Test(arguments: [
        (head + "<BkToCstmrStmt><Stmt><Sts>BOOK<", [0xFF, 0xFF], "/Sts></Stmt></BkToCstmrStmt></Document>", 3, "0xFF"),
        (head + "<BkToCstmrStmt><Stmt><Amt Ccy=\"VND\" ", [0xC3, 0x28], "=\"1\">1</Amt></Stmt></BkToCstmrStmt></Document>", 3, "0xC3"),
        ("<", [0xE0, 0x80, 0x80], "Document/>", 1, "0xE0"),
    ] as [(String, [UInt8], String, Int, String)])
    func invalidUTF8IsRefusedBeforeTheXMLParser(before: String, bad: [UInt8], after: String, line: Int, byte: String) {
        let data = Data(Array(before.utf8) + bad + Array(after.utf8))
        let expected = "x.xml line \(line): byte \(byte) is not valid UTF-8 (camt files are UTF-8)"
        #expect(errorMessage(data, format: .camt, file: "x.xml") == expected)
        #expect(errorMessage(data, format: .auto, file: "x.xml") == expected)
    }

    @Test func controlBytesAreRefused() {
        let data = Data(Array((Self.head + "<BkToCstmrStmt>").utf8) + [0x01] + Array("</BkToCstmrStmt></Document>".utf8))
        #expect(errorMessage(data, format: .camt, file: "x.xml") == "x.xml line 3: control byte 0x01 is not allowed in XML")
    }

    @Test func aByteOrderMarkIsStillAccepted() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array(camt053v02.utf8))
        #expect(try StatementReader.parseAll(data: data, format: .camt, fileName: "x.xml").statements.count == 1)
    }
}
