/// A ``VirtualKeyStore`` in memory, for tests of the front without Redis.
public actor MemoryVirtualKeyStore: VirtualKeyStore {
    private var keys: [String: VirtualKey] = [:]
    private var requests: [String: (minute: Int64, count: Int)] = [:]

    private let wallClock: WallClock

    /// Creates an empty store; `wallClock` dates keys and their minutes of requests.
    public init(wallClock: WallClock = .system) { self.wallClock = wallClock }

    /// Stores a new key.
    public func create(_ spec: VirtualKeySpec) async throws -> (secret: String, key: VirtualKey) {
        let (secret, key) = try VirtualKey.make(spec, now: wallClock.seconds)
        keys[key.id] = key
        return (secret, key)
    }

    /// The key with this secret hash.
    public func key(secretHash: String) async throws -> VirtualKey? {
        keys.values.first { $0.secretHash == secretHash }
    }

    /// The key with this id.
    public func key(id: String) async throws -> VirtualKey? { keys[id] }

    /// Every key, oldest first.
    public func list() async throws -> [VirtualKey] { keys.values.sorted { $0.createdAt < $1.createdAt } }

    /// Removes a key.
    public func revoke(id: String) async throws -> Bool { keys.removeValue(forKey: id) != nil }

    /// Counts a request in the current minute.
    public func countRequest(keyID: String) async throws -> Int {
        let minute = wallClock.seconds / 60
        let count = requests[keyID].map { $0.minute == minute ? $0.count + 1 : 1 } ?? 1
        requests[keyID] = (minute, count)
        return count
    }
}
