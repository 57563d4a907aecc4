extension RESPValue {
    /// The text of a simple or bulk string (bulk strings decoded as UTF-8), or of an integer; `nil` otherwise.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let bytes): String(decoding: bytes, as: UTF8.self)
        case .integer(let value): String(value)
        case .error, .array, .null: nil
        }
    }

    /// The raw bytes of a bulk or simple string; `nil` otherwise.
    public var bytes: [UInt8]? {
        switch self {
        case .bulkString(let bytes): bytes
        case .simpleString(let text): Array(text.utf8)
        case .integer, .error, .array, .null: nil
        }
    }

    /// An integer reply, or a string that holds a decimal integer (as `HGET` returns); `nil` otherwise.
    public var int: Int? {
        switch self {
        case .integer(let value): value
        case .simpleString, .bulkString: string.flatMap { Int($0) }
        case .error, .array, .null: nil
        }
    }

    /// A string that holds a number (as `ZSCORE` returns), or an integer; `nil` otherwise.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .simpleString, .bulkString: string.flatMap { Double($0) }
        case .error, .array, .null: nil
        }
    }

    /// The elements of an array reply; `nil` otherwise (including the nil array).
    public var array: [RESPValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }

    /// The message of an error reply; `nil` otherwise.
    public var errorMessage: String? {
        if case .error(let message) = self { message } else { nil }
    }

    /// Whether this is the nil reply.
    public var isNil: Bool {
        if case .null = self { true } else { false }
    }
}

extension RESPValue: CustomStringConvertible {
    /// A short, readable rendering for logs and test failures.
    public var description: String {
        switch self {
        case .simpleString(let text): "+\(text)"
        case .error(let message): "-\(message)"
        case .integer(let value): ":\(value)"
        case .bulkString(let bytes): "\"\(String(decoding: bytes, as: UTF8.self))\""
        case .array(let elements): "[\(elements.map(\.description).joined(separator: ", "))]"
        case .null: "nil"
        }
    }
}

extension RESPValue {
    /// Throws ``RedisError/Code/replyError`` for an error reply; returns any other value.
    func throwingErrorReply() throws(RedisError) -> RESPValue {
        if case .error(let message) = self { throw RedisError(.replyError, message: message) }
        return self
    }
}
