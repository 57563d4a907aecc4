public import ReelAPICore
import Foundation
public import ReelRedis

/// Virtual keys in Redis, shared by every front and by `reel keys`.
///
/// Keys (under `prefix`, default `reel:keys`): `:key:<id>` the key as JSON (the secret's HMAC, never the secret),
/// `:hash:<hmac>` → id, `:all` the set of ids, `:rpm:<id>:<minute>` request counters (expire after two minutes).
/// A key's jobs in flight are counted by the queue (``GroupCap``).
public struct RedisVirtualKeyStore: VirtualKeyStore {
    private let client: RedisClient
    private let prefix: String
    private let wallClock: WallClock

    /// Creates a store on `client`; `wallClock` dates keys and their minutes of requests.
    public init(client: RedisClient, prefix: String = "reel:keys", wallClock: WallClock = .system) {
        self.client = client
        self.prefix = prefix
        self.wallClock = wallClock
    }

    /// Stores a new key atomically (MULTI/EXEC).
    public func create(_ spec: VirtualKeySpec) async throws -> (secret: String, key: VirtualKey) {
        let (secret, key) = try VirtualKey.make(spec, now: wallClock.seconds)
        let json = String(decoding: try JSONEncoder().encode(key), as: UTF8.self)
        let replies = try await client.pipeline([
            ["MULTI"],
            ["SET", "\(prefix):key:\(key.id)", json],
            ["SET", "\(prefix):hash:\(key.secretHash)", key.id],
            ["SADD", "\(prefix):all", key.id],
            ["EXEC"],
        ])
        if let message = replies.compactMap(\.errorMessage).first {
            throw RedisError(.replyError, message: message)
        }
        return (secret, key)
    }

    /// The key whose secret hashes to `secretHash`.
    public func key(secretHash: String) async throws -> VirtualKey? {
        guard let id = try await client.send(["GET", "\(prefix):hash:\(secretHash)"]).string else { return nil }
        return try await key(id: id)
    }

    /// The key with this id.
    public func key(id: String) async throws -> VirtualKey? {
        guard let json = try await client.send(["GET", "\(prefix):key:\(id)"]).bytes else { return nil }
        return try JSONDecoder().decode(VirtualKey.self, from: Data(json))
    }

    /// Every key, oldest first.
    public func list() async throws -> [VirtualKey] {
        let ids = try await client.send(["SMEMBERS", "\(prefix):all"]).array?.compactMap(\.string) ?? []
        var keys: [VirtualKey] = []
        for id in ids {
            if let key = try await key(id: id) { keys.append(key) }
        }
        return keys.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// Removes a key and its hash entry.
    public func revoke(id: String) async throws -> Bool {
        guard let key = try await key(id: id) else { return false }
        _ = try await client.pipeline([
            ["MULTI"],
            ["DEL", "\(prefix):key:\(id)", "\(prefix):hash:\(key.secretHash)"],
            ["SREM", "\(prefix):all", id],
            ["EXEC"],
        ])
        return true
    }

    /// INCR of the key's counter of the current minute (Redis clock is not needed: a minute of skew only shifts the window).
    public func countRequest(keyID: String) async throws -> Int {
        let counter = "\(prefix):rpm:\(keyID):\(wallClock.seconds / 60)"
        let replies = try await client.pipeline([["INCR", counter], ["EXPIRE", counter, "120"]])
        guard let count = replies.first?.int else {
            throw RedisError(.replyError, message: replies.first?.errorMessage ?? "INCR gave no integer")
        }
        return count
    }
}

extension RedisVirtualKeyStore {
    /// A store on a new client for `redisURL` (for `reel keys`).
    public init(redisURL: String) throws {
        self.init(client: try RedisClient(url: redisURL))
    }
}
