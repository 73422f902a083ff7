extension QRMatrix {
    /// Renders the matrix as a scalable SVG image: white background, one black `<path>`.
    ///
    /// The `viewBox` is in modules (`0 0 size size`, quiet zone included), so one unit is one module
    /// and `shape-rendering="crispEdges"` keeps the edges sharp at any scale. Each horizontal run of
    /// dark modules in a row becomes one rectangle subpath `M x y h w v1 h-w z` of the single path.
    /// The output is deterministic (same matrix and options, same bytes), ends with a newline, and is
    /// a well-formed XML document; with ``SVGOptions/inlineHTML`` it is an `<svg>` element that can
    /// be pasted into HTML as is.
    ///
    /// - Parameter options: size attributes, XML declaration and accessible title; see ``SVGOptions``.
    /// - Returns: the SVG text, UTF-8 when written out.
    public func svg(_ options: SVGOptions = .standalone) -> String {
        let pixelSize = options.pixelSize.flatMap { $0 > 0 ? $0 : nil }
        // Worst cases: fixed markup < 300 bytes, six numbers of ≤ 19 digits, 6 bytes per title byte, and
        // per row at most (size + 1) / 2 runs `Mx yhwv1h-wz`: 8 fixed bytes and 4 numbers ≤ size.
        let digits = String(size).utf8.count
        let capacity = 300 + 6 * 19 + 6 * (options.title?.utf8.count ?? 0) + size * ((size + 1) / 2) * (8 + 4 * digits)
        return UTF8Writer.string(capacity: capacity) { out in
            if options.xmlDeclaration {
                out.write(#"<?xml version="1.0" encoding="UTF-8"?>"#)
                out.write("\n")
            }
            out.write(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "#)
            out.writeDecimal(size)
            out.write(" ")
            out.writeDecimal(size)
            out.write("\"")
            if let pixelSize {
                out.write(#" width=""#)
                out.writeDecimal(pixelSize)
                out.write(#"" height=""#)
                out.writeDecimal(pixelSize)
                out.write("\"")
            }
            out.write(#" shape-rendering="crispEdges""#)
            if let title = options.title {
                out.write(#" role="img"><title>"#)
                out.writeEscapedXMLText(title)
                out.write("</title>")
            } else {
                out.write(">")
            }
            out.write(#"<rect width=""#)
            out.writeDecimal(size)
            out.write(#"" height=""#)
            out.writeDecimal(size)
            out.write(##"" fill="#fff"/><path fill="#000" d=""##)
            writeDarkRuns(to: &out)
            out.write("\"/></svg>\n")
        }
    }

    /// Writes one `M x y h w v1 h-w z` subpath per horizontal run of dark modules, row by row.
    private func writeDarkRuns(to out: inout UTF8Writer) {
        darkModules.withUnsafeBufferPointer { modules in
            for row in 0..<size {
                let rowStart = row * size
                var column = 0
                while column < size {
                    guard modules[rowStart + column] else {
                        column += 1
                        continue
                    }
                    let runStart = column
                    while column < size, modules[rowStart + column] { column += 1 }
                    let width = column - runStart
                    out.write(UInt8(ascii: "M"))
                    out.writeDecimal(runStart)
                    out.write(UInt8(ascii: " "))
                    out.writeDecimal(row)
                    out.write(UInt8(ascii: "h"))
                    out.writeDecimal(width)
                    out.write("v1h-")
                    out.writeDecimal(width)
                    out.write(UInt8(ascii: "z"))
                }
            }
        }
    }
}
