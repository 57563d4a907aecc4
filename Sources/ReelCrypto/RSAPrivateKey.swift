import COpenSSL

/// An RSA private key read from PEM, for RS256 signatures (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3).
///
/// ```swift
/// let key = try RSAPrivateKey(pem: account.privateKey)      // "-----BEGIN PRIVATE KEY-----…"
/// let signature = try key.signatureRS256(for: Array("header.claims".utf8))
/// ```
/// Safe to share between tasks: OpenSSL only reads the key while signing.
public final class RSAPrivateKey: @unchecked Sendable {
    /// Longest PEM text accepted (a 16384-bit key is about 13 KiB).
    public static let maxPEMSize = 64 << 10
    /// Smallest modulus accepted, in bits (RFC 7518 §3.3 asks for 2048).
    public static let minimumBits: Int32 = 2048

    // EVP_PKEY*, set once in `init` and freed in `deinit`.
    private let key: OpaquePointer

    /// Reads a PKCS#8 (`BEGIN PRIVATE KEY`) or PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM key.
    /// - Throws: `CryptoError.malformedInput` for text that is no unencrypted PEM key, `CryptoError.invalidKeySize` for a
    ///   key that is not RSA or shorter than 2048 bits.
    public init(pem: String) throws(CryptoError) {
        // The key is checked before `self.key` is set: a refused key is freed by the reader, never by `deinit`.
        key = try PEMReader.read(pem, kind: "private key") { bio in
            // The passphrase callback refuses, so an encrypted key fails to load instead of OpenSSL asking for a
            // passphrase on the terminal (its default without a callback).
            PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in -1 }, nil)
        }
    }

    deinit { EVP_PKEY_free(key) }

    /// The RS256 signature of `message`: as many bytes as the modulus.
    /// - Throws: `CryptoError.libraryFailure` if OpenSSL cannot sign (memory exhaustion).
    public func signatureRS256(for message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError(.libraryFailure, message: "EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            ERR_clear_error()
            throw CryptoError(.libraryFailure, message: "EVP_DigestSignInit failed")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            ERR_clear_error()
            throw CryptoError(.libraryFailure, message: "EVP_DigestSign (length) failed")
        }
        var signature = [UInt8](repeating: 0, count: length)
        let signed = signature.withUnsafeMutableBufferPointer { output in
            EVP_DigestSign(context, output.baseAddress, &length, message, message.count)
        }
        guard signed == 1 else {
            ERR_clear_error()
            throw CryptoError(.libraryFailure, message: "EVP_DigestSign failed")
        }
        signature.removeLast(signature.count - length)
        return signature
    }
}
