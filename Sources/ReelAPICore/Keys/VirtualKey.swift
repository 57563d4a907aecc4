import Foundation
import ReelCrypto

/// A virtual key: what a client may do with it. The secret itself is never stored, only its hash.
public struct VirtualKey: Codable, Sendable, Equatable {
    /// Stable id (`key_…`); owns the key's videos and characters.
    public var id: String
    /// Optional human label.
    public var alias: String?
    /// Model patterns the key may use (`sora-2`, `openai/*`, `*`); empty means every model.
    public var models: [String] = []
    /// Requests per minute, if limited.
    public var rpmLimit: Int?
    /// Jobs in flight at once, if limited.
    public var maxInflightJobs: Int?
    /// Unix seconds after which the key is refused, if any.
    public var expiresAt: Int64?
    /// Unix seconds.
    public var createdAt: Int64
    /// HMAC-SHA256 of the secret (hex).
    public var secretHash: String

    enum CodingKeys: String, CodingKey {
        case id, alias, models
        case rpmLimit = "rpm_limit", maxInflightJobs = "max_inflight_jobs", expiresAt = "expires_at"
        case createdAt = "created_at", secretHash = "secret_hash"
    }

    package init(
        id: String, alias: String? = nil, models: [String] = [], rpmLimit: Int? = nil, maxInflightJobs: Int? = nil,
        expiresAt: Int64? = nil, createdAt: Int64, secretHash: String
    ) {
        self.id = id
        self.alias = alias
        self.models = models
        self.rpmLimit = rpmLimit
        self.maxInflightJobs = maxInflightJobs
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.secretHash = secretHash
    }

    /// Whether the key has expired at `now` (Unix seconds).
    public func isExpired(now: Int64) -> Bool {
        expiresAt.map { $0 <= now } ?? false
    }

    private static let hashKey = try! HMACKey(Array("reel.virtual-key.v1".utf8))

    /// The stored form of a secret: hex HMAC-SHA256 under a fixed domain key.
    public static func hash(secret: String) -> String {
        Hex.encode(hashKey.authenticationCode(for: Array(secret.utf8)))
    }

    /// A new key with the settings of `spec`, created at `now` (Unix seconds), and its secret: `sk-reel-` + 32 random
    /// bytes, base64url. The key's id derives from the secret's hash.
    /// - Throws: ``APIError`` (400) when ``VirtualKeySpec/validate()`` refuses the spec.
    public static func make(_ spec: VirtualKeySpec, now: Int64) throws -> (secret: String, key: VirtualKey) {
        try spec.validate()
        let secret = "sk-reel-" + Base64URL.encode(try SecureRandom.bytes(count: 32))
        let secretHash = hash(secret: secret)
        let key = VirtualKey(
            id: "key_" + secretHash.prefix(16), alias: spec.alias, models: spec.models, rpmLimit: spec.rpmLimit,
            maxInflightJobs: spec.maxInflightJobs, expiresAt: spec.durationSeconds.map { now + $0 }, createdAt: now, secretHash: secretHash
        )
        return (secret, key)
    }
}
