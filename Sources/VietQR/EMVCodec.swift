/// Encoder and decoder for EMVCo merchant-presented QR payloads (the format under VietQR).
///
/// Every data object is an ID (2 digits), a length (2 digits, 01–99) and a value. Lengths count
/// characters (Unicode scalars); the CRC (tag 63, CRC-16/CCITT-FALSE) runs over the UTF-8 bytes of
/// everything before its 4 hex digits, `6304` included. Templates (26–51, 62, 64, 80–99 at the top
/// level, 50–99 inside 62, and 01 inside VietQR's 38) hold nested data objects.
public enum EMVCodec {
    /// Encodes `objects` in the given order and appends tag 63 with the CRC.
    ///
    /// The first object must be tag 00; tag 63 must not be given. Every value and template must
    /// encode to 1–99 characters, no tag may repeat at one level, and template tags must be given as
    /// templates (and others as values), so that `decode(_:)` reads back the same objects.
    public static func encode(_ objects: [EMVDataObject]) throws(VietQRError) -> String {
        guard let first = objects.first else {
            throw VietQRError.request("objects", "there are no data objects to encode")
        }
        guard first.tag == .payloadFormat else {
            throw VietQRError.request(
                first.tag.description,
                "tag 00 (payload format indicator) must come first, not tag \(first.tag)")
        }
        if objects.contains(where: { $0.tag == .crc }) {
            throw VietQRError.request("63", "tag 63 (CRC) is written by the encoder and must not be given")
        }
        _ = try validate(objects, depth: 0, parent: nil, prefix: "")
        return encodeValidated(objects)
    }

    /// Decodes and checks a payload: structure at every level, tag 00 first, tag 63 last, CRC.
    ///
    /// Tags may come in any order (apart from 00 and 63) at every level; unknown tags are kept.
    /// Lower-case CRC digits are accepted.
    public static func decode(_ payload: String) throws(VietQRError) -> EMVPayload {
        var text = payload
        let result: Result<EMVPayload, VietQRError> = text.withUTF8 { bytes in
            let parser = EMVParser(bytes: bytes)
            return Result { () throws(VietQRError) in try parser.parsePayload() }
        }
        return try result.get()
    }

    /// Encodes objects known to be valid (decoded ones, or checked by `encode(_:)`).
    static func encodeValidated(_ objects: [EMVDataObject]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(192)
        write(objects, into: &out)
        out.append(contentsOf: [UInt8(ascii: "6"), UInt8(ascii: "3"), UInt8(ascii: "0"), UInt8(ascii: "4")])
        out.append(contentsOf: CRC16.hexBytes(CRC16.ccittFalse(out)))
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a tag's two digits.
    static func appendTwoDigits(_ number: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: number / 10))
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: number % 10))
    }

    private static func write(_ objects: [EMVDataObject], into out: inout [UInt8]) {
        for object in objects {
            appendTwoDigits(Int(object.tag.rawValue), to: &out)
            switch object.content {
            case .value(let text):
                appendTwoDigits(text.unicodeScalars.count, to: &out)
                out.append(contentsOf: text.utf8)
            case .template(let children):
                let lengthAt = out.count
                out.append(contentsOf: [0, 0])
                let start = out.count
                write(children, into: &out)
                let length = UTF8Scan.scalarCount(out[start...])
                out[lengthAt] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: length / 10)
                out[lengthAt + 1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: length % 10)
            }
        }
    }

    /// Checks one level and returns its encoded length in characters.
    private static func validate(
        _ objects: [EMVDataObject], depth: Int, parent: UInt8?, prefix: String
    ) throws(VietQRError) -> Int {
        var seen = TagSet()
        var total = 0
        for object in objects {
            let tag = object.tag.rawValue
            let path = prefix.isEmpty ? object.tag.description : prefix + "." + object.tag.description
            guard seen.insert(tag) else {
                throw VietQRError.request(path, "tag \(path) appears more than once")
            }
            let isTemplate = depth < 2 && EMVTag.isTemplate(tag, under: parent)
            let length: Int
            switch object.content {
            case .value(let text):
                guard !isTemplate else {
                    throw VietQRError.request(path, "tag \(path) is a template; give its data objects, not a value")
                }
                length = text.unicodeScalars.count
                guard length > 0 else {
                    throw VietQRError.request(path, "tag \(path): value is empty; lengths run 01–99")
                }
                guard length <= 99 else {
                    throw VietQRError.request(path, "tag \(path): value has \(length) characters; the maximum is 99")
                }
            case .template(let children):
                guard isTemplate else {
                    throw VietQRError.request(path, "tag \(path) is not a template in EMVCo; give it a value")
                }
                length = try validate(children, depth: depth + 1, parent: tag, prefix: path)
                guard length > 0 else {
                    throw VietQRError.request(path, "tag \(path): template is empty; lengths run 01–99")
                }
                guard length <= 99 else {
                    throw VietQRError.request(
                        path, "tag \(path): template encodes to \(length) characters; the maximum is 99")
                }
            }
            total += 4 + length
        }
        return total
    }
}
