/// Why a QR code could not be encoded or rendered.
///
/// Every case describes itself in one sentence that names the bad value; failures reported by
/// libqrencode or libpng keep the C library's own code or message.
public enum QRRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text to encode is empty.
    case emptyText
    /// The text holds a NUL character, which a C string cannot carry.
    case textContainsNUL(byteOffset: Int, byteCount: Int)
    /// The text does not fit in a version-40 QR code at error-correction level M.
    case textTooLong(byteCount: Int)
    /// libqrencode failed for another reason (`errno` and its `strerror` text).
    case encodingFailed(byteCount: Int, errno: Int32, reason: String)
    /// The requested quiet zone is outside ``QRMatrix/quietZoneRange``.
    case quietZoneOutOfRange(Int)
    /// The requested PNG module size is outside ``QRMatrix/pngModuleSizeRange``.
    case moduleSizeOutOfRange(Int)
    /// libpng's simplified write API reported an error.
    case pngWriteFailed(width: Int, height: Int, message: String)
    /// libpng's simplified read API reported an error.
    case pngReadFailed(byteCount: Int, message: String)

    /// One sentence describing the failure and the value that caused it.
    public var description: String {
        switch self {
        case .emptyText:
            "QR text is empty (0 bytes), so there is nothing to encode."
        case let .textContainsNUL(byteOffset, byteCount):
            "QR text of \(byteCount) bytes contains a NUL character at byte offset \(byteOffset), "
                + "which libqrencode cannot encode."
        case let .textTooLong(byteCount):
            "QR text of \(byteCount) bytes does not fit in the largest QR code "
                + "(version 40, error-correction level M)."
        case let .encodingFailed(byteCount, code, reason):
            "libqrencode could not encode QR text of \(byteCount) bytes: \(reason) (errno \(code))."
        case let .quietZoneOutOfRange(modules):
            "QR quiet zone of \(modules) modules is outside the allowed range "
                + "\(QRMatrix.quietZoneRange.lowerBound)...\(QRMatrix.quietZoneRange.upperBound)."
        case let .moduleSizeOutOfRange(pixels):
            "PNG module size of \(pixels) pixels is outside the allowed range "
                + "\(QRMatrix.pngModuleSizeRange.lowerBound)...\(QRMatrix.pngModuleSizeRange.upperBound)."
        case let .pngWriteFailed(width, height, message):
            "libpng could not write a \(width)×\(height) grayscale PNG: \(message)."
        case let .pngReadFailed(byteCount, message):
            "libpng could not read PNG data of \(byteCount) bytes: \(message)."
        }
    }
}
