import Foundation
import Synchronization

/// Progress of operations that report none (Veo's): an estimate from the time since this process first saw the
/// operation, that never goes backwards and never reaches 100 before the operation is done.
///
/// The estimate halves the distance to 99 every ``halfLife``; Veo renders take one to a few minutes.
final class VeoProgressEstimator<C: Clock>: Sendable where C.Duration == Duration {
    /// Operations remembered at most; past this the memory starts over (the worker keeps the highest value it stored).
    static var capacity: Int { 65_536 }

    private struct Entry {
        var firstSeen: C.Instant
        var reported: Int
    }

    private let clock: C
    private let halfLife: Duration
    private let entries = Mutex<[String: Entry]>([:])

    init(clock: C, halfLife: Duration = .seconds(45)) {
        precondition(halfLife > .zero, "halfLife must be positive")
        self.clock = clock
        self.halfLife = halfLife
    }

    /// The progress to report for `operation` now, 0…99.
    func progress(of operation: String) -> Int {
        let now = clock.now
        return entries.withLock { entries in
            if entries[operation] == nil, entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            var entry = entries[operation] ?? Entry(firstSeen: now, reported: 0)
            let elapsed = max(entry.firstSeen.duration(to: now), .zero)
            let halvings = elapsed / halfLife
            let estimate = Int((99 * (1 - exp2(-halvings))).rounded(.down))
            entry.reported = min(99, max(entry.reported, estimate))
            entries[operation] = entry
            return entry.reported
        }
    }

    /// Forgets a finished operation.
    func finished(_ operation: String) {
        _ = entries.withLock { $0.removeValue(forKey: operation) }
    }
}
