import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads ISO 20022 camt.053 (statement) and camt.054 (notification) documents, versions 02 to 13,
/// by local element names with Foundation's SAX `XMLParser`.
enum CamtReader {
    /// Streams the document to the visitor.
    static func read<V: StatementVisitor>(data: Data, fileName: String, visitor: inout V) throws -> StatementReadSummary {
        try CamtScreen.check(data, fileName: fileName)
        let handler = CamtHandler(visitor: visitor, fileName: fileName)
        // A stream feeds libxml2 in chunks; one chunk over 10 MB fails with "huge input lookup".
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let success = parser.parse()
        visitor = handler.visitor
        if let failure = handler.failure { throw failure }
        if !success || parser.parserError != nil {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw StatementError(.syntax, file: fileName, at: .line(parser.lineNumber), "the XML is malformed (\(reason))")
        }
        guard let format = handler.format else {
            throw StatementError(.syntax, file: fileName, "the XML has no root element")
        }
        if handler.summary.statements == 0 {
            throw StatementError(.syntax, file: fileName, "the \(format == .camt053 ? "camt.053" : "camt.054") document has no Stmt or Ntfctn")
        }
        return handler.summary
    }

    /// Reads only the root (and, without namespace, its first child) to tell camt.053 from camt.054.
    static func detect(data: Data, fileName: String) throws(StatementError) -> StatementFormat {
        try CamtScreen.check(data, fileName: fileName)
        let probe = CamtProbe(fileName: fileName)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = probe
        _ = parser.parse()
        if let failure = probe.failure { throw failure }
        if let format = probe.format { return format }
        let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
        throw StatementError(.syntax, file: fileName, at: .line(parser.lineNumber), "the XML is malformed (\(reason))")
    }

    /// The format named by a namespace such as `urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`.
    static func format(namespace: String) -> StatementFormat? {
        if namespace.contains("camt.053.001.") { return .camt053 }
        if namespace.contains("camt.054.001.") { return .camt054 }
        return nil
    }

    /// Checks the root element and decides the format; nil when the first child must decide.
    static func rootFormat(name: String, namespace: String?, fileName: String) throws(StatementError) -> StatementFormat? {
        guard name == "Document" else {
            throw StatementError(.syntax, file: fileName, "root element is '\(name)', not a camt.053 or camt.054 Document")
        }
        guard let namespace, !namespace.isEmpty else { return nil }
        guard let format = format(namespace: namespace) else {
            throw StatementError(.syntax, file: fileName, "namespace '\(namespace)' is not a camt.053 or camt.054 namespace")
        }
        return format
    }

    /// The format named by the Document's first child when there is no namespace.
    static func childFormat(name: String, fileName: String) throws(StatementError) -> StatementFormat {
        switch name {
        case "BkToCstmrStmt": return .camt053
        case "BkToCstmrDbtCdtNtfctn": return .camt054
        default:
            throw StatementError(.syntax, file: fileName,
                                 "Document contains '\(name)', not BkToCstmrStmt (camt.053) or BkToCstmrDbtCdtNtfctn (camt.054)")
        }
    }
}

/// Stops after the root element (and its first child when the namespace is missing).
final class CamtProbe: NSObject, XMLParserDelegate {
    let fileName: String
    var format: StatementFormat?
    var failure: StatementError?
    private var depth = 0

    init(fileName: String) { self.fileName = fileName }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        depth += 1
        do {
            if depth == 1 {
                format = try CamtReader.rootFormat(name: elementName, namespace: namespaceURI, fileName: fileName)
                if format != nil { parser.abortParsing() }
            } else {
                format = try CamtReader.childFormat(name: elementName, fileName: fileName)
                parser.abortParsing()
            }
        } catch {
            failure = error
            parser.abortParsing()
        }
    }
}
