@testable import QRRender

/// Grids of modules as rows of flags (`true` = dark), and a compact picture of them for readable
/// test failures: one line per row, `#` dark, `.` light.
enum Grid {
    static func picture(_ grid: [[Bool]]) -> String {
        grid.map { row in String(row.map { $0 ? "#" : "." }) }.joined(separator: "\n")
    }
}

extension QRMatrix {
    /// The modules as rows of flags (`true` = dark), quiet zone included.
    var grid: [[Bool]] {
        (0..<size).map { row in (0..<size).map { column in isDark(row: row, column: column) } }
    }

    /// ``grid`` as a ``Grid/picture(_:)``.
    var picture: String { Grid.picture(grid) }

    /// A matrix with the same version and quiet zone holding `grid` instead (for re-encoding a grid
    /// read back from a rendering).
    func replacingModules(with grid: [[Bool]]) -> QRMatrix {
        QRMatrix(version: version, quietZone: quietZone, size: grid.count, darkModules: grid.flatMap { $0 })
    }
}
