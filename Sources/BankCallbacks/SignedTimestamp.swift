import Foundation

/// The replay window shared by the schemes that sign a timestamp.
enum SignedTimestamp {
    /// Reads a run of 1…`maxDigits` ASCII digits, or nil.
    static func digits(_ text: String, maxDigits: Int) -> Int64? {
        guard !text.isEmpty, text.utf8.count <= maxDigits, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }

    /// Refuses `signed` (in `unitsPerSecond` units: 1 for seconds, 1000 for milliseconds) when it is
    /// more than `CallbackScheme.timestampTolerance` seconds away from `now`.
    static func check(_ signed: Int64, unitsPerSecond: Int64, now: Date, header: String, shown: String,
                      scheme: CallbackScheme) throws(CallbackError) {
        let nowUnits = units(now, perSecond: unitsPerSecond)
        let tolerance = CallbackScheme.timestampTolerance * unitsPerSecond
        let unit = unitsPerSecond == 1 ? "s" : "ms"
        let (difference, overflow) = nowUnits.subtractingReportingOverflow(signed)
        if overflow || difference > tolerance {
            throw CallbackError(.staleTimestamp, scheme,
                                "header '\(header)' timestamp \(shown) is \(overflow ? "far" : "\(difference) \(unit)") in the past (tolerance \(tolerance) \(unit)).")
        }
        if difference < -tolerance {
            throw CallbackError(.futureTimestamp, scheme,
                                "header '\(header)' timestamp \(shown) is \(-difference) \(unit) in the future (tolerance \(tolerance) \(unit)).")
        }
    }

    /// `date` in whole seconds (rounded down, as the reference libraries do) or in milliseconds
    /// (rounded to the nearest, which absorbs the binary fraction of a `Date`).
    static func units(_ date: Date, perSecond: Int64) -> Int64 {
        let scaled = date.timeIntervalSince1970 * Double(perSecond)
        return Int64(perSecond == 1 ? scaled.rounded(.down) : scaled.rounded())
    }

    /// `seconds` since the Unix epoch as a `Date`.
    static func date(seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
