import ReelCrypto

extension VideoFront {
    /// The caller of a `Bearer` token: the master key, or a live virtual key. 401 otherwise.
    func authenticate(authorization: String?) async throws -> Caller {
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
        if let cached = keyCache.lookup(hash) {
            key = cached
        } else {
            key = try await keys.key(secretHash: hash)
            keyCache.store(key, for: hash)
        }
        guard let key, !key.isExpired(now: Self.now) else {
            throw APIError(.invalidAPIKey, "Incorrect API key provided: \(Self.redacted(token)).")
        }
        return Caller(id: key.id, key: key)
    }

    /// The token of an `Authorization` header (`Bearer` is optional, its case ignored), without surrounding blanks.
    static func token(of authorization: String) -> String {
        let token = authorization.prefix(7).lowercased() == "bearer " ? authorization.dropFirst(7) : authorization[...]
        return String(token.trimmingBlanks)
    }

    /// Throws 403 unless the caller is the master key.
    func requireMaster(_ caller: Caller) throws {
        guard caller.isMaster else {
            throw APIError(.permissionDenied, "Only the master key may manage keys.")
        }
    }

    /// `sk-r****cdef`: enough to recognise a key in a message, not enough to use it.
    static func redacted(_ token: String) -> String {
        guard token.count > 8 else { return "****" }
        return token.prefix(4) + "****" + token.suffix(4)
    }
}
