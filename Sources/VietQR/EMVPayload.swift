/// A decoded EMVCo merchant-presented payload: its data objects in payload order, and its CRC.
///
/// Produced only by `EMVCodec.decode(_:)`, so every invariant of the format holds: tag 00 first,
/// lengths 01–99, no duplicate tag at one level. `encoded()` writes the same objects back in the
/// same order, which reproduces the decoded text exactly when its CRC was written in upper case.
public struct EMVPayload: Sendable, Hashable {
    /// The data objects in payload order, without tag 63 (the encoder writes the CRC).
    public let objects: [EMVDataObject]
    /// The CRC as written in the payload (4 hex digits, either case).
    public let crc: String

    init(objects: [EMVDataObject], crc: String) {
        self.objects = objects
        self.crc = crc
    }

    /// Every primitive value with its dotted tag path (`"38.01.00"`), in payload order, tag 63 last.
    ///
    /// Computed from `objects` on each access.
    public var leaves: [(path: String, value: String)] {
        var result = [(path: String, value: String)]()
        result.reserveCapacity(16)
        EMVPayload.collect(objects, prefix: "", into: &result)
        result.append((path: "63", value: crc))
        return result
    }

    /// Every primitive value keyed by its dotted tag path, tag 63 included.
    ///
    /// This is the stable `tags` object of `feedesk qr decode --json`; computed on each access.
    public var tags: [String: String] {
        let leaves = leaves
        var tags = [String: String](minimumCapacity: leaves.count)
        for leaf in leaves {
            tags[leaf.path] = leaf.value
        }
        return tags
    }

    /// The primitive value at a dotted path such as `"62.08"`, or nil.
    public func value(at path: String) -> String? {
        var level = objects
        var found: EMVDataObject?
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let tag = EMVTag(String(part)), let object = level.first(tag) else { return nil }
            found = object
            level = object.children ?? []
        }
        return path == "63" ? crc : found?.value
    }

    /// The data object at a path of tags, or nil.
    public func object(at path: EMVTag...) -> EMVDataObject? {
        var level = objects
        var found: EMVDataObject?
        for tag in path {
            guard let object = level.first(tag) else { return nil }
            found = object
            level = object.children ?? []
        }
        return found
    }

    /// The payload text for these objects in this order, with a freshly computed upper-case CRC.
    public func encoded() -> String {
        EMVCodec.encodeValidated(objects)
    }

    private static func collect(
        _ objects: [EMVDataObject], prefix: String, into result: inout [(path: String, value: String)]
    ) {
        for object in objects {
            let path = prefix.isEmpty ? object.tag.description : prefix + "." + object.tag.description
            switch object.content {
            case .value(let text): result.append((path: path, value: text))
            case .template(let children): collect(children, prefix: path, into: &result)
            }
        }
    }
}

extension EMVPayload {
    /// The primitive value at `first` (top level), or nil. Allocation-free lookups for decoding.
    func value(_ first: EMVTag) -> String? {
        objects.first(first)?.value
    }

    /// The primitive value at `first.second`, or nil.
    func value(_ first: EMVTag, _ second: EMVTag) -> String? {
        objects.first(first)?.children?.first(second)?.value
    }

    /// The primitive value at `first.second.third`, or nil.
    func value(_ first: EMVTag, _ second: EMVTag, _ third: EMVTag) -> String? {
        objects.first(first)?.children?.first(second)?.children?.first(third)?.value
    }
}
