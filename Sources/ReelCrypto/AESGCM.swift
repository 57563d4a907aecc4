import COpenSSL

/// AES-256-GCM authenticated encryption.
///
/// ```swift
/// let key = try SecureRandom.bytes(count: AESGCM.keySize)
/// let token = try AESGCM.seal(Array("payload".utf8), key: key).combined   // nonce ‖ ciphertext ‖ tag
/// let payload = try AESGCM.open(AESGCM.SealedBox(combined: token), key: key)
/// ```
/// Each `seal` without an explicit nonce draws a fresh random 12-byte nonce.
public enum AESGCM {
    /// Key size in bytes (AES-256).
    public static let keySize = 32
    /// Nonce size in bytes (the 96-bit nonce GCM is designed for).
    public static let nonceSize = 12
    /// Tag size in bytes (full 128-bit tag).
    public static let tagSize = 16

    /// Encrypts and authenticates `plaintext`, and authenticates `additionalData` without encrypting it.
    /// - Parameters:
    ///   - plaintext: the bytes to encrypt.
    ///   - key: a 32-byte key.
    ///   - nonce: a 12-byte nonce that is never reused with the same key; by default a random one.
    ///   - additionalData: bytes bound to the result but not encrypted.
    public static func seal(
        _ plaintext: [UInt8],
        key: [UInt8],
        nonce: [UInt8]? = nil,
        authenticating additionalData: [UInt8] = []
    ) throws(CryptoError) -> SealedBox {
        let nonce = if let nonce { nonce } else { try SecureRandom.bytes(count: nonceSize) }
        try check(key: key, nonce: nonce)
        let context = try makeContext()
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw CryptoError(.libraryFailure, message: "EVP_EncryptInit_ex failed")
        }
        var length: Int32 = 0
        if !additionalData.isEmpty {
            guard EVP_EncryptUpdate(context, nil, &length, additionalData, Int32(additionalData.count)) == 1 else {
                throw CryptoError(.libraryFailure, message: "EVP_EncryptUpdate (additional data) failed")
            }
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var written: Int32 = 0
        let updated = ciphertext.withUnsafeMutableBufferPointer { output in
            plaintext.isEmpty || EVP_EncryptUpdate(context, output.baseAddress, &written, plaintext, Int32(plaintext.count)) == 1
        }
        let finished = ciphertext.withUnsafeMutableBufferPointer { output in
            EVP_EncryptFinal_ex(context, output.baseAddress! + Int(written), &length) == 1
        }
        guard updated, finished else { throw CryptoError(.libraryFailure, message: "AES-256-GCM encryption failed") }
        ciphertext.removeLast(ciphertext.count - Int(written + length))
        var tag = [UInt8](repeating: 0, count: tagSize)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagSize), &tag) == 1 else {
            throw CryptoError(.libraryFailure, message: "reading the GCM tag failed")
        }
        return SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    /// Verifies and decrypts `box`.
    /// - Throws: `CryptoError.authenticationFailed` when the ciphertext, nonce, tag or additional data were
    ///   altered or the key is not the one that sealed it.
    public static func open(
        _ box: SealedBox,
        key: [UInt8],
        authenticating additionalData: [UInt8] = []
    ) throws(CryptoError) -> [UInt8] {
        try check(key: key, nonce: box.nonce)
        guard box.tag.count == tagSize else { throw CryptoError(.malformedInput, message: "the tag must be \(tagSize) bytes") }
        let context = try makeContext()
        defer { EVP_CIPHER_CTX_free(context) }
        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, key, box.nonce) == 1 else {
            throw CryptoError(.libraryFailure, message: "EVP_DecryptInit_ex failed")
        }
        var length: Int32 = 0
        if !additionalData.isEmpty {
            guard EVP_DecryptUpdate(context, nil, &length, additionalData, Int32(additionalData.count)) == 1 else {
                throw CryptoError(.libraryFailure, message: "EVP_DecryptUpdate (additional data) failed")
            }
        }
        var plaintext = [UInt8](repeating: 0, count: box.ciphertext.count + 16)
        var written: Int32 = 0
        let updated = plaintext.withUnsafeMutableBufferPointer { output in
            box.ciphertext.isEmpty
                || EVP_DecryptUpdate(context, output.baseAddress, &written, box.ciphertext, Int32(box.ciphertext.count)) == 1
        }
        guard updated else { throw CryptoError(.libraryFailure, message: "AES-256-GCM decryption failed") }
        var tag = box.tag
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagSize), &tag) == 1 else {
            throw CryptoError(.libraryFailure, message: "setting the GCM tag failed")
        }
        let verified = plaintext.withUnsafeMutableBufferPointer { output in
            EVP_DecryptFinal_ex(context, output.baseAddress! + Int(written), &length) == 1
        }
        guard verified else { throw CryptoError(.authenticationFailed, message: "the AES-256-GCM tag did not verify") }
        plaintext.removeLast(plaintext.count - Int(written + length))
        return plaintext
    }

    private static func check(key: [UInt8], nonce: [UInt8]) throws(CryptoError) {
        guard key.count == keySize else { throw CryptoError(.invalidKeySize, message: "AES-256-GCM needs a \(keySize)-byte key") }
        guard nonce.count == nonceSize else { throw CryptoError(.invalidNonceSize, message: "AES-256-GCM needs a \(nonceSize)-byte nonce") }
    }

    private static func makeContext() throws(CryptoError) -> OpaquePointer {
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError(.libraryFailure, message: "EVP_CIPHER_CTX_new failed") }
        return context
    }
}
