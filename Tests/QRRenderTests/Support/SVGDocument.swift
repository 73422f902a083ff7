import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What an SVG document contains, read back with Foundation's `XMLParser`.
struct SVGDocument {
    /// One element: its name and attributes, in document order.
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    let elements: [Element]
    /// The character data inside `<title>`, if any.
    let title: String?

    /// Parses `text`; `nil` when the XML is not well-formed (with the parser's error in `failure`).
    static func parse(_ text: String) -> (document: SVGDocument?, failure: String?) {
        let collector = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        guard parser.parse() else {
            return (nil, parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        return (SVGDocument(elements: collector.elements, title: collector.title), nil)
    }

    /// The elements called `name`.
    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var title: String?
        private var inTitle = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            elements.append(Element(name: elementName, attributes: attributeDict))
            if elementName == "title" {
                inTitle = true
                title = ""
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            if elementName == "title" { inTitle = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle { title = (title ?? "") + string }
        }
    }
}
