import Testing
@testable import QRRender

@Suite("PNG rendering through libpng's simplified API")
struct PNGRenderingTests {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    @Test func defaultIsEightPixelsPerModuleWithTheSignature() throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        let png = try matrix.png()
        #expect(Array(png.prefix(8)) == Self.signature)
        let image = try PNGGrayImage.decode(png)
        #expect(image.width == 29 * 8 && image.height == 29 * 8)
    }

    @Test(arguments: [1, 3, 8, 32])
    func decodesBackToTheModuleGrid(moduleSize: Int) throws {
        let matrix = try QRMatrix(encoding: Payloads.napasDynamicAccount)
        let image = try PNGGrayImage.decode(matrix.png(moduleSize: moduleSize))
        #expect(image.width == matrix.size * moduleSize)
        #expect(image.height == matrix.size * moduleSize)
        var mismatches = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let expected: UInt8 = matrix.isDark(row: y / moduleSize, column: x / moduleSize) ? 0 : 255
                if image.pixels[y * image.width + x] != expected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test(arguments: [0, 1, 16, 100])
    func aBufferTooSmallIsRetriedWithTheSizeLibpngAsksFor(initialCapacity: Int) throws {
        let matrix = try QRMatrix(encoding: Payloads.foldedPurpose)
        let retried = try matrix.pngImage(moduleSize: 4).encoded(initialCapacity: initialCapacity)
        #expect(retried == (try matrix.png(moduleSize: 4)))
    }

    @Test func outputIsDeterministic() throws {
        #expect(try QRMatrix(encoding: Payloads.foldedPurpose).png() == QRMatrix(encoding: Payloads.foldedPurpose).png())
    }

    @Test(arguments: [
        (0, "PNG module size of 0 pixels is outside the allowed range 1...32."),
        (-3, "PNG module size of -3 pixels is outside the allowed range 1...32."),
        (33, "PNG module size of 33 pixels is outside the allowed range 1...32."),
    ])
    func badModuleSizeIsRefused(moduleSize: Int, message: String) throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        #expect {
            _ = try matrix.png(moduleSize: moduleSize)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test(arguments: [
        ([UInt8](), "libpng could not read PNG data of 0 bytes: png_image_begin_read_from_memory: invalid argument."),
        (Array("GIF89a not a png".utf8), "libpng could not read PNG data of 16 bytes: Not a PNG file."),
    ])
    func unreadableDataKeepsLibpngsMessage(data: [UInt8], message: String) {
        #expect {
            _ = try PNGGrayImage.decode(data)
        } throws: { error in
            "\(error)" == message
        }
    }

    @Test func aTruncatedPNGIsRefused() throws {
        let png = try QRMatrix(encoding: "HELLO").png()
        #expect(throws: QRRenderError.self) {
            _ = try PNGGrayImage.decode(Array(png.prefix(png.count / 2)))
        }
    }

    @Test func writeFailuresDescribeTheImage() {
        let error = QRRenderError.pngWriteFailed(width: 232, height: 232, message: "Write Error")
        #expect("\(error)" == "libpng could not write a 232×232 grayscale PNG: Write Error.")
    }
}
