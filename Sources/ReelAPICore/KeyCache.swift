import Synchronization

/// Virtual keys read recently, by secret hash, so a busy key does not cost a Redis read per request.
final class KeyCache: Sendable {
    private struct Entry {
        var key: VirtualKey?
        var until: Duration
    }
    private let ttl: Duration
    private let clock: IntervalClock
    private let entries = Mutex<[String: Entry]>([:])

    init(ttl: Duration, clock: IntervalClock) {
        self.ttl = ttl
        self.clock = clock
    }

    /// The cached lookup (`.some(nil)` caches an unknown key), or nil when not cached or stale.
    func lookup(_ hash: String) -> VirtualKey?? {
        let now = clock.elapsed
        return entries.withLock { entries in
            guard let entry = entries[hash], entry.until > now else { return nil }
            return .some(entry.key)
        }
    }

    func store(_ key: VirtualKey?, for hash: String) {
        let until = clock.elapsed + ttl
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[hash] = Entry(key: key, until: until)
        }
    }

    func removeAll() { entries.withLock { $0.removeAll() } }
}
