import ReelCrypto
public import ReelTime

/// Who a request's `Authorization: Bearer …` (or Azure's `api-key`) names: the master key or a live virtual key.
///
/// Holds the master key's hash, the key store and a short-lived cache of keys read from it, so a busy key does
/// not cost a store read per request. The video routes and the passthrough routes share one.
///
/// ```swift
/// let authenticator = Authenticator(keys: store, masterKey: "sk-master")
/// let caller = try await authenticator.authenticate(authorization: "Bearer sk-reel-…")
/// ```
public struct Authenticator<Keys: VirtualKeyStore>: Sendable {
    /// Virtual keys.
    public let keys: Keys
    /// Unix time, for key expiry.
    public let wallClock: WallClock
    private let masterKeyHash: String?
    private let cache: KeyCache

    /// Creates an authenticator.
    /// - Parameters:
    ///   - keys: the key store.
    ///   - masterKey: the master key; nil refuses every master-key call.
    ///   - cacheTTL: how long a key stays cached after it was read (revocations on other fronts take effect within it).
    ///   - clock: measures the cache's lifetimes.
    ///   - wallClock: Unix time, for key expiry.
    public init(
        keys: Keys, masterKey: String?, cacheTTL: Duration = .seconds(2), clock: IntervalClock = .continuous, wallClock: WallClock = .system
    ) {
        self.keys = keys
        self.masterKeyHash = masterKey.map { VirtualKey.hash(secret: $0) }
        self.cache = KeyCache(ttl: cacheTTL, clock: clock)
        self.wallClock = wallClock
    }

    /// Refuses with 429 a request beyond the caller's `rpm_limit` in the current minute (the video and the passthrough
    /// routes alike).
    public func admitRate(_ caller: Caller) async throws {
        guard let key = caller.key, let limit = key.rpmLimit else { return }
        let count = try await keys.countRequest(keyID: key.id)
        if count > limit {
            let wait = 60 - Int(wallClock.seconds % 60)
            throw APIError(
                .rateLimited,
                "Rate limit reached for key \(key.id): \(limit) requests per minute. Please retry after \(wait) seconds.",
                retryAfter: .seconds(wait)
            )
        }
    }

    /// The caller of a `Bearer` token: the master key, or a live virtual key. 401 otherwise.
    public func authenticate(authorization: String?) async throws -> Caller {
        guard let authorization, !authorization.isEmpty else {
            throw APIError(
                .invalidAPIKey,
                "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
            )
        }
        let token = Self.token(of: authorization)
        let hash = VirtualKey.hash(secret: token)
        if let masterKeyHash, ConstantTime.equals(Array(hash.utf8), Array(masterKeyHash.utf8)) {
            return .master
        }
        let key: VirtualKey?
        if let cached = cache.lookup(hash) {
            key = cached
        } else {
            key = try await keys.key(secretHash: hash)
            cache.store(key, for: hash)
        }
        guard let key, !key.isExpired(now: wallClock.seconds) else {
            throw APIError(.invalidAPIKey, "Incorrect API key provided: \(Self.redacted(token)).")
        }
        return Caller(id: key.id, key: key)
    }

    /// The caller of a key id (`master` for the master key), nil when the key no longer exists or has expired.
    public func caller(keyID: String) async throws -> Caller? {
        guard keyID != Caller.master.id else { return .master }
        guard let key = try await keys.key(id: keyID), !key.isExpired(now: wallClock.seconds) else { return nil }
        return Caller(id: key.id, key: key)
    }

    /// Throws 403 unless the caller is the master key.
    public func requireMaster(_ caller: Caller) throws {
        guard caller.isMaster else {
            throw APIError(.permissionDenied, "Only the master key may manage keys.")
        }
    }

    /// Forgets every cached key, after revocations on this front.
    public func forgetCachedKeys() { cache.removeAll() }

    /// The token of an `Authorization` header (`Bearer` is optional, its case ignored), without surrounding blanks.
    static func token(of authorization: String) -> String {
        let token = authorization.prefix(7).lowercased() == "bearer " ? authorization.dropFirst(7) : authorization[...]
        return String(token.trimmingBlanks)
    }

    /// `sk-r****cdef`: enough to recognise a key in a message, not enough to use it.
    static func redacted(_ token: String) -> String {
        guard token.count > 8 else { return "****" }
        return token.prefix(4) + "****" + token.suffix(4)
    }
}
