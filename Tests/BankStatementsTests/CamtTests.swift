import Foundation
import Testing
@testable import BankStatements

let camt053v02 = """
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>VCB-STMT-20261122</MsgId><CreDtTm>2026-11-22T23:59:00+07:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-0071001234567-20261122</Id>
      <ElctrncSeqNb>326</ElctrncSeqNb>
      <CreDtTm>2026-11-22T23:59:00+07:00</CreDtTm>
      <FrToDt><FrDtTm>2026-11-22T00:00:00+07:00</FrDtTm><ToDtTm>2026-11-22T23:59:59+07:00</ToDtTm></FrToDt>
      <Acct><Id><Othr><Id>0071001234567</Id></Othr></Id><Ccy>VND</Ccy></Acct>
      <Bal>
        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="VND">15000000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-22</Dt></Dt>
      </Bal>
      <Bal>
        <Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp>
        <Amt Ccy="VND">15140000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-22</Dt></Dt>
      </Bal>
      <Ntry>
        <Amt Ccy="VND">75000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt><ValDt><Dt>2026-11-22</Dt></ValDt>
        <AcctSvcrRef>FT26326000001</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>E2E-0001</EndToEndId></Refs>
          <RltdPties><Dbtr><Nm>NGUYEN VAN A</Nm></Dbtr><DbtrAcct><Id><Othr><Id>0123456789</Id></Othr></Id></DbtrAcct></RltdPties>
          <RmtInf><Ustrd>HS0000123456</Ustrd><Ustrd>LE PHI CHUNG THUC</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="VND">150000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt><ValDt><Dt>2026-11-22</Dt></ValDt>
        <AcctSvcrRef>BATCH-7</AcctSvcrRef>
        <NtryDtls>
          <Btch><NbOfTxs>2</NbOfTxs></Btch>
          <TxDtls>
            <Refs><AcctSvcrRef>FT-A</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
            <AmtDtls><TxAmt><Amt Ccy="VND">100000</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>TRAN THI B</Nm></Dbtr></RltdPties>
            <RmtInf><Ustrd>HS0000000017</Ustrd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>FT-B</AcctSvcrRef></Refs>
            <AmtDtls><TxAmt><Amt Ccy="VND">50000</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>LE VAN C &amp; CO</Nm></Dbtr></RltdPties>
            <RmtInf><Ustrd>HS0000000025</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="VND">75000</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt>
        <AcctSvcrRef>RV-1</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>NGUYEN VAN A</Nm></Dbtr><Cdtr><Nm>UBND PHUONG</Nm></Cdtr></RltdPties>
          <RmtInf><Ustrd>HOAN TRA GIAO DICH FT26326000009</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="VND">10000</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-22</Dt></BookgDt>
        <AddtlNtryInf>PHI DICH VU SMS</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <Amt Ccy="VND">999000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts>
        <BookgDt><Dt>2026-11-23</Dt></BookgDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""

let camt053v08 = """
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
 <BkToCstmrStmt>
  <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-22T18:00:00Z</CreDtTm></GrpHdr>
  <Stmt>
   <Id>S-1</Id>
   <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>USD</Ccy></Acct>
   <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">100.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-21</Dt></Dt></Bal>
   <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="USD">1134.06</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><DtTm>2026-11-22T23:59:59+07:00</DtTm></Dt></Bal>
   <Ntry>
    <NtryRef>1</NtryRef>
    <Amt Ccy="USD">1234.56</Amt><CdtDbtInd>CRDT</CdtDbtInd>
    <Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><DtTm>2026-11-22T09:15:00+07:00</DtTm></BookgDt><ValDt><Dt>2026-11-23</Dt></ValDt>
    <AcctSvcrRef>REF-1</AcctSvcrRef>
    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
    <NtryDtls><TxDtls>
     <Refs><EndToEndId>INV-2026-11</EndToEndId></Refs>
     <Amt Ccy="USD">1234.56</Amt><CdtDbtInd>CRDT</CdtDbtInd>
     <RltdPties>
      <Dbtr><Pty><Nm>ACME Corp</Nm></Pty></Dbtr>
      <DbtrAcct><Id><IBAN>GB33BUKB20201555555555</IBAN></Id></DbtrAcct>
     </RltdPties>
     <RmtInf><Ustrd>Fee for</Ustrd><Ustrd>dossier HS0000123456</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
  </Stmt>
 </BkToCstmrStmt>
