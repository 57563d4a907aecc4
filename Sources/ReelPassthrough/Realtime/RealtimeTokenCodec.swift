import Foundation
public import ReelCrypto

/// Seals ``RealtimeToken``s with AES-256-GCM under a key derived from `reel_settings.secrets.realtime_secret`.
///
/// A token is `rtk_` followed by unpadded base64url of `version ‖ nonce ‖ ciphertext ‖ tag`; the version byte is
/// also authenticated as additional data. Anything altered, sealed under another secret, or of another
/// version fails to open.
///
/// ```swift
/// let codec = try RealtimeTokenCodec(secret: secrets.realtimeSecret!)
/// let text = try codec.seal(token)
/// let opened = codec.open(text)   // nil when tampered or foreign
/// ```
public struct RealtimeTokenCodec: Sendable {
    /// The format version.
    static let version: UInt8 = 1
    /// The prefix of every token.
    public static let prefix = "rtk_"
    private let key: [UInt8]

    /// Creates a codec.
    /// - Parameter secret: at least 16 bytes; the AES key is its SHA-256 digest.
    public init(secret: String) throws(CryptoError) {
        guard secret.utf8.count >= 16 else { throw CryptoError(.malformedInput, message: "the realtime secret must be at least 16 bytes") }
        key = SHA256.hash(Array(("reel-realtime-token\u{0}" + secret).utf8))
    }

    /// The sealed text of `token`.
    public func seal(_ token: RealtimeToken) throws -> String {
        let plaintext = Array(try JSONEncoder().encode(token))
        let box = try AESGCM.seal(plaintext, key: key, authenticating: [Self.version])
        return Self.prefix + Base64URL.encode([Self.version] + box.combined)
    }

    /// The token `text` seals, or nil when it is malformed, altered, of another version or sealed under another
    /// secret. Expiry is the caller's check.
    public func open(_ text: String) -> RealtimeToken? {
        guard text.hasPrefix(Self.prefix), text.utf8.count < 8192, let bytes = Base64URL.decode(text.dropFirst(Self.prefix.count)),
            bytes.count > 1 + AESGCM.nonceSize + AESGCM.tagSize, bytes[0] == Self.version,
            let box = try? AESGCM.SealedBox(combined: Array(bytes.dropFirst())),
            let plaintext = try? AESGCM.open(box, key: key, authenticating: [Self.version])
        else { return nil }
        return try? JSONDecoder().decode(RealtimeToken.self, from: Data(plaintext))
    }
}
