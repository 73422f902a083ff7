/// Reads the `:86:` information to account owner: plain text, the German `?NN` structure, or the
/// Dutch/Belgian `/TAG/value` structure.
enum MT940Details {
    /// Joins continuation lines. A line that fills the 65-character SWIFT width was wrapped by the
    /// transport, so it is joined without a space; shorter lines are joined with one space.
    static func join<C: Collection>(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: C) -> String where C.Element == Range<Int> {
        if lines.count == 1, let only = lines.first { return ByteText.string(bytes, only) }
        var result = ""
        var previousLength = -1
        for range in lines {
            let text = ByteText.string(bytes, range)
            if previousLength >= 0, previousLength < 65, !text.isEmpty, !result.isEmpty { result += " " }
            result += text
            previousLength = range.count
        }
        return result
    }

    /// Sets the memo, end-to-end reference and counterparty of `line` from its `:86:` lines.
    static func apply(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>], to line: inout StatementLine) {
        let text = join(bytes, lines)
        if let german = germanFields(bytes, lines) {
            let remittance = (20...29).compactMap { german[$0] } + (60...63).compactMap { german[$0] }
            let joined = remittance.joined()
            line.memo = joined.isEmpty ? text : joined
            if let name = [german[32], german[33]].compactMap({ $0 }).joined().nilIfEmpty { line.counterpartyName = name }
            if let account = german[31]?.nilIfEmpty { line.counterpartyAccount = account }
            if let range = joined.range(of: "EREF+") {
                let rest = joined[range.upperBound...]
                let value = rest.prefix { $0 != "+" && $0 != " " }
                let trimmed = value.count >= 4 && rest.dropFirst(value.count).first == "+" ? value.dropLast(4) : value
                if !trimmed.isEmpty, trimmed != "NOTPROVIDED" { line.endToEndReference = String(trimmed) }
            }
            return
        }
        line.memo = text
        let slashFields = slashTags(text)
        if let name = slashFields["NAME"]?.nilIfEmpty { line.counterpartyName = name }
        if let account = (slashFields["IBAN"] ?? slashFields["ACCW"])?.nilIfEmpty { line.counterpartyAccount = account }
        if let reference = slashFields["EREF"]?.nilIfEmpty, reference != "NOTPROVIDED" { line.endToEndReference = reference }
    }

    /// German structured `:86:`: three digits (GVC) then `?NN` subfields; subfields may be split
    /// across lines. Nil when the text is not structured that way.
    static func germanFields(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) -> [Int: String]? {
        guard let first = lines.first, first.count >= 4, ByteText.isDigit(bytes[first.lowerBound]),
              bytes[first.lowerBound + 3] == UInt8(ascii: "?") else { return nil }
        var raw: [UInt8] = []
        for range in lines { raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
        guard raw.count >= 4, raw[0...2].allSatisfy(ByteText.isDigit), raw[3] == UInt8(ascii: "?") else { return nil }
        var fields: [Int: String] = [:]
        var index = 3
        while index + 2 < raw.count {
            guard raw[index] == UInt8(ascii: "?"), ByteText.isDigit(raw[index + 1]), ByteText.isDigit(raw[index + 2]) else {
                return nil
            }
            let key = Int(raw[index + 1] - 0x30) * 10 + Int(raw[index + 2] - 0x30)
            var end = index + 3
            while end < raw.count, !(raw[end] == UInt8(ascii: "?") && end + 2 < raw.count
                                      && ByteText.isDigit(raw[end + 1]) && ByteText.isDigit(raw[end + 2])) {
                end += 1
            }
            let value = String(decoding: raw[(index + 3)..<end], as: UTF8.self).precomposedNFC
            fields[key] = (fields[key] ?? "") + value
            index = end
        }
        return fields
    }

    private static let knownSlashTags: Set<String> = [
        "TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "MARF", "CSID", "ORDP", "BENM", "ID", "ADDR", "CDTRREF",
        "CDTRREFTP", "CD", "ISSR", "USTD", "STRD", "PREF", "RTRN", "CREF", "ACCW", "SVCL", "ULTC", "ULTD", "PURP",
        "FX", "CHGS", "IREF", "OAMT", "RTYP", "COUNTRY", "EXCH", "ULTB", "ULTA", "BUSP",
    ]

    /// Dutch/Belgian `/TAG/value/TAG/value` (values end at the next known `/TAG/`).
    static func slashTags(_ text: String) -> [String: String] {
        guard text.hasPrefix("/") else { return [:] }
        let characters = Array(text)
        var fields: [String: String] = [:]
        var starts: [(tag: String, valueStart: Int, tagStart: Int)] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "/" {
                var end = index + 1
                while end < characters.count, characters[end].isUppercase || characters[end].isNumber, end - index <= 9 { end += 1 }
                if end < characters.count, characters[end] == "/", end > index + 1 {
                    let tag = String(characters[(index + 1)..<end])
                    if knownSlashTags.contains(tag) {
                        starts.append((tag, end + 1, index))
                        index = end
                        continue
                    }
                }
            }
            index += 1
        }
        for (offset, start) in starts.enumerated() {
            let end = offset + 1 < starts.count ? starts[offset + 1].tagStart : characters.count
            guard start.valueStart <= end else { continue }
            var value = String(characters[start.valueStart..<end])
            if value.hasSuffix("/") { value.removeLast() }
            if fields[start.tag] == nil { fields[start.tag] = value.trimmingSpaces }
        }
        return fields
    }
}

extension String {
    /// Nil when empty.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
