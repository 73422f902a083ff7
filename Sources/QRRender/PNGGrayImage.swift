import CPNG

/// An 8-bit grayscale bitmap and its PNG encoding through libpng's simplified API.
///
/// The simplified API (`png_image`) reports failures in `warning_or_error`/`message` instead of
/// `longjmp`ing out of a callback, which Swift cannot survive; that is why it is used here.
/// Internal: callers render a ``QRMatrix`` with ``QRMatrix/png(moduleSize:)``; tests use `decode` to
/// read the result back.
struct PNGGrayImage: Sendable, Hashable {
    /// Pixels per row.
    let width: Int
    /// Rows.
    let height: Int
    /// `width × height` gray levels in row-major order, 0 black, 255 white.
    let pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width > 0 && height > 0 && pixels.count == width * height, "PNGGrayImage needs width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Encodes the bitmap as a PNG file (8-bit grayscale, no interlacing).
    ///
    /// `png_image_write_to_memory` is called with a buffer sized from libpng's own upper bound; if
    /// libpng still answers that the buffer is too small, it has stored the size it needs and the
    /// call is repeated once with that size (the documented two-pass protocol). A failure leaves the
    /// size untouched and carries libpng's message.
    ///
    /// - Parameter initialCapacity: the first buffer size; `nil` uses the upper bound. Tests pass a
    ///   tiny value to exercise the second pass.
    func encoded(initialCapacity: Int? = nil) throws(QRRenderError) -> [UInt8] {
        var image = makeImage()
        var output = [UInt8](repeating: 0, count: max(initialCapacity ?? pngSizeUpperBound, 1))
        for _ in 0..<2 {
            let offered = output.count
            var written = offered
            let ok = pixels.withUnsafeBytes { source in
                output.withUnsafeMutableBytes { target in
                    png_image_write_to_memory(&image, target.baseAddress, &written, 0, source.baseAddress, 0, nil)
                }
            }
            if ok != 0, !Self.failed(image) {
                output.removeSubrange(written...)
                return output
            }
            guard written > offered else {
                throw .pngWriteFailed(width: width, height: height, message: Self.message(of: image))
            }
            // Too small: libpng reported the size it needs. The image must be described identically.
            png_image_free(&image)
            image = makeImage()
            output = [UInt8](repeating: 0, count: written)
        }
        throw .pngWriteFailed(width: width, height: height, message: "the PNG outgrew the size libpng asked for")
    }

    /// Decodes any PNG libpng understands into 8-bit gray (colour is converted, alpha composed on white).
    static func decode(_ data: [UInt8]) throws(QRRenderError) -> PNGGrayImage {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let decoded: [UInt8]? = data.withUnsafeBytes { source in
            guard png_image_begin_read_from_memory(&image, source.baseAddress, source.count) != 0,
                  !failed(image) else { return nil }
            image.format = png_uint_32(PNG_FORMAT_GRAY)
            var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height))
            var white = png_color(red: 255, green: 255, blue: 255)
            let ok = pixels.withUnsafeMutableBytes { target in
                png_image_finish_read(&image, &white, target.baseAddress, 0, nil)
            }
            return ok != 0 && !failed(image) ? pixels : nil
        }
        guard let decoded, image.width > 0, image.height > 0 else {
            throw .pngReadFailed(byteCount: data.count, message: message(of: image))
        }
        return PNGGrayImage(width: Int(image.width), height: Int(image.height), pixels: decoded)
    }

    /// A fresh `png_image` describing this bitmap for writing.
    private func makeImage() -> png_image {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(width)
        image.height = png_uint_32(height)
        image.format = png_uint_32(PNG_FORMAT_GRAY)
        return image
    }

    /// libpng's `PNG_IMAGE_PNG_SIZE_MAX` for an 8-bit gray image: fixed chunks, the zlib worst case
    /// of the filtered rows (one filter byte per row) and one 12-byte IDAT header per 8 KiB.
    private var pngSizeUpperBound: Int {
        let raw = (width + 1) * height
        let compressed = raw + (raw + 7) / 8 + (raw + 63) / 64 + 11
        return 8 + 25 + 16 + 44 + 12 + 12 + 12 * (compressed / 8192) + compressed
    }

    /// `PNG_IMAGE_FAILED`: the low two bits of `warning_or_error` are 2 (error) or 3 (warning, then error).
    private static func failed(_ image: png_image) -> Bool {
        image.warning_or_error & 0x03 > 1
    }

    /// libpng's message for the last call, or a fallback when it left none.
    private static func message(of image: png_image) -> String {
        let text = withUnsafeBytes(of: image.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng gave no message" : text
    }
}
