import Testing
@testable import QRRender

/// Property-style round trips over seeded random texts: every rendering reads back to the matrix.
@Suite("Round trips")
struct RoundTripTests {
    @Test(arguments: [1, 2, 3])
    func everyRenderingReadsBackToTheMatrix(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<15 {
            let text = random.text(maxLength: 300)
            let quietZone = Int.random(in: 0...6, using: &random)
            let moduleSize = Int.random(in: 1...4, using: &random)
            let matrix = try QRMatrix(encoding: text, quietZone: quietZone)

            let d = try #require(SVGDocument.parse(matrix.svg()).document?.elements(named: "path").first?.attributes["d"])
            #expect(Grid.picture(try SVGPathRasterizer.rasterize(d, size: matrix.size)) == matrix.picture, "SVG of \(text)")

            let image = try PNGGrayImage.decode(matrix.png(moduleSize: moduleSize))
            let fromPNG = (0..<matrix.size).map { row in
                (0..<matrix.size).map { column in
                    image.pixels[(row * moduleSize) * image.width + column * moduleSize] == 0
                }
            }
            #expect(Grid.picture(fromPNG) == matrix.picture, "PNG of \(text)")

            for background in TerminalBackground.allCases {
                let (grid, _) = TerminalRenderingTests.readBack(matrix.terminalText(background: background), background: background)
                #expect(Grid.picture(Array(grid.prefix(matrix.size))) == matrix.picture, "terminal (\(background)) of \(text)")
            }
        }
    }

    /// libqrencode is built with pthreads: encoding from many tasks at once gives the same matrices.
    @Test func concurrentEncodingMatchesSequentialEncoding() async throws {
        var random = SplitMix64(seed: 42)
        let texts = (0..<32).map { _ in random.text(maxLength: 200) }
        let sequential = try texts.map { try QRMatrix(encoding: $0) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, QRMatrix).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, try QRMatrix(encoding: text)) }
            }
            var results = [QRMatrix?](repeating: nil, count: texts.count)
            for try await (index, matrix) in group { results[index] = matrix }
            return results
        }
        #expect(concurrent == sequential)
    }
}
