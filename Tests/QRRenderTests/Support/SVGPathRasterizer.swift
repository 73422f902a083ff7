/// Reads an SVG path made of axis-aligned rectangles back into a grid of dark modules.
///
/// Understands the commands a rectangle needs (`M m H h V v L l Z z`, absolute and relative) with
/// integer coordinates. Every closed subpath must be a rectangle with integer corners inside the
/// grid, and no module may be covered twice; anything else is reported as a failure, so a renderer
/// bug cannot hide behind a lenient reader.
enum SVGPathRasterizer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The `size × size` grid (row-major, `true` = dark) that the path `d` fills.
    static func rasterize(_ d: String, size: Int) throws -> [[Bool]] {
        var grid = [[Bool]](repeating: [Bool](repeating: false, count: size), count: size)
        var tokens = Tokens(Array(d.utf8))
        var current = (x: 0, y: 0)
        var subpath: [(x: Int, y: Int)] = []

        while let command = tokens.nextCommand() {
            switch command {
            case UInt8(ascii: "M"), UInt8(ascii: "m"):
                guard subpath.isEmpty else { throw Failure(description: "subpath not closed before \(command)") }
                let x = try tokens.number(), y = try tokens.number()
                current = command == UInt8(ascii: "M") ? (x, y) : (current.x + x, current.y + y)
                subpath = [current]
            case UInt8(ascii: "L"), UInt8(ascii: "l"):
                let x = try tokens.number(), y = try tokens.number()
                current = command == UInt8(ascii: "L") ? (x, y) : (current.x + x, current.y + y)
                subpath.append(current)
            case UInt8(ascii: "H"), UInt8(ascii: "h"):
                let x = try tokens.number()
                current.x = command == UInt8(ascii: "H") ? x : current.x + x
                subpath.append(current)
            case UInt8(ascii: "V"), UInt8(ascii: "v"):
                let y = try tokens.number()
                current.y = command == UInt8(ascii: "V") ? y : current.y + y
                subpath.append(current)
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                try fill(rectangle: subpath, into: &grid)
                current = subpath.first ?? current
                subpath = []
            default:
                throw Failure(description: "unsupported path command '\(Character(Unicode.Scalar(command)))'")
            }
        }
        guard subpath.isEmpty else { throw Failure(description: "path ends with an open subpath") }
        return grid
    }

    private static func fill(rectangle corners: [(x: Int, y: Int)], into grid: inout [[Bool]]) throws {
        var points = corners
        if let first = points.first, let last = points.last, points.count > 1, first == last { points.removeLast() }
        guard points.count == 4 else { throw Failure(description: "subpath with \(points.count) corners is not a rectangle") }
        let xs = Set(points.map(\.x)), ys = Set(points.map(\.y))
        guard xs.count == 2, ys.count == 2,
              points.indices.allSatisfy({ i in
                  let a = points[i], b = points[(i + 1) % 4]
                  return (a.x == b.x) != (a.y == b.y)
              })
        else { throw Failure(description: "subpath \(points) is not an axis-aligned rectangle") }
        let left = xs.min() ?? 0, right = xs.max() ?? 0, top = ys.min() ?? 0, bottom = ys.max() ?? 0
        guard left >= 0, top >= 0, right <= grid.count, bottom <= grid.count else {
            throw Failure(description: "rectangle \(points) leaves the \(grid.count)-module grid")
        }
        for row in top..<bottom {
            for column in left..<right {
                guard !grid[row][column] else { throw Failure(description: "module (\(row), \(column)) drawn twice") }
                grid[row][column] = true
            }
        }
    }

    /// Splits path data into command letters and integers (separators: spaces and commas).
    private struct Tokens {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func skipSeparators() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: ",") {
                index += 1
            }
        }

        mutating func nextCommand() -> UInt8? {
            skipSeparators()
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func number() throws -> Int {
            skipSeparators()
            var sign = 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                sign = -1
                index += 1
            }
            let start = index
            var value = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start else { throw Failure(description: "expected an integer at offset \(start)") }
            return sign * value
        }
    }
}
