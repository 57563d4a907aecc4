import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    /// - Throws: `CryptoError.libraryFailure` if the generator cannot produce them (not seeded).
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        precondition(count >= 0, "count must not be negative")
        var bytes = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return bytes }
        let ok = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(clamping: $0.count)) }
        guard ok == 1 else { throw CryptoError(.libraryFailure, message: "RAND_bytes failed") }
        return bytes
    }
}
