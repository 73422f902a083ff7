/// The byte-level TLV reader behind `EMVCodec.decode(_:)`.
///
/// Works on the payload's UTF-8 bytes; lengths are counted in Unicode scalars by skipping UTF-8
/// continuation bytes, so an all-ASCII payload (the normal case) advances one byte per character.
/// Error paths are the only places that build extra strings.
struct EMVParser {
    private let bytes: UnsafeBufferPointer<UInt8>

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses the whole payload: top-level objects, tag 00 first, tag 63 last, CRC.
    func parsePayload() throws(VietQRError) -> EMVPayload {
        let end = bytes.count
        guard end > 0 else { throw VietQRError.malformed(nil, "payload is empty") }
        var objects = [EMVDataObject]()
        objects.reserveCapacity(12)
        var seen = TagSet()
        var position = 0
        var previous: UInt8?
        while position < end {
            let header = try readHeader(at: position, end: end, parent: TagPath(), previous: previous)
            let path = TagPath(header.tag)
            if previous == nil, header.tag != 0 {
                throw VietQRError.malformed(
                    path.description, "payload starts with tag \(path), but tag 00 (payload format indicator) must come first")
            }
            guard seen.insert(header.tag) else {
                throw VietQRError.malformed(path.description, "tag \(path) appears more than once")
            }
            let valueEnd = try readValueEnd(header, end: end, parent: TagPath(), path: path)
            if header.tag == EMVTag.crc.rawValue {
                guard valueEnd == end else {
                    let rest = UTF8Scan.scalarCount(bytes[valueEnd..<end])
                    throw VietQRError.malformed(
                        "63", "tag 63 (CRC) must be last, but \(EMVParser.follow(rest)) it")
                }
                return try finish(objects, crcStart: header.valueStart, end: end)
            }
            objects.append(try readObject(header, valueEnd: valueEnd, path: path))
            previous = header.tag
            position = valueEnd
        }
        throw VietQRError.missing("63", "CRC")
    }

    private func finish(
        _ objects: [EMVDataObject], crcStart: Int, end: Int
    ) throws(VietQRError) -> EMVPayload {
        let crcBytes = UnsafeBufferPointer(rebasing: bytes[crcStart..<end])
        let written = String(decoding: crcBytes, as: UTF8.self)
        guard let given = CRC16.parseHex(crcBytes) else {
            throw VietQRError.malformed("63", "tag 63: CRC '\(written)' is not 4 hex digits")
        }
        let computed = CRC16.ccittFalse(UnsafeBufferPointer(rebasing: bytes[0..<crcStart]))
        guard given == computed else {
            throw VietQRError(
                .checksumMismatch, at: "63", "CRC is \(written) but the payload computes \(CRC16.hex(computed))")
        }
        return EMVPayload(objects: objects, crc: written)
    }

    /// Parses the data objects of a template's value, `start..<end`.
    private func readLevel(start: Int, end: Int, parent: TagPath) throws(VietQRError) -> [EMVDataObject] {
        var objects = [EMVDataObject]()
        objects.reserveCapacity(4)
        var seen = TagSet()
        var position = start
        var previous: UInt8?
        while position < end {
            let header = try readHeader(at: position, end: end, parent: parent, previous: previous)
            let path = parent.appending(header.tag)
            guard seen.insert(header.tag) else {
                throw VietQRError.malformed(path.description, "tag \(path) appears more than once")
            }
            let valueEnd = try readValueEnd(header, end: end, parent: parent, path: path)
            objects.append(try readObject(header, valueEnd: valueEnd, path: path))
            previous = header.tag
            position = valueEnd
        }
        return objects
    }

    private func readObject(_ header: Header, valueEnd: Int, path: TagPath) throws(VietQRError) -> EMVDataObject {
        let tag = EMVTag(unchecked: header.tag)
        if path.isTemplate {
            return EMVDataObject(tag, template: try readLevel(start: header.valueStart, end: valueEnd, parent: path))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[header.valueStart..<valueEnd]), as: UTF8.self)
        return EMVDataObject(tag, value: text)
    }

    private struct Header {
        let tag: UInt8
        let length: Int
        let valueStart: Int
    }

    private func readHeader(
        at position: Int, end: Int, parent: TagPath, previous: UInt8?
    ) throws(VietQRError) -> Header {
        guard end - position >= 4 else {
            throw strayError(at: position, end: end, parent: parent, previous: previous)
        }
        guard let tag = EMVTag.twoDigits(bytes[position], bytes[position + 1]) else {
            let id = UTF8Scan.prefix(bytes, from: position, characters: 2, end: end)
            let container = parent.depth == 0 ? "the payload" : "template \(parent)"
            let place = previous.map { "after tag \(parent.appending($0))" } ?? "at the start of \(container)"
            throw VietQRError.malformed(parent.location, "tag ID '\(id)' \(place) is not two digits")
        }
        guard let length = EMVTag.twoDigits(bytes[position + 2], bytes[position + 3]) else {
            let path = parent.appending(tag)
            let text = UTF8Scan.prefix(bytes, from: position + 2, characters: 2, end: end)
            throw VietQRError.malformed(path.description, "tag \(path): length '\(text)' is not two digits")
        }
        guard length > 0 else {
            let path = parent.appending(tag)
            throw VietQRError.malformed(path.description, "tag \(path): length 00 is not allowed; lengths run 01–99")
        }
        return Header(tag: tag, length: Int(length), valueStart: position + 4)
    }

    /// Fewer than 4 bytes are left where a data object should start.
    private func strayError(at position: Int, end: Int, parent: TagPath, previous: UInt8?) -> VietQRError {
        let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        let count = EMVParser.characters(rest.unicodeScalars.count)
        let container = parent.depth == 0 ? "payload" : "template \(parent)"
        guard let previous else {
            return VietQRError.malformed(
                parent.location, "\(container) holds only \(count) '\(rest)', too few for a data object")
        }
        let after = parent.appending(previous)
        return VietQRError.malformed(
            parent.location ?? after.description, "\(container) has \(count) '\(rest)' left over after tag \(after)")
    }

    private func readValueEnd(_ header: Header, end: Int, parent: TagPath, path: TagPath) throws(VietQRError) -> Int {
        if let stop = UTF8Scan.advance(bytes, from: header.valueStart, characters: header.length, end: end) {
            return stop
        }
        let available = UTF8Scan.scalarCount(bytes[header.valueStart..<end])
        let length = EMVParser.tagNames[header.length]
        let prefix = parent.description
        if prefix.isEmpty {
            let follow = available == 0 ? "nothing follows" : "only \(EMVParser.follow(available))"
            throw VietQRError.malformed(path.description, "tag \(path): length \(length) but \(follow)")
        }
        let left = available == 0 ? "nothing left" : "only \(EMVParser.characters(available)) left"
        throw VietQRError.malformed(
            path.description, "tag \(path): length \(length) overflows template \(prefix), which has \(left)")
    }

    /// `"1 character follows"`, `"3 characters follow"`.
    static func follow(_ count: Int) -> String {
        count == 1 ? "1 character follows" : "\(count) characters follow"
    }

    /// `"1 character"`, `"3 characters"`.
    static func characters(_ count: Int) -> String {
        count == 1 ? "1 character" : "\(count) characters"
    }

    /// `"00"` … `"99"`.
    static let tagNames: [String] = (0..<100).map { EMVTag(unchecked: UInt8($0)).description }
}
