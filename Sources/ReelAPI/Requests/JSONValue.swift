import ReelJSON

/// A parsed JSON value, so request fields can be checked for type before they are read.
package enum JSONValue: Encodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Encodes the value as it was sent (extra request fields passed through to a provider).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }

    /// The JSON type's name, for error messages ("expected a string, but got a number").
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue {
    /// Parses a JSON document (a request body) the way `JSONDecoder` reads a `JSONValue`, without its cost.
    /// - Throws: ``JSONScanner/Mismatch`` for anything that is not one valid JSON value in UTF-8, nested at most
    ///   512 deep (as `JSONDecoder`).
    package init(parsing bytes: [UInt8]) throws {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw JSONScanner.Mismatch() }
        var scanner = JSONScanner(utf8: bytes)
        self = try Self.scan(&scanner, depth: 0)
        try scanner.end()
    }

    private static func scan(_ scanner: inout JSONScanner, depth: Int) throws -> JSONValue {
        guard depth < 512 else { throw JSONScanner.Mismatch() }
        switch scanner.nextByte() {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try scanner.beginObject()
            while let key = try scanner.nextKey() { members[key] = try scan(&scanner, depth: depth + 1) }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try scanner.beginArray()
            while try scanner.nextElement() { elements.append(try scan(&scanner, depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try scanner.string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try scanner.bool())
        case UInt8(ascii: "n"):
            guard scanner.skipNull() else { throw JSONScanner.Mismatch() }
            return .null
        default:
            return .number(try scanner.number())
        }
    }
}
