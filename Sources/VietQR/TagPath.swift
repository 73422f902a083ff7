/// A dotted tag path of at most three levels (templates nest two deep), kept as plain bytes so
/// the parser builds no strings unless it reports an error.
struct TagPath: CustomStringConvertible {
    private var tags: (UInt8, UInt8, UInt8) = (0, 0, 0)
    private(set) var depth = 0

    /// The empty path (the top level).
    init() {}

    /// A one-level path.
    init(_ tag: UInt8) {
        tags.0 = tag
        depth = 1
    }

    /// This path extended by `tag` (paths deeper than three keep their first three tags).
    func appending(_ tag: UInt8) -> TagPath {
        var path = self
        switch depth {
        case 0: path.tags.0 = tag
        case 1: path.tags.1 = tag
        default: path.tags.2 = tag
        }
        path.depth = min(depth + 1, 3)
        return path
    }

    /// Whether the object at this path is a template (see `EMVTag.isTemplate`).
    var isTemplate: Bool {
        switch depth {
        case 1: EMVTag.isTemplate(tags.0, under: nil)
        case 2: EMVTag.isTemplate(tags.1, under: tags.0)
        default: false
        }
    }

    /// The path as an error location, or nil for the top level.
    var location: String? {
        depth == 0 ? nil : description
    }

    /// `"38.01.01"`; empty for the top level.
    var description: String {
        let parts = [tags.0, tags.1, tags.2].prefix(depth).map { EMVParser.tagNames[Int($0)] }
        return parts.joined(separator: ".")
    }
}
