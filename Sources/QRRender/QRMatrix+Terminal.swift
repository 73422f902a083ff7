extension QRMatrix {
    /// Renders the matrix as text for a terminal, two module rows per line with Unicode half blocks.
    ///
    /// Each character is one module wide and two modules tall: `█` (both halves drawn), `▀` (top
    /// half), `▄` (bottom half) or a space (neither). What is drawn depends on `background`: on the
    /// default ``TerminalBackground/dark`` the light modules and the quiet zone are drawn, so the code
    /// appears light-on-dark the right way round and scans from an ordinary dark terminal; use
    /// ``TerminalBackground/light`` for a light terminal or paper. With an odd number of rows the last
    /// line's bottom half is left as background.
    ///
    /// - Parameter background: the terminal's background colour.
    /// - Returns: `(size + 1) / 2` lines of `size` characters, each ending with a line feed.
    public func terminalText(background: TerminalBackground = .dark) -> String {
        let drawsLight = background == .dark
        // Each block character is 3 UTF-8 bytes; a space 1; plus a line feed per line.
        let capacity = (size + 1) / 2 * (size * 3 + 1)
        return UTF8Writer.string(capacity: capacity) { out in
            for top in stride(from: 0, to: size, by: 2) {
                for column in 0..<size {
                    let upper = isDark(row: top, column: column) != drawsLight
                    let lower = top + 1 < size && isDark(row: top + 1, column: column) != drawsLight
                    switch (upper, lower) {
                    case (true, true): out.write("\u{2588}")     // █ full block
                    case (true, false): out.write("\u{2580}")    // ▀ upper half block
                    case (false, true): out.write("\u{2584}")    // ▄ lower half block
                    case (false, false): out.write(" ")
                    }
                }
                out.write("\n")
            }
        }
    }
}
