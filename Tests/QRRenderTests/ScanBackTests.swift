import Testing
@testable import QRRender

/// Scans renderings with ZBar, an independent QR decoder, as a phone would.
///
/// Needs `zbarimg` (Debian zbar-tools; `make test` installs it). Without it these tests are reported
/// as skipped with the reason below, never as passed.
@Suite(
    "Scan-back with zbarimg",
    .enabled(if: Zbar.isInstalled, "zbarimg not found on PATH: install zbar-tools (make test does) to scan QR codes back")
)
struct ScanBackTests {
    @Test(arguments: Payloads.vietQR)
    func pngScansBackToTheExactPayload(payload: String) throws {
        let png = try QRMatrix(encoding: payload).png()
        #expect(try Zbar.scan(png: png) == payload)
    }

    /// zbarimg cannot read SVG, so the path is rasterised by ``SVGPathRasterizer``, compared with the
    /// matrix, PNG-encoded and scanned.
    @Test(arguments: Payloads.vietQR)
    func svgScansBackToTheExactPayload(payload: String) throws {
        let matrix = try QRMatrix(encoding: payload)
        let svg = matrix.svg(SVGOptions(pixelSize: 400, title: "VietQR"))
        let d = try #require(SVGDocument.parse(svg).document?.elements(named: "path").first?.attributes["d"])
        let grid = try SVGPathRasterizer.rasterize(d, size: matrix.size)
        #expect(Grid.picture(grid) == matrix.picture)
        let png = try matrix.replacingModules(with: grid).png(moduleSize: 6)
        #expect(try Zbar.scan(png: png) == payload)
    }

    /// The terminal rendering of a light terminal, read back into a grid, scans too.
    @Test func terminalTextScansBack() throws {
        let matrix = try QRMatrix(encoding: Payloads.foldedPurpose)
        let (grid, _) = TerminalRenderingTests.readBack(matrix.terminalText(background: .light), background: .light)
        let png = try matrix.replacingModules(with: Array(grid.prefix(matrix.size))).png(moduleSize: 4)
        #expect(try Zbar.scan(png: png) == Payloads.foldedPurpose)
    }

    /// 8-bit mode carries UTF-8 byte for byte, and the smallest and a large version scan.
    @Test(arguments: [
        "Lệ phí chứng thực bản sao — 10.000 ₫",
        "a",
        String(repeating: "0123456789ABCDEFGHIJ", count: 40),
    ])
    func otherTextsScanBack(text: String) throws {
        #expect(try Zbar.scan(png: QRMatrix(encoding: text).png(moduleSize: 3)) == text)
    }

    /// The scanner really reads the image: a matrix with its top-left finder pattern erased does not scan.
    @Test func aDamagedSymbolDoesNotScan() throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        var grid = matrix.grid
        for row in 0..<(matrix.quietZone + 8) {
            for column in 0..<(matrix.quietZone + 8) { grid[row][column] = false }
        }
        #expect(throws: Zbar.Failure.self) {
            _ = try Zbar.scan(png: matrix.replacingModules(with: grid).png())
        }
        #expect(try Zbar.scan(png: matrix.png()) == "HELLO")
    }

    /// Seeded random texts (ASCII and Vietnamese letters) scan back exactly.
    @Test func randomTextsScanBack() throws {
        var random = SplitMix64(seed: 0x5143_5265_6E64)
        for _ in 0..<4 {
            let text = random.text(maxLength: 150)
            #expect(try Zbar.scan(png: QRMatrix(encoding: text).png(moduleSize: 3)) == text, "text: \(text)")
        }
    }
}
