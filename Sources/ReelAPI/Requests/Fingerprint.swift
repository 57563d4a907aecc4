import ReelAPICore
import ReelCrypto

/// Fingerprints of request bodies, for `Idempotency-Key`: the same body gives the same fingerprint in every process.
enum Fingerprint {
    private static let key = try! HMACKey(Array("reel.idempotency.fingerprint.v1".utf8))

    /// Hex of the HMAC-SHA256 of `bytes` under a fixed domain key.
    static func of(_ bytes: [UInt8]) -> String {
        Hex.encode(key.authenticationCode(for: bytes))
    }
}
