import Testing
@testable import QRRender

@Suite("Terminal rendering with half blocks")
struct TerminalRenderingTests {
    static let allowed: Set<Character> = ["\u{2580}", "\u{2584}", "\u{2588}", " "]

    @Test(arguments: [("HELLO", 4), ("HELLO", 0), ("HELLO", 1), (Payloads.foldedPurpose, 4)], TerminalBackground.allCases)
    func linesAndCharacters(input: (text: String, quietZone: Int), background: TerminalBackground) throws {
        let matrix = try QRMatrix(encoding: input.text, quietZone: input.quietZone)
        let text = matrix.terminalText(background: background)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == (matrix.size + 1) / 2)
        #expect(lines.allSatisfy { $0.count == matrix.size })
        #expect(text.allSatisfy { Self.allowed.contains($0) || $0 == "\n" })
    }

    @Test(arguments: [("HELLO", 4), ("HELLO", 1), (Payloads.napasStaticCard, 4)], TerminalBackground.allCases)
    func readsBackToTheMatrix(input: (text: String, quietZone: Int), background: TerminalBackground) throws {
        let matrix = try QRMatrix(encoding: input.text, quietZone: input.quietZone)
        let (grid, beyond) = Self.readBack(matrix.terminalText(background: background), background: background)
        #expect(Grid.picture(Array(grid.prefix(matrix.size))) == matrix.picture)
        // An odd size leaves the last line's bottom half empty (terminal background), never drawn.
        #expect(grid.count == matrix.size + matrix.size % 2)
        #expect(beyond.allSatisfy { !$0 })
    }

    /// On a dark terminal the quiet zone is drawn (light) and on a light one it is left blank.
    @Test func quietZoneIsDrawnOnlyOnADarkTerminal() throws {
        let matrix = try QRMatrix(encoding: "HELLO")
        let dark = matrix.terminalText(background: .dark).split(separator: "\n")
        let light = matrix.terminalText(background: .light).split(separator: "\n")
        #expect(dark[0] == Substring(String(repeating: "\u{2588}", count: 29)))
        #expect(light[0] == Substring(String(repeating: " ", count: 29)))
        // Line 2 holds rows 4 and 5: quiet zone, then the finder's dark top edge (row 4) over its light ring.
        #expect(dark[2].hasPrefix("████ ▄▄▄▄▄ "))
        #expect(light[2].hasPrefix("    █▀▀▀▀▀█ "))
    }

    /// Turns text back into module rows; returns the rows and, for an odd size, the extra half row.
    static func readBack(_ text: String, background: TerminalBackground) -> (grid: [[Bool]], beyond: [Bool]) {
        var rows: [[Bool]] = []
        for line in text.split(separator: "\n") {
            var upper: [Bool] = [], lower: [Bool] = []
            for character in line {
                upper.append(character == "\u{2588}" || character == "\u{2580}")
                lower.append(character == "\u{2588}" || character == "\u{2584}")
            }
            rows.append(upper)
            rows.append(lower)
        }
        // A drawn half is a light module on a dark terminal and a dark module on a light one.
        let grid = rows.map { row in row.map { drawn in background == .dark ? !drawn : drawn } }
        let size = rows.first?.count ?? 0
        let beyondDrawn = rows.count > size ? rows[size] : []
        return (grid, beyondDrawn)
    }
}
