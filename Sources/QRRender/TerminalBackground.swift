/// The background colour of the terminal that will show ``QRMatrix/terminalText(background:)``.
///
/// A scanner needs dark modules on a light ground. Block characters are drawn in the terminal's
/// foreground colour, so which modules get a glyph depends on the background:
public enum TerminalBackground: Sendable, Hashable, CaseIterable {
    /// A dark terminal (light text on black, the common default): the quiet zone and the light
    /// modules are drawn as blocks, dark modules are left as the dark background.
    case dark
    /// A light terminal (dark text on white) or a printout: dark modules are drawn as blocks, light
    /// modules and the quiet zone are left as the light background.
    case light
}
