/// Reads JSON text piece by piece, for the objects read on every request (job records), where Foundation's
/// `JSONDecoder` costs more than the rest of the work.
///
/// The caller walks the document: ``beginObject()`` then ``nextKey()`` until nil, reading or skipping each
/// value. Every method throws ``JSONScanner/Mismatch`` on text that is not valid JSON or not of the expected
/// shape; numbers are read as integers only (a fraction or an exponent is a mismatch).
///
/// ```swift
/// var scanner = JSONScanner(#"{"id":"video_1","progress":40}"#)
/// try scanner.beginObject()
/// while let key = try scanner.nextKey() {
///     switch key {
///     case "id": id = try scanner.string()
///     case "progress": progress = try scanner.int()
///     default: try scanner.skipValue()
///     }
/// }
/// try scanner.end()
/// ```
package struct JSONScanner {
    /// The text is not valid JSON or not of the expected shape.
    package struct Mismatch: Error {
        /// Creates the error.
        package init() {}
    }

    private let bytes: [UInt8]
    private var index = 0
    /// The container just opened has no member or element yet (no comma before the next one).
    private var atFirst = false

    /// Scans `text`.
    package init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Scans UTF-8 text (the caller has checked that it is valid UTF-8).
    package init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The first byte of the next value (after whitespace), nil at the end: which kind of value comes next.
    package mutating func nextByte() -> UInt8? {
        skipWhitespace()
        return peek
    }

    /// Opens an object.
    package mutating func beginObject() throws {
        try expect(UInt8(ascii: "{"))
        atFirst = true
    }

    /// The next member's key (its value is next), or nil after the closing brace.
    package mutating func nextKey() throws -> String? {
        guard try nextItem(closedBy: UInt8(ascii: "}")) else { return nil }
        let key = try string()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Opens an array.
    package mutating func beginArray() throws {
        try expect(UInt8(ascii: "["))
        atFirst = true
    }

    /// Whether another element follows (false after the closing bracket).
    package mutating func nextElement() throws -> Bool {
        try nextItem(closedBy: UInt8(ascii: "]"))
    }

    /// Whether another member or element of the open object or array follows, past its comma; false after `closing`.
    private mutating func nextItem(closedBy closing: UInt8) throws -> Bool {
        skipWhitespace()
        if peek == closing {
            index += 1
            atFirst = false
            return false
        }
        if !atFirst { try expect(UInt8(ascii: ",")) }
        atFirst = false
        return true
    }

    /// Consumes a `null` if one is next.
    package mutating func skipNull() -> Bool {
        skipWhitespace()
        guard bytes[index...].starts(with: "null".utf8) else { return false }
        index += 4
        return true
    }

    /// A string.
    package mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            case UInt8(ascii: "\\"):
                index = start
                return try escapedString()
            case ..<0x20:
                throw Mismatch()
            default:
                index += 1
            }
        }
        throw Mismatch()
    }

    /// A string, or nil for `null`.
    package mutating func optionalString() throws -> String? {
        skipNull() ? nil : try string()
    }

    /// An array of strings.
    package mutating func strings() throws -> [String] {
        var strings: [String] = []
        try beginArray()
        while try nextElement() { strings.append(try string()) }
        return strings
    }

    /// An integer.
    package mutating func int<Value: FixedWidthInteger>(_: Value.Type = Int.self) throws -> Value {
        skipWhitespace()
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        let start = index
        var value: Value = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            let digit = Value(bytes[index] - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { throw Mismatch() }
            value = next
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Mismatch() }
        if let next = peek, next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { throw Mismatch() }
        return value
    }

    /// An integer, or nil for `null`.
    package mutating func optionalInt<Value: FixedWidthInteger>(_: Value.Type = Int.self) throws -> Value? {
        skipNull() ? nil : try int(Value.self)
    }

    /// A number of any form, as a finite `Double`.
    package mutating func number() throws -> Double {
        skipWhitespace()
        let start = index
        try skipNumber()
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)), value.isFinite else { throw Mismatch() }
        return value
    }

    /// `true` or `false`.
    package mutating func bool() throws -> Bool {
        skipWhitespace()
        if bytes[index...].starts(with: "true".utf8) {
            index += 4
            return true
        }
        if bytes[index...].starts(with: "false".utf8) {
            index += 5
            return false
        }
        throw Mismatch()
    }

    /// Skips one value of any kind.
    package mutating func skipValue() throws {
        skipWhitespace()
        switch peek {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard skipNull() else { throw Mismatch() }
        default:
            try skipNumber()
        }
    }

    /// Checks that nothing but whitespace is left.
    package mutating func end() throws {
        skipWhitespace()
        guard index == bytes.count else { throw Mismatch() }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipWhitespace()
        guard peek == byte else { throw Mismatch() }
        index += 1
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func skipNumber() throws {
        func digits() throws {
            let start = index
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            guard index > start else { throw Mismatch() }
        }
        if peek == UInt8(ascii: "-") { index += 1 }
        let start = index
        try digits()
        guard index - start == 1 || bytes[start] != UInt8(ascii: "0") else { throw Mismatch() }
        if peek == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
    }

    /// The rest of a string with escapes in it, from just after its opening quote.
    private mutating func escapedString() throws -> String {
        var utf8: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escape = peek else { throw Mismatch() }
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"): utf8.append(contentsOf: String(try escapedScalar()).utf8)
                default: throw Mismatch()
                }
            case ..<0x20:
                throw Mismatch()
            default:
                utf8.append(byte)
            }
        }
        throw Mismatch()
    }

    /// The scalar of a `\uXXXX` escape (just read up to the `u`), joining a surrogate pair.
    private mutating func escapedScalar() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first) {
            guard bytes[index...].starts(with: #"\u"#.utf8) else { throw Mismatch() }
            index += 2
            let second = try hex4()
            guard (0xDC00..<0xE000).contains(second),
                let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw Mismatch() }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw Mismatch() }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Mismatch() }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Mismatch()
            }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }
}
