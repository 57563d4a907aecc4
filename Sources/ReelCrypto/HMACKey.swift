import COpenSSL

/// An HMAC-SHA256 key with its padded key blocks hashed once, for authenticating many messages.
///
/// ```swift
/// let key = try HMACKey(Array("secret".utf8))
/// let tag = key.authenticationCode(for: Array("message".utf8))   // 32 bytes
/// ```
/// Safe to share between tasks: every message is processed in a private copy of the keyed digest states.
public final class HMACKey: @unchecked Sendable {
    /// The size of an HMAC-SHA256 tag in bytes.
    public static let tagSize = 32
    private static let blockSize = 64

    // SHA-256 states after absorbing key ⊕ ipad and key ⊕ opad (RFC 2104). Set once in `init`, then only
    // copied from until `deinit`.
    private let inner: OpaquePointer
    private let outer: OpaquePointer

    /// Prepares a key. Any length is allowed (longer than 64 bytes is hashed first, as RFC 2104 says).
    /// - Throws: `CryptoError.libraryFailure` if OpenSSL cannot set up SHA-256.
    public init(_ key: [UInt8]) throws(CryptoError) {
        var block = key.count > Self.blockSize ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        guard let inner = Self.absorbing(block.map { $0 ^ 0x36 }) else {
            throw CryptoError(.libraryFailure, message: "SHA-256 setup failed")
        }
        guard let outer = Self.absorbing(block.map { $0 ^ 0x5c }) else {
            EVP_MD_CTX_free(inner)
            throw CryptoError(.libraryFailure, message: "SHA-256 setup failed")
        }
        self.inner = inner
        self.outer = outer
    }

    deinit {
        EVP_MD_CTX_free(inner)
        EVP_MD_CTX_free(outer)
    }

    /// The full 32-byte HMAC-SHA256 tag of `message`.
    public func authenticationCode(for message: [UInt8]) -> [UInt8] {
        // Only memory exhaustion inside OpenSSL makes these calls fail; that is not recoverable here.
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        var innerHash = [UInt8](repeating: 0, count: Self.tagSize)
        var tag = [UInt8](repeating: 0, count: Self.tagSize)
        var length: UInt32 = 0
        let ok = EVP_MD_CTX_copy_ex(context, inner) == 1
            && message.withUnsafeBufferPointer { EVP_DigestUpdate(context, $0.baseAddress, $0.count) } == 1
            && EVP_DigestFinal_ex(context, &innerHash, &length) == 1
            && EVP_MD_CTX_copy_ex(context, outer) == 1
            && EVP_DigestUpdate(context, innerHash, innerHash.count) == 1
            && EVP_DigestFinal_ex(context, &tag, &length) == 1
        precondition(ok && length == UInt32(Self.tagSize), "HMAC-SHA256 failed inside OpenSSL")
        return tag
    }

    /// Whether `tag` (the full tag, or its first `tag.count` bytes, at least 12) authenticates `message`.
    /// The comparison runs in constant time.
    public func isValid(_ tag: ArraySlice<UInt8>, for message: [UInt8]) -> Bool {
        guard tag.count >= 12, tag.count <= Self.tagSize else { return false }
        return ConstantTime.equals(authenticationCode(for: message).prefix(tag.count), tag)
    }

    /// Whether `tag` authenticates `message` (see ``isValid(_:for:)-(ArraySlice<UInt8>,_)``).
    public func isValid(_ tag: [UInt8], for message: [UInt8]) -> Bool {
        isValid(tag[...], for: message)
    }

    /// A SHA-256 state that has absorbed `block`.
    private static func absorbing(_ block: [UInt8]) -> OpaquePointer? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, EVP_DigestUpdate(context, block, block.count) == 1 else {
            EVP_MD_CTX_free(context)
            return nil
        }
        return context
    }
}
