import Synchronization
package import ReelTime

/// Virtual keys read recently, by secret hash, so a busy key does not cost a Redis read per request.
///
/// Known keys and unknown secrets are kept apart: a flood of made-up secrets fills and clears only its own
/// bounded table, never evicting a key that works.
package final class KeyCache: Sendable {
    private struct Entry<Value> {
        var value: Value
        var until: Duration
    }
    private struct Tables {
        var known: [String: Entry<VirtualKey>] = [:]
        var unknown: [String: Entry<Void>] = [:]
    }
    private let ttl: Duration
    private let capacity: Int
    private let clock: IntervalClock
    private let tables = Mutex(Tables())

    /// - Parameters:
    ///   - ttl: how long an entry is used after it was stored.
    ///   - capacity: most entries of each table (known keys, unknown secrets).
    ///   - clock: the clock entries expire on.
    package init(ttl: Duration, capacity: Int = 10_000, clock: IntervalClock = .continuous) {
        self.ttl = ttl
        self.capacity = capacity
        self.clock = clock
    }

    /// The cached lookup (`.some(nil)` caches an unknown key), or nil when not cached or stale.
    package func lookup(_ hash: String) -> VirtualKey?? {
        let now = clock.elapsed
        return tables.withLock { tables in
            if let entry = tables.known[hash], entry.until > now { return .some(entry.value) }
            if let entry = tables.unknown[hash], entry.until > now { return .some(nil) }
            return nil
        }
    }

    package func store(_ key: VirtualKey?, for hash: String) {
        let until = clock.elapsed + ttl
        tables.withLock { tables in
            if let key {
                tables.unknown[hash] = nil
                Self.makeRoom(in: &tables.known, capacity: capacity, now: until - ttl)
                tables.known[hash] = Entry(value: key, until: until)
            } else {
                tables.known[hash] = nil
                Self.makeRoom(in: &tables.unknown, capacity: capacity, now: until - ttl)
                tables.unknown[hash] = Entry(value: (), until: until)
            }
        }
    }

    func removeAll() { tables.withLock { $0 = Tables() } }

    /// Drops stale entries when `table` is full, and everything when none was stale.
    private static func makeRoom<Value>(in table: inout [String: Entry<Value>], capacity: Int, now: Duration) {
        guard table.count >= capacity else { return }
        table = table.filter { $0.value.until > now }
        if table.count >= capacity { table.removeAll() }
    }
}
