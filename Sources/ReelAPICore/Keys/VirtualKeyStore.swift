/// Where virtual keys live, with the per-key counters admission needs.
///
/// Two implementations: ``RedisVirtualKeyStore`` (shared by every front and `reel keys`) and
/// ``MemoryVirtualKeyStore`` (one process, for tests of the front without Redis).
public protocol VirtualKeyStore: Sendable {
    /// Stores a new key; returns the secret (shown once) and the stored key.
    func create(_ spec: VirtualKeySpec) async throws -> (secret: String, key: VirtualKey)

    /// The key whose secret hashes to `secretHash`, if any.
    func key(secretHash: String) async throws -> VirtualKey?

    /// The key with this id, if any.
    func key(id: String) async throws -> VirtualKey?

    /// Every key.
    func list() async throws -> [VirtualKey]

    /// Removes a key; false when there was none.
    func revoke(id: String) async throws -> Bool

    /// Counts one request in the key's current minute and returns the count so far.
    func countRequest(keyID: String) async throws -> Int
}
