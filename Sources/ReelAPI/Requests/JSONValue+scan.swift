import ReelJSON

extension JSONValue {
    /// Parses a JSON document (a request body) the way `JSONDecoder` reads a `JSONValue`, without its cost.
    /// - Throws: ``JSONScanner/Mismatch`` for anything that is not one valid JSON value in UTF-8, nested at most
    ///   512 deep (as `JSONDecoder`).
    init(parsing bytes: [UInt8]) throws {
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
