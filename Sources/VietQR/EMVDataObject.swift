/// One EMVCo data object: a tag and either a text value or a nested template of data objects.
public struct EMVDataObject: Sendable, Hashable {
    /// The content of a data object.
    public enum Content: Sendable, Hashable {
        /// A primitive value, 1–99 characters.
        case value(String)
        /// A template: nested data objects, encoded to 1–99 characters.
        case template([EMVDataObject])
    }

    /// The object's ID.
    public let tag: EMVTag
    /// Its value or nested objects.
    public let content: Content

    /// A primitive data object.
    public init(_ tag: EMVTag, value: String) {
        self.tag = tag
        self.content = .value(value)
    }

    /// A template data object holding `children` in the given order.
    public init(_ tag: EMVTag, template children: [EMVDataObject]) {
        self.tag = tag
        self.content = .template(children)
    }

    /// The primitive value, or nil for a template.
    public var value: String? {
        if case .value(let text) = content { return text }
        return nil
    }

    /// The nested objects, or nil for a primitive.
    public var children: [EMVDataObject]? {
        if case .template(let objects) = content { return objects }
        return nil
    }
}

extension Array where Element == EMVDataObject {
    /// The first object with `tag` at this level.
    func first(_ tag: EMVTag) -> EMVDataObject? {
        first { $0.tag == tag }
    }
}
