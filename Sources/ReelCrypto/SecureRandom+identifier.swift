extension SecureRandom {
    /// 128 random bits as 32 lowercase hexadecimal digits, for identifiers: job ids, lease tokens, temporary names.
    ///
    /// Foundation's `UUID()` opens and reads `/dev/urandom` for every identifier on Linux; this draws from the
    /// system generator (`getrandom`) without a file descriptor, which matters on paths taken thousands of times a second.
    public static func identifier() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (generator.next(), generator.next())
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (offset, word) in [(0, words.0), (16, words.1)] {
                for nibble in 0..<16 {
                    let value = Int(truncatingIfNeeded: word >> (60 - 4 * UInt64(nibble))) & 0xf
                    buffer[offset + nibble] = value < 10 ? UInt8(ascii: "0") + UInt8(value) : UInt8(ascii: "a") + UInt8(value - 10)
                }
            }
            return 32
        }
    }
}
