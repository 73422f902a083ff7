import CQREncode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules of one QR code symbol, surrounded by a light quiet zone.
///
/// Built by libqrencode at error-correction level M (up to 15 % of the symbol may be damaged and still
/// scan), choosing the smallest version that fits. The text is encoded case-sensitively with 8-bit
/// mode as the hint, so any UTF-8 text is carried byte for byte (runs of digits or upper-case
/// alphanumerics may use the denser numeric/alphanumeric modes; scanners return the same bytes).
///
/// Coordinates include the quiet zone: row 0, column 0 is the top-left corner of the quiet zone, and
/// the symbol proper starts at (`quietZone`, `quietZone`). libqrencode's buffer is copied into this
/// value and freed before the initialiser returns, so a `QRMatrix` owns no C memory and is freely
/// `Sendable`. libqrencode on Debian is built with pthreads, so encoding is safe from any thread.
public struct QRMatrix: Sendable, Hashable {
    /// The quiet zone ISO/IEC 18004 requires around a QR code: 4 modules on every side.
    public static let defaultQuietZone = 4
    /// The quiet zones this type accepts, in modules.
    public static let quietZoneRange: ClosedRange<Int> = 0...64

    /// The QR version chosen by libqrencode, 1...40 (version 1 is 21 × 21 modules).
    public let version: Int
    /// The width of the light margin on each side, in modules.
    public let quietZone: Int
    /// The modules per side including the quiet zone on both sides.
    public let size: Int
    /// `size × size` flags in row-major order, `true` for a dark module (internal: the renderers read it).
    let darkModules: [Bool]

    /// Encodes `text` with libqrencode at error-correction level M.
    ///
    /// - Parameters:
    ///   - text: the payload, encoded as its UTF-8 bytes; must be non-empty and free of NUL.
    ///   - quietZone: light modules added on each side; keep the default of 4 for anything a person
    ///     scans, use 0 only when the surroundings already provide a light margin.
    /// - Throws: ``QRRenderError`` naming the text's length when it is empty, holds a NUL, is too long
    ///   for version 40, or libqrencode fails otherwise.
    public init(encoding text: String, quietZone: Int = QRMatrix.defaultQuietZone) throws(QRRenderError) {
        guard Self.quietZoneRange.contains(quietZone) else { throw .quietZoneOutOfRange(quietZone) }
        let utf8 = text.utf8
        let byteCount = utf8.count
        guard byteCount > 0 else { throw .emptyText }
        if let nul = utf8.firstIndex(of: 0) {
            throw .textContainsNUL(byteOffset: utf8.distance(from: utf8.startIndex, to: nul), byteCount: byteCount)
        }

        errno = 0
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            let failure = errno
            if failure == ERANGE { throw .textTooLong(byteCount: byteCount) }
            throw .encodingFailed(byteCount: byteCount, errno: failure, reason: Self.describe(errno: failure))
        }
        defer { QRcode_free(code) }

        let symbolSize = Int(code.pointee.width)
        let size = symbolSize + 2 * quietZone
        var modules = [Bool](repeating: false, count: size * size)
        if let data = code.pointee.data {
            for row in 0..<symbolSize {
                let source = row * symbolSize
                let target = (row + quietZone) * size + quietZone
                for column in 0..<symbolSize {
                    // Bit 0 is the module's colour; the higher bits only say which part of the symbol
                    // (finder, timing, data…) libqrencode placed there.
                    modules[target + column] = data[source + column] & 1 == 1
                }
            }
        }
        self.init(version: Int(code.pointee.version), quietZone: quietZone, size: size, darkModules: modules)
    }

    /// Wraps an already laid-out grid; `darkModules` must hold `size × size` flags in row-major order.
    init(version: Int, quietZone: Int, size: Int, darkModules: [Bool]) {
        precondition(darkModules.count == size * size, "QRMatrix needs size × size modules")
        self.version = version
        self.quietZone = quietZone
        self.size = size
        self.darkModules = darkModules
    }

    /// The modules per side of the symbol proper, without the quiet zone (`17 + 4 × version`).
    public var symbolSize: Int { size - 2 * quietZone }

    /// Whether the module at `row`, `column` (quiet zone included) is dark.
    ///
    /// Coordinates outside the matrix answer `false`, as if the quiet zone went on forever.
    public func isDark(row: Int, column: Int) -> Bool {
        guard row >= 0, row < size, column >= 0, column < size else { return false }
        return darkModules[row * size + column]
    }

    /// The text of a C `errno` value.
    private static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "unknown error" }
        return String(cString: text)
    }
}
