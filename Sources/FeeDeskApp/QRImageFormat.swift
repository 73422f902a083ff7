import QRRender

/// The ways a VietQR payload can be written out.
public enum QRImageFormat: String, Sendable, CaseIterable {
    /// The payload text itself.
    case payload
    /// A standalone SVG document (one path, scalable).
    case svg
    /// A PNG image, 8 px per module.
    case png
    /// Unicode half blocks for a terminal.
    case text

    /// Parses a `--format` value.
    public init(parsing text: String) throws(AppError) {
        guard let format = QRImageFormat(rawValue: text) else {
            throw AppError.input("format '\(text)' is not one of \(QRImageFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }

    /// The bytes of `payload` in this format (error-correction level M, 4-module quiet zone).
    public func render(_ payload: String) throws -> [UInt8] {
        switch self {
        case .payload: return Array((payload + "\n").utf8)
        case .svg: return Array(try QRMatrix(encoding: payload).svg().utf8)
        case .png: return try QRMatrix(encoding: payload).png()
        case .text: return Array(try QRMatrix(encoding: payload).terminalText().utf8)
        }
    }

    /// The HTTP content type of this format.
    public var contentType: String {
        switch self {
        case .payload, .text: "text/plain; charset=utf-8"
        case .svg: "image/svg+xml; charset=utf-8"
        case .png: "image/png"
        }
    }
}