</Document>
"""

let camt054v08 = """
<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
 <BkToCstmrDbtCdtNtfctn>
  <GrpHdr><MsgId>N1</MsgId><CreDtTm>2026-11-22T09:15:05+07:00</CreDtTm></GrpHdr>
  <Ntfctn>
   <Id>N-1</Id>
   <Acct><Id><Othr><Id>0071001234567</Id></Othr></Id></Acct>
   <Ntry>
    <Amt Ccy="VND">75000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
    <BookgDt><DtTm>2026-11-22T09:15:00+07:00</DtTm></BookgDt>
    <AcctSvcrRef>FT26326000001</AcctSvcrRef>
    <NtryDtls><TxDtls>
     <RltdPties><Dbtr><Pty><Nm>Nguyễn Văn Ánh</Nm></Pty></Dbtr></RltdPties>
     <RmtInf><Ustrd>HS0000123456 nop phi</Ustrd></RmtInf>
    </TxDtls></NtryDtls>
   </Ntry>
   <Ntry>
    <Amt Ccy="VND">50000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts>
    <BookgDt><Dt>2026-11-22</Dt></BookgDt>
   </Ntry>
  </Ntfctn>
 </BkToCstmrDbtCdtNtfctn>
</Document>
"""

@Suite("camt.053 / camt.054")
struct CamtTests {
    @Test func version02Statement() throws {
        let file = try parse(camt053v02, file: "stmt.xml")
        #expect(file.format == .camt053)
        let statement = try #require(file.statements.first)
        #expect(statement.account == "0071001234567")
        #expect(statement.currency == "VND")
        #expect(statement.header.reference == "STMT-0071001234567-20261122")
        #expect(statement.header.sequence == "326")
        #expect(statement.header.periodStart == day("2026-11-22"))
        #expect(statement.opening == Balance(amount: 15_000_000, currency: "VND", date: day("2026-11-22")))
        #expect(statement.closing?.amount == 15_140_000)
        #expect(statement.trailer.skipped == 1)
        let lines = statement.lines
        #expect(lines.map(\.signedAmount) == [75_000, 100_000, 50_000, -75_000, -10_000])
        #expect(lines[0].memo == "HS0000123456 LE PHI CHUNG THUC")
        #expect(lines[0].counterpartyName == "NGUYEN VAN A")
        #expect(lines[0].counterpartyAccount == "0123456789")
        #expect(lines[0].endToEndReference == "E2E-0001")
        #expect(lines[0].bankReference == "FT26326000001")
        #expect(lines[0].location == .xml(path: "Document/BkToCstmrStmt/Stmt[1]/Ntry[1]", line: 19))
        #expect(lines[1].bankReference == "FT-A")
        #expect(lines[1].endToEndReference == nil)
        #expect(lines[1].memo == "HS0000000017")
        #expect(lines[2].counterpartyName == "LE VAN C & CO")
        #expect(lines[2].location == .xml(path: "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/NtryDtls/TxDtls[2]", line: 29))
        #expect(lines[1].raw == lines[2].raw)
        #expect(lines[2].raw.contains("<Nm>LE VAN C &amp; CO</Nm>"))
        #expect(lines[3].reversal && lines[3].direction == .debit)
        // A reversed credit: the original payer is the counterparty.
        #expect(lines[3].counterpartyName == "NGUYEN VAN A")
        #expect(lines[3].valueDate == day("2026-11-22"))
        #expect(lines[4].memo == "PHI DICH VU SMS")
        #expect(statement.checkBalance() == .balanced)
    }

    @Test func version08StatementInCents() throws {
        let statement = try #require(try parse(camt053v08, file: "stmt.xml").statements.first)
        #expect(statement.account == "DE89370400440532013000")
        #expect(statement.opening?.amount == -10_050)
        #expect(statement.closing == Balance(amount: 113_406, currency: "USD", date: day("2026-11-22")))
        let line = try #require(statement.lines.first)
        #expect(line.amount == 123_456)
        #expect(line.currency == "USD")
        #expect(line.bookingDate == day("2026-11-22"))
        #expect(line.bookingTime == StatementTime(hour: 9, minute: 15, second: 0, utcOffsetMinutes: 420))
        #expect(line.valueDate == day("2026-11-23"))
        #expect(line.counterpartyName == "ACME Corp")
        #expect(line.counterpartyAccount == "GB33BUKB20201555555555")
        #expect(line.memo == "Fee for dossier HS0000123456")
        #expect(line.transactionCode == "PMNT/RCDT/ESCT")
        #expect(statement.checkBalance() == .balanced)
    }

    @Test func notification054() throws {
        let file = try parse(camt054v08, file: "ntf.xml")
        #expect(file.format == .camt054)
        let statement = try #require(file.statements.first)
        #expect(statement.currency == "VND")
        #expect(statement.opening == nil)
        #expect(statement.trailer.skipped == 1)
        #expect(statement.lines.count == 1)
        #expect(statement.lines[0].counterpartyName == "Nguyễn Văn Ánh")
        if case .notCheckable = statement.checkBalance() {} else { Issue.record("a notification has no balances") }
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?><Foo/>", "x.xml: root element is 'Foo', not a camt.053 or camt.054 Document"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.08\"><BkToCstmrAcctRpt/></Document>",
         "x.xml: namespace 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.08' is not a camt.053 or camt.054 namespace"),
        ("<Document><Other/></Document>",
         "x.xml: Document contains 'Other', not BkToCstmrStmt (camt.053) or BkToCstmrDbtCdtNtfctn (camt.054)"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"VND\">1</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-22</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>",
         "x.xml line 1 (Document/BkToCstmrStmt/Stmt[1]/Ntry[1]): entry has no status (Sts)"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"VND\">12.5</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-22</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>",
         "x.xml line 1 (Document/BkToCstmrStmt/Stmt[1]/Ntry[1]): entry amount '12.5' is not a whole number of đồng"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"VND\">1x0</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-22</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>",
         "x.xml line 1 (Document/BkToCstmrStmt/Stmt[1]/Ntry[1]): entry amount '1x0' is not a number ('x' is not a digit)"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"VND\">10</Amt>"
            + "<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>",
         "x.xml line 1 (Document/BkToCstmrStmt/Stmt[1]/Ntry[1]): booking date '2026-02-30' is not a valid date"),
        ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry>",
         "x.xml line 1: the XML is malformed"),
    ])
    func refusesWithExactMessage(_ input: String, _ message: String) {
        let actual = errorMessage(input, file: "x.xml") ?? "(parsed)"
        if message.hasSuffix("malformed") {
            #expect(actual.hasPrefix(message))
        } else {
            #expect(actual == message)
        }
    }

    @Test func batchWhoseAmountsDoNotAddUpIsRefused() {
        let broken = camt053v02.replacingOccurrences(of: "<Amt Ccy=\"VND\">50000</Amt></TxAmt>", with: "<Amt Ccy=\"VND\">40000</Amt></TxAmt>")
        #expect(errorMessage(broken, file: "stmt.xml")
            == "stmt.xml line 29 (Document/BkToCstmrStmt/Stmt[1]/Ntry[2]): the 2 transaction amounts add up to 140.000 ₫, not the entry amount 150.000 ₫")
    }

    @Test func versionsAreDetectedLoosely() throws {
        for version in ["02", "04", "06", "10", "13"] {
            let text = camt053v02.replacingOccurrences(of: "camt.053.001.02", with: "camt.053.001.\(version)")
            #expect(try StatementReader.detectFormat(data: Data(text.utf8), fileName: "x.xml") == .camt053)
        }
        #expect(try StatementReader.detectFormat(data: Data(camt054v08.utf8), fileName: "x.xml") == .camt054)
    }
}
