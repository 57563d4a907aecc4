import COpenSSL

/// A SHA-256 digest computed over bytes that arrive in pieces (an upload, chunk by chunk).
///
/// ```swift
/// let hasher = SHA256Hasher()
/// firstChunk.withUnsafeBytes { hasher.update($0) }
/// secondChunk.withUnsafeBytes { hasher.update($0) }
/// let digest = hasher.finalize()   // same as SHA256.hash(firstChunk + secondChunk)
/// ```
/// One owner at a time: not safe to share between tasks without a lock.
public final class SHA256Hasher: @unchecked Sendable {
    private let context: OpaquePointer

    /// Starts a digest.
    public init() {
        // Only memory exhaustion inside OpenSSL makes these fail; that is not recoverable here.
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed inside OpenSSL") }
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "SHA-256 init failed inside OpenSSL")
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        let ok = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        precondition(ok == 1, "SHA-256 update failed inside OpenSSL")
    }

    /// The 32-byte digest of everything added; call once.
    public func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        precondition(ok == 1 && length == 32, "SHA-256 final failed inside OpenSSL")
        return digest
    }
}
