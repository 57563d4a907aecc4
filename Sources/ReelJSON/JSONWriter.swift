/// Writes JSON text straight into bytes, for the objects written on every request (records, API objects), where
/// Foundation's `JSONEncoder` and its intermediate tree cost more than the rest of the work.
///
/// Commas are placed automatically; the caller opens and closes objects and arrays and writes keys and values in
/// order. Strings are escaped as RFC 8259 requires (quote, backslash and control characters); everything else,
/// non-ASCII included, is written as it is.
///
/// Its members are `@inlinable`: they are called on every request from other modules, and only inlinable code is
/// specialized and inlined across a module boundary.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.beginObject()
/// writer.member("id", "video_1")
/// writer.member("progress", 40)
/// writer.endObject()
/// // writer.bytes == Array(#"{"id":"video_1","progress":40}"#.utf8)
/// ```
package struct JSONWriter {
    /// The JSON text written so far (UTF-8).
    @usableFromInline package internal(set) var bytes: [UInt8] = []
    /// A value was written at the current level, so the next key or element needs a comma.
    @usableFromInline var needsComma = false

    /// Creates an empty writer with room for `capacity` bytes.
    @inlinable package init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    @inlinable package var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `{`
    @inlinable package mutating func beginObject() { open(UInt8(ascii: "{")) }

    /// `}`
    @inlinable package mutating func endObject() { close(UInt8(ascii: "}")) }

    /// `[`
    @inlinable package mutating func beginArray() { open(UInt8(ascii: "[")) }

    /// `]`
    @inlinable package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A member's key; its value follows.
    @inlinable package mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A string value.
    @inlinable package mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            for byte in value.utf8 { appendEscaped(byte) }
        } else {
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// An integer value.
    @inlinable package mutating func int(_ value: some BinaryInteger) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// `true` or `false`.
    @inlinable package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// `null`.
    @inlinable package mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// JSON text written as it is: a number, `true`, `false` or `null` taken over from a parsed document.
    @inlinable package mutating func literal(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// A string, or `null` for nil.
    @inlinable package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer, or `null` for nil.
    @inlinable package mutating func int(_ value: (some BinaryInteger)?) {
        if let value { int(value) } else { null() }
    }

    /// A member with a string value, `null` for nil.
    @inlinable package mutating func member(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// A member with an integer value, `null` for nil.
    @inlinable package mutating func member(_ name: String, _ value: (some BinaryInteger)?) {
        key(name)
        int(value)
    }

    /// A member with the value `true` or `false`.
    @inlinable package mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A member with an object value, `null` for nil.
    @inlinable package mutating func member(_ name: String, _ value: (some JSONWritable)?) {
        key(name)
        if let value { value.write(to: &self) } else { null() }
    }

    /// A member with an array of strings.
    @inlinable package mutating func member(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// A member with a string value, left out when the value is nil (as `Codable` leaves out absent optionals).
    @inlinable package mutating func member(_ name: String, ifPresent value: String?) {
        if let value { member(name, value) }
    }

    /// A member with an integer value, left out when the value is nil (as `Codable` leaves out absent optionals).
    @inlinable package mutating func member(_ name: String, ifPresent value: (some BinaryInteger)?) {
        if let value { member(name, value) }
    }

    /// A member with an object value, left out when the value is nil (as `Codable` leaves out absent optionals).
    @inlinable package mutating func member(_ name: String, ifPresent value: (some JSONWritable)?) {
        if let value { member(name, value) }
    }

    /// Opens an object or array as the next value.
    @inlinable mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    /// Closes the innermost object or array, which is a value of its parent.
    @inlinable mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    @inlinable mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    @inlinable mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(byte)
        case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
        case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
        case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
        case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
        case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
        case ..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: #"\u00"#.utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        default:
            bytes.append(byte)
        }
    }
}
