/// The URL-safe base64 alphabet of RFC 4648 §5, without padding.
///
/// Decoding is strict: only the 64 URL-safe characters, no `=`, and the unused low bits of the last character
/// must be zero, so every byte string has exactly one encoding (a changed character never decodes to the
/// same bytes).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, character) in alphabet.enumerated() { table[Int(character)] = UInt8(index) }
        return table
    }()

    /// The unpadded base64url text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            let length = (input.count * 4 + 2) / 3
            return String(unsafeUninitializedCapacity: length) { output in
                alphabet.withUnsafeBufferPointer { alphabet in
                    var out = 0
                    var index = 0
                    while index + 3 <= input.count {
                        let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                        output[out] = alphabet[Int(group >> 18 & 63)]
                        output[out + 1] = alphabet[Int(group >> 12 & 63)]
                        output[out + 2] = alphabet[Int(group >> 6 & 63)]
                        output[out + 3] = alphabet[Int(group & 63)]
                        out += 4
                        index += 3
                    }
                    let remaining = input.count - index
                    if remaining > 0 {
                        let second = remaining > 1 ? UInt32(input[index + 1]) : 0
                        let group = UInt32(input[index]) << 16 | second << 8
                        output[out] = alphabet[Int(group >> 18 & 63)]
                        output[out + 1] = alphabet[Int(group >> 12 & 63)]
                        out += 2
                        if remaining == 2 {
                            output[out] = alphabet[Int(group >> 6 & 63)]
                            out += 1
                        }
                    }
                    return out
                }
            }
        }
    }

    /// The bytes encoded by `text`, or nil when `text` is not canonical unpadded base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8(decode)
    }

    /// The bytes encoded by `text`, or nil when `text` is not canonical unpadded base64url.
    public static func decode(_ text: Substring) -> [UInt8]? {
        var text = text
        return text.withUTF8(decode)
    }

    private static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard characters.count % 4 != 1 else { return nil }
        var output = [UInt8]()
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        let valid = values.withUnsafeBufferPointer { values in
            for character in characters {
                let value = values[Int(character)]
                guard value != 0xFF else { return false }
                accumulator = accumulator << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                    accumulator &= (1 << UInt32(bits)) - 1
                }
            }
            return true
        }
        guard valid, accumulator == 0 else { return nil }  // leftover bits must be zero (canonical form)
        return output
    }
}
