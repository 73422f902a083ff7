import FeeDeskCore
import Foundation

/// A JSON object read from a file, with accessors that name the file and field path in every error.
struct JSONFields {
    let file: String
    let path: String
    let values: [String: Any]

    /// Parses `data` as a JSON document of `file`.
    static func parse(_ data: Data, file: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? ""
            throw AppError.config(file: file, field: nil, message: "not valid JSON" + position(in: data, from: detail))
        }
    }

    /// ` at line L, column C` for a Foundation message "… around character N.", else "".
    private static func position(in data: Data, from detail: String) -> String {
        guard let range = detail.range(of: "character "),
              let offset = Int(detail[range.upperBound...].prefix(while: { $0.isNumber })) else { return "" }
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return " at line \(line), column \(column)"
    }

    /// The top-level object of `data`.
    static func object(_ data: Data, file: String) throws -> JSONFields {
        guard let values = try parse(data, file: file) as? [String: Any] else {
            throw AppError.config(file: file, field: nil, message: "the top level is not a JSON object")
        }
        return JSONFields(file: file, path: "", values: values)
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ message: String) -> AppError {
        .config(file: file, field: fieldPath(key), message: message)
    }

    /// A required string.
    func string(_ key: String) throws -> String {
        guard let raw = values[key] else { throw error(key, "is missing") }
        guard let text = raw as? String else { throw error(key, "\(JSONFields.show(raw)) is not a string") }
        return text
    }

    /// An optional string (absent or null gives nil).
    func optionalString(_ key: String) throws -> String? {
        guard let raw = values[key], !(raw is NSNull) else { return nil }
        return try string(key)
    }

    /// A required whole number.
    func integer(_ key: String) throws -> Int64 {
        guard let raw = values[key] else { throw error(key, "is missing") }
        guard let number = raw as? NSNumber, !JSONFields.isBoolean(number),
              let value = Int64(exactly: number.doubleValue), Double(value) == number.doubleValue,
              "\(number)" == String(value)
        else { throw error(key, "\(JSONFields.show(raw)) is not a whole number") }
        return value
    }

    /// An optional whole number.
    func optionalInteger(_ key: String) throws -> Int64? {
        guard let raw = values[key], !(raw is NSNull) else { return nil }
        return try integer(key)
    }

    /// A required nested object.
    func object(_ key: String) throws -> JSONFields {
        guard let nested = try optionalObject(key) else { throw error(key, "is missing") }
        return nested
    }

    /// An optional nested object (absent or null gives nil).
    func optionalObject(_ key: String) throws -> JSONFields? {
        guard let raw = values[key], !(raw is NSNull) else { return nil }
        guard let nested = raw as? [String: Any] else { throw error(key, "\(JSONFields.show(raw)) is not an object") }
        return JSONFields(file: file, path: fieldPath(key), values: nested)
    }

    /// An array of objects (empty when absent and `optional`).
    func objects(_ key: String, optional: Bool = false) throws -> [JSONFields] {
        guard let raw = values[key], !(raw is NSNull) else {
            if optional { return [] }
            throw error(key, "is missing")
        }
        guard let array = raw as? [Any] else { throw error(key, "\(JSONFields.show(raw)) is not an array") }
        return try JSONFields.objects(array, file: file, path: fieldPath(key))
    }

    /// The elements of a top-level array, each an object.
    static func objects(_ array: [Any], file: String, path: String = "") throws -> [JSONFields] {
        try array.enumerated().map { index, element in
            guard let nested = element as? [String: Any] else {
                throw AppError.config(file: file, field: "\(path)[\(index)]", message: "\(show(element)) is not an object")
            }
            return JSONFields(file: file, path: "\(path)[\(index)]", values: nested)
        }
    }

    /// Runs a domain constructor, turning its refusal into an error naming the file and `key`.
    func checked<T>(_ key: String, _ make: () throws(CoreError) -> T) throws -> T {
        do {
            return try make()
        } catch {
            throw self.error(key, error.message)
        }
    }

    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// A short rendering of a JSON value for messages: strings quoted, others as JSON.
    static func show(_ value: Any) -> String {
        switch value {
        case let text as String: "'\(text)'"
        case is NSNull: "null"
        case let number as NSNumber: isBoolean(number) ? (number.boolValue ? "true" : "false") : "\(number)"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "\(value)"
        }
    }
}
