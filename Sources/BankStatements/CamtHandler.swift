import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// SAX delegate for camt: collects one statement/notification and one entry at a time, and hands
/// finished entries to the visitor. Confined to the thread running `XMLParser.parse()`.
final class CamtHandler<V: StatementVisitor>: NSObject, XMLParserDelegate {
    var visitor: V
    let fileName: String
    var format: StatementFormat?
    var failure: (any Error)?
    var summary = StatementReadSummary(format: .camt053)

    private var names: [String] = []
    private var display: [String] = []
    private var text = ""
    private var statementDepth: Int?
    private var entryDepth: Int?
    private var transactionDepth: Int?
    private var balanceDepth: Int?
    private var statementCount = 0
    private var entryCount = 0
    private var transactionCount = 0
    var statement: CamtStatement?
    var entry: CamtEntry?
    var transaction: CamtTransaction?
    var balance: CamtBalance?

    init(visitor: V, fileName: String) {
        self.visitor = visitor
        self.fileName = fileName
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        do {
            try start(elementName, namespace: namespaceURI, attributes: attributeDict, line: parser.lineNumber)
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if entry != nil { entry?.raw += CamtHandler.escaped(string) }
    }

    /// CDATA sections are text like any other (a memo or an amount may be wrapped in one).
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        do {
            try end(elementName)
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    private func start(_ name: String, namespace: String?, attributes: [String: String], line: Int) throws {
        let depth = names.count
        if depth == 0 {
            format = try CamtReader.rootFormat(name: name, namespace: namespace, fileName: fileName)
        } else if depth == 1, format == nil {
            format = try CamtReader.childFormat(name: name, fileName: fileName)
        }
        summary.format = format ?? .camt053
        names.append(name)
        var shown = name
        text = ""
        if depth == 2, name == "Stmt" || name == "Ntfctn" {
            statementCount += 1
            entryCount = 0
            shown = "\(name)[\(statementCount)]"
            statementDepth = depth
            statement = CamtStatement(path: (display + [shown]).joined(separator: "/"), line: line)
        } else if let statementDepth, depth == statementDepth + 1, name == "Ntry" {
            entryCount += 1
            transactionCount = 0
            shown = "Ntry[\(entryCount)]"
            entryDepth = depth
            entry = CamtEntry(path: (display + [shown]).joined(separator: "/"), line: line)
        } else if let statementDepth, depth == statementDepth + 1, name == "Bal" {
            balanceDepth = depth
            balance = CamtBalance(line: line, path: (display + [name]).joined(separator: "/"))
        } else if let entryDepth, name == "TxDtls", depth == entryDepth + 2 {
            transactionCount += 1
            shown = "TxDtls[\(transactionCount)]"
            transactionDepth = depth
            transaction = CamtTransaction(path: (display + [shown]).joined(separator: "/"))
        }
        display.append(shown)
        if entry != nil {
            entry?.raw += "<" + name
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                entry?.raw += " \(key)=\"\(CamtHandler.escaped(value))\""
            }
            entry?.raw += ">"
        }
        if name == "Amt" || name == "Amount", let currency = attributes["Ccy"] {
            record(currency: currency)
        }
    }

    /// Stores the `Ccy` attribute of an `Amt` on whichever element is open.
    private func record(currency: String) {
        let relative = relativeKey(to: transactionDepth ?? entryDepth ?? balanceDepth)
        if transaction != nil, relative == "Amt" || relative == "AmtDtls/TxAmt/Amt" {
            if transaction?.currency == nil || relative == "Amt" { transaction?.currency = currency }
        } else if entry != nil, transaction == nil, relative == "Amt" {
            entry?.currency = currency
        } else if balance != nil, relative == "Amt" {
            balance?.currency = currency
        }
    }

    private func end(_ name: String) throws {
        let depth = names.count - 1
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if entry != nil { entry?.raw += "</\(name)>" }
        if let transactionDepth, depth >= transactionDepth {
            if depth == transactionDepth, let finished = transaction {
                entry?.transactions.append(finished)
                transaction = nil
                self.transactionDepth = nil
            } else {
                collectTransaction(relativeKey(to: transactionDepth), value)
            }
        } else if let entryDepth, depth >= entryDepth {
            if depth == entryDepth, let finished = entry {
                entry = nil
                self.entryDepth = nil
                try finishEntry(finished)
            } else {
                collectEntry(relativeKey(to: entryDepth), value)
            }
        } else if let balanceDepth, depth >= balanceDepth {
            if depth == balanceDepth, let finished = balance {
                statement?.balances.append(finished)
                balance = nil
                self.balanceDepth = nil
            } else {
                collectBalance(relativeKey(to: balanceDepth), value)
            }
        } else if let statementDepth, depth >= statementDepth {
            if depth == statementDepth, let finished = statement {
                statement = nil
                self.statementDepth = nil
                try finishStatement(finished)
            } else {
                collectStatement(relativeKey(to: statementDepth), value)
            }
        }
        names.removeLast()
        display.removeLast()
        text = ""
    }

    /// The path of the current element below the element at `depth`, e.g. `RltdPties/Dbtr/Nm`.
    private func relativeKey(to depth: Int?) -> String {
        guard let depth, depth + 1 < names.count else { return "" }
        return names[(depth + 1)...].joined(separator: "/")
    }

    /// The display path of the current element (with indexes), for error messages.
    var currentPath: String { display.joined(separator: "/") }

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
