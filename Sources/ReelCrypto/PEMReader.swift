import COpenSSL

/// Reads PEM keys through a memory BIO; shared by ``RSAPrivateKey`` and ``RSAPublicKey``.
enum PEMReader {
    /// Runs `read` on a BIO over `pem` and returns the RSA key of at least ``RSAPrivateKey/minimumBits`` bits it
    /// produced; any other key is freed and refused.
    static func read(_ pem: String, kind: String, _ read: (OpaquePointer) -> OpaquePointer?) throws(CryptoError) -> OpaquePointer {
        let bytes = Array(pem.utf8)
        guard !bytes.isEmpty, bytes.count <= RSAPrivateKey.maxPEMSize else {
            throw CryptoError(.malformedInput, message: "a PEM \(kind) is 1 to \(RSAPrivateKey.maxPEMSize) bytes")
        }
        let key: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            return read(bio)
        }
        guard let key else {
            ERR_clear_error()
            throw CryptoError(.malformedInput, message: "not an unencrypted PEM \(kind)")
        }
        do {
            try checkRSA(key)
        } catch {
            EVP_PKEY_free(key)
            throw error
        }
        return key
    }

    /// Checks that `key` is RSA with at least ``RSAPrivateKey/minimumBits`` bits.
    private static func checkRSA(_ key: OpaquePointer) throws(CryptoError) {
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            throw CryptoError(.invalidKeySize, message: "RS256 needs an RSA key")
        }
        guard EVP_PKEY_get_bits(key) >= RSAPrivateKey.minimumBits else {
            throw CryptoError(.invalidKeySize, message: "RS256 needs an RSA key of at least \(RSAPrivateKey.minimumBits) bits")
        }
    }
}
