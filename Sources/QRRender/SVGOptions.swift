/// How ``QRMatrix/svg(_:)`` writes its SVG document.
///
/// The drawing itself never changes: a white background and one black `<path>` in module units, with
/// `shape-rendering="crispEdges"`. The options only decide what surrounds it.
public struct SVGOptions: Sendable, Hashable {
    /// Width and height attributes in CSS pixels; `nil` leaves them out so the image fills its box.
    ///
    /// The `viewBox` is always present, so the image scales without blurring either way.
    public var pixelSize: Int?
    /// Whether to start with `<?xml version="1.0" encoding="UTF-8"?>`.
    ///
    /// Keep it for a standalone `.svg` file or an `image/svg+xml` response; drop it to paste the
    /// `<svg>` element inline into an HTML page.
    public var xmlDeclaration: Bool
    /// An accessible name written as the SVG's `<title>` (escaped), for example `Mã VietQR`.
    public var title: String?

    /// Creates options; the defaults make a standalone document without a fixed size.
    public init(pixelSize: Int? = nil, xmlDeclaration: Bool = true, title: String? = nil) {
        self.pixelSize = pixelSize
        self.xmlDeclaration = xmlDeclaration
        self.title = title
    }

    /// A standalone SVG document (`.svg` file or HTTP response) that scales to its box.
    public static let standalone = SVGOptions()

    /// An `<svg>` element to embed inline in HTML: no XML declaration.
    public static let inlineHTML = SVGOptions(xmlDeclaration: false)
}
