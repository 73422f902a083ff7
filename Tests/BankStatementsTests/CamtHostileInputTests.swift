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

    /// Foundation's XMLParser dereferences the null data of `<?x?>`, and several DTD declarations
    /// have null pointers it does not check: camt files carry neither, so both are refused.
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<Document><?x?><BkToCstmrStmt/></Document>", "x.xml line 2: a processing instruction ('<?x') is not allowed in a camt file"),
        ("<?xml version=\"1.0\"?>\n<?xml?><Document/>", "x.xml line 2: a processing instruction ('<?xml') is not allowed in a camt file"),
        (" <?xml version=\"1.0\"?><Document/>", "x.xml line 1: a processing instruction ('<?xml') is not allowed in a camt file"),
        ("<?xml?><Document/>", "x.xml line 1: a processing instruction ('<?xml') is not allowed in a camt file"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!NOTATION n SYSTEM \"x\">]>\n<Document/>",
         "x.xml line 2: a document type declaration ('<!DOCTYPE') is not allowed in a camt file"),
        ("<!doctype Document>\n<Document/>", "x.xml line 1: a document type declaration ('<!DOCTYPE') is not allowed in a camt file"),
    ])
    func processingInstructionsAndDTDsAreRefused(_ text: String, _ message: String) {
        #expect(errorMessage(text, format: .camt, file: "x.xml") == message)
        #expect(errorMessage(text, format: .auto, file: "x.xml") == message)
    }

    /// Comments and CDATA sections are not skipped (libxml2 may end them elsewhere when it recovers).
    @Test(arguments: [
        ("<Document><!-- <?x?> --></Document>", "x.xml line 1: a processing instruction ('<?x') is not allowed in a camt file"),
        ("<Document><Ustrd><![CDATA[ <?x?> ]]></Ustrd></Document>", "x.xml line 1: a processing instruction ('<?x') is not allowed in a camt file"),
        ("<?xml version=STM2(21</Id>\n <?x?>c\n<Document/>", "x.xml line 1: a malformed XML declaration ('<?xml version=STM2(21</Id>') is not allowed in a camt file"),
        ("<?xml version=\"1.0\"", "x.xml line 1: a malformed XML declaration ('<?xml version=\"1.0\"') is not allowed in a camt file"),
    ])
    func markupInsideCommentsAndBrokenDeclarationsIsRefused(_ text: String, _ message: String) {
        #expect(errorMessage(text, format: .camt, file: "x.xml") == message)
    }

    /// CDATA text reaches the memo (it used to be dropped); the XML declaration is fine.
    @Test func cdataTextIsPartOfTheMemo() throws {
        let text = camt053v02.replacingOccurrences(of: "<Ustrd>LE PHI CHUNG THUC</Ustrd>", with: "<Ustrd><![CDATA[LE PHI & CHUNG THUC]]></Ustrd>")
        #expect(text.hasPrefix("<?xml version=\"1.0\""))
        #expect(text.contains("<![CDATA["))
        let file = try StatementReader.parseAll(data: Data(text.utf8), format: .camt, fileName: "x.xml")
        #expect(file.allLines.contains { $0.memo.contains("HS0000123456 LE PHI & CHUNG THUC") })
    }
}
