import Testing
@testable import QRRender

@Suite("SVG rendering")
struct SVGRenderingTests {
    /// The exact bytes for a tiny hand-made matrix pin the format: declaration, one path, run merging.
    @Test func tinyMatrixRendersExactly() {
        let matrix = QRMatrix(version: 1, quietZone: 1, size: 4, darkModules: [
            false, false, false, false,
            false, true, true, false,
            false, true, false, false,
            false, false, false, false,
        ])
        #expect(matrix.svg() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" shape-rendering="crispEdges">\
            <rect width="4" height="4" fill="#fff"/><path fill="#000" d="M1 1h2v1h-2zM1 2h1v1h-1z"/></svg>

            """)
        #expect(matrix.svg(SVGOptions(pixelSize: 200, xmlDeclaration: false, title: "Mã VietQR")) == """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" width="200" height="200" \
            shape-rendering="crispEdges" role="img"><title>Mã VietQR</title>\
            <rect width="4" height="4" fill="#fff"/><path fill="#000" d="M1 1h2v1h-2zM1 2h1v1h-1z"/></svg>

            """)
    }

    @Test(arguments: [SVGOptions.standalone, .inlineHTML, SVGOptions(pixelSize: 320), SVGOptions(title: "Mã QR")])
    func isWellFormedWithOnePathAndTheRightViewBox(options: SVGOptions) throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        let svg = matrix.svg(options)
        let (parsed, failure) = SVGDocument.parse(svg)
        let document = try #require(parsed, "XMLParser: \(failure ?? "")")

        let root = try #require(document.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 29 29")
        #expect(root.attributes["shape-rendering"] == "crispEdges")
        #expect(document.elements(named: "path").count == 1)
        #expect(document.elements(named: "svg").count == 1)

        let background = try #require(document.elements(named: "rect").first)
        #expect(document.elements(named: "rect").count == 1)
        #expect(background.attributes["width"] == "29" && background.attributes["height"] == "29")
        #expect(background.attributes["fill"] == "#fff")
        #expect(background.attributes["x"] == nil && background.attributes["y"] == nil)
        #expect(document.elements(named: "path").first?.attributes["fill"] == "#000")

        if let pixels = options.pixelSize {
            #expect(root.attributes["width"] == "\(pixels)" && root.attributes["height"] == "\(pixels)")
        } else {
            #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        }
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ") == options.xmlDeclaration)
        #expect(svg.hasPrefix("<svg ") == !options.xmlDeclaration)
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(document.title == options.title)
    }

    @Test(arguments: [0, -5])
    func nonPositivePixelSizeLeavesTheSizeOut(pixels: Int) throws {
        let svg = try QRMatrix(encoding: "HELLO").svg(SVGOptions(pixelSize: pixels))
        #expect(svg == (try QRMatrix(encoding: "HELLO").svg()))
    }

    @Test func titleIsEscapedAndStaysWellFormed() throws {
        let title = "Phí <hồ sơ> & \"lệ phí\" 'A'\u{1}\tB"
        let svg = try QRMatrix(encoding: "HELLO").svg(SVGOptions(title: title))
        #expect(svg.contains("<title>Phí &lt;hồ sơ&gt; &amp; &quot;lệ phí&quot; &apos;A&apos;\tB</title>"))
        let (parsed, failure) = SVGDocument.parse(svg)
        let document = try #require(parsed, "XMLParser: \(failure ?? "")")
        #expect(document.title == "Phí <hồ sơ> & \"lệ phí\" 'A'\tB")
    }

    @Test(arguments: Payloads.vietQR + ["HELLO"])
    func pathRasterisesToTheMatrix(text: String) throws {
        let matrix = try QRMatrix(encoding: text)
        let (parsed, failure) = SVGDocument.parse(matrix.svg())
        let document = try #require(parsed, "XMLParser: \(failure ?? "")")
        let d = try #require(document.elements(named: "path").first?.attributes["d"])
        #expect(Grid.picture(try SVGPathRasterizer.rasterize(d, size: matrix.size)) == matrix.picture)
    }

    @Test func outputIsDeterministic() throws {
        let first = try QRMatrix(encoding: Payloads.foldedPurpose).svg(SVGOptions(pixelSize: 256, title: "QR"))
        let second = try QRMatrix(encoding: Payloads.foldedPurpose).svg(SVGOptions(pixelSize: 256, title: "QR"))
        #expect(first == second)
    }

    @Test func largestSymbolFitsItsBuffer() throws {
        let matrix = try QRMatrix(encoding: String(repeating: "a", count: 2331), quietZone: 64)
        #expect(matrix.size == 177 + 128)
        let svg = matrix.svg(SVGOptions(pixelSize: Int.max, title: String(repeating: "&", count: 100)))
        let d = try #require(SVGDocument.parse(svg).document?.elements(named: "path").first?.attributes["d"])
        #expect(Grid.picture(try SVGPathRasterizer.rasterize(d, size: matrix.size)) == matrix.picture)
    }

    /// The worst case for the buffer estimate: alternating modules, the most runs per row.
    @Test func checkerboardFitsItsBuffer() throws {
        let size = 305
        let modules = (0..<size * size).map { ($0 / size + $0 % size).isMultiple(of: 2) }
        let matrix = QRMatrix(version: 40, quietZone: 0, size: size, darkModules: modules)
        let d = try #require(SVGDocument.parse(matrix.svg()).document?.elements(named: "path").first?.attributes["d"])
        #expect(Grid.picture(try SVGPathRasterizer.rasterize(d, size: size)) == matrix.picture)
    }
}
