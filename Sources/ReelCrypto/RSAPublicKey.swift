import COpenSSL

/// An RSA public key read from PEM, for checking RS256 signatures.
///
/// ```swift
/// let key = try RSAPublicKey(pem: publicKeyPEM)             // "-----BEGIN PUBLIC KEY-----…"
/// let valid = key.isValidRS256Signature(signature, for: Array("header.claims".utf8))
/// ```
public final class RSAPublicKey: @unchecked Sendable {
    // EVP_PKEY*, set once in `init` and freed in `deinit`.
    private let key: OpaquePointer

    /// Reads a SubjectPublicKeyInfo PEM key (`BEGIN PUBLIC KEY`).
    /// - Throws: `CryptoError.malformedInput` for text that is no PEM public key, `CryptoError.invalidKeySize` for a key
    ///   that is not RSA or shorter than 2048 bits.
    public init(pem: String) throws(CryptoError) {
        // The key is checked before `self.key` is set: a refused key is freed by the reader, never by `deinit`.
        key = try PEMReader.read(pem, kind: "public key") { bio in
            // The passphrase callback refuses, so an encrypted key fails to load instead of OpenSSL asking for a
            // passphrase on the terminal (its default without a callback).
            PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in -1 }, nil)
        }
    }

    deinit { EVP_PKEY_free(key) }

    /// Whether `signature` is this key's RS256 signature of `message`.
    public func isValidRS256Signature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        let valid = EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1
            && EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
        if !valid { ERR_clear_error() }
        return valid
    }
}
