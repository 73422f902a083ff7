extension QRMatrix {
    /// The pixels per module ``png(moduleSize:)`` uses unless told otherwise.
    public static let defaultPNGModuleSize = 8
    /// The module sizes ``png(moduleSize:)`` accepts, in pixels (32 px × 305 modules ≈ 9,800 px wide).
    public static let pngModuleSizeRange: ClosedRange<Int> = 1...32

    /// Renders the matrix as a PNG file: 8-bit grayscale, black modules on white, quiet zone included.
    ///
    /// The image is `size × moduleSize` pixels square, every module an exact square of pixels (no
    /// smoothing), written by libpng's simplified API. The bytes are deterministic for a given matrix
    /// and module size.
    ///
    /// - Parameter moduleSize: pixels per module side, within ``pngModuleSizeRange``; the default 8 px
    ///   gives a 400–500 px image for a typical VietQR payload.
    /// - Returns: the complete PNG file, starting with the 8-byte PNG signature.
    /// - Throws: ``QRRenderError/moduleSizeOutOfRange(_:)``, or
    ///   ``QRRenderError/pngWriteFailed(width:height:message:)`` with libpng's message.
    public func png(moduleSize: Int = QRMatrix.defaultPNGModuleSize) throws(QRRenderError) -> [UInt8] {
        try pngImage(moduleSize: moduleSize).encoded()
    }

    /// The grayscale bitmap behind ``png(moduleSize:)``: 0 for a dark module, 255 for a light one.
    func pngImage(moduleSize: Int) throws(QRRenderError) -> PNGGrayImage {
        guard Self.pngModuleSizeRange.contains(moduleSize) else { throw .moduleSizeOutOfRange(moduleSize) }
        let side = size * moduleSize
        var pixels = [UInt8]()
        pixels.reserveCapacity(side * side)
        var pixelRow = [UInt8](repeating: 255, count: side)
        for row in 0..<size {
            for column in 0..<size {
                let level: UInt8 = darkModules[row * size + column] ? 0 : 255
                let start = column * moduleSize
                pixelRow.replaceSubrange(start..<start + moduleSize, with: repeatElement(level, count: moduleSize))
            }
            for _ in 0..<moduleSize { pixels.append(contentsOf: pixelRow) }
        }
        return PNGGrayImage(width: side, height: side, pixels: pixels)
    }
}
