import COpenSSL

/// SHA-256 digests.
public enum SHA256 {
    /// The 32-byte SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = digest.withUnsafeMutableBufferPointer { output in
            bytes.withUnsafeBufferPointer { EVP_Digest($0.baseAddress, $0.count, output.baseAddress, &length, EVP_sha256(), nil) }
        }
        // Only memory exhaustion inside OpenSSL makes a digest fail; that is not recoverable here.
        precondition(ok == 1 && length == 32, "SHA-256 failed inside OpenSSL")
        return digest
    }

    /// The lowercase hexadecimal SHA-256 digest of the UTF-8 bytes of `text`.
    public static func hexDigest(_ text: String) -> String {
        hash(Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
