import COpenSSL

/// An HMAC-SHA256 key with its key schedule computed once, for authenticating many messages.
///
/// ```swift
/// let key = try HMACKey(Array("secret".utf8))
/// let tag = key.authenticationCode(for: Array("message".utf8))   // 32 bytes
/// ```
/// Safe to share between tasks: every message is processed in a private copy of the keyed state.
public final class HMACKey: @unchecked Sendable {
    /// The size of an HMAC-SHA256 tag in bytes.
    public static let tagSize = 32

    // Initialised once in `init`, then only read (duplicated) until `deinit`.
    private let context: OpaquePointer

    /// Prepares a key. Any length is allowed (longer than 64 bytes is hashed first, as RFC 2104 says).
    /// - Throws: `CryptoError.libraryFailure` if OpenSSL cannot set up HMAC-SHA256.
    public init(_ key: [UInt8]) throws(CryptoError) {
        guard let context = key.withUnsafeBufferPointer({ reel_hmac_sha256_new($0.baseAddress, $0.count) }) else {
            throw CryptoError(.libraryFailure, message: "HMAC-SHA256 setup failed")
        }
        self.context = context
    }

    deinit {
        EVP_MAC_CTX_free(context)
    }

    /// The full 32-byte HMAC-SHA256 tag of `message`.
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        // Only memory exhaustion inside OpenSSL makes these calls fail; that is not recoverable here.
        guard let copy = EVP_MAC_CTX_dup(context) else { preconditionFailure("EVP_MAC_CTX_dup failed") }
        defer { EVP_MAC_CTX_free(copy) }
        var tag = [UInt8](repeating: 0, count: Self.tagSize)
        var length = 0
        let updated = message.withUnsafeBufferPointer { EVP_MAC_update(copy, $0.baseAddress, $0.count) }
        let finished = tag.withUnsafeMutableBufferPointer { EVP_MAC_final(copy, $0.baseAddress, &length, Self.tagSize) }
        precondition(updated == 1 && finished == 1 && length == Self.tagSize, "HMAC-SHA256 failed inside OpenSSL")
        return tag
    }

    /// Whether `tag` (the full tag, or its first `tag.count` bytes, at least 12) authenticates `message`.
    /// The comparison runs in constant time.
    public func isValid(_ tag: some Collection<UInt8>, for message: [UInt8]) -> Bool {
        guard tag.count >= 12, tag.count <= Self.tagSize else { return false }
        return ConstantTime.equals(authenticationCode(for: message).prefix(tag.count), tag)
    }
}
