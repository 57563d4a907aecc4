import ReelAPICore
import ReelTesting
import ReelTime
import Synchronization
import Testing

import ReelAPI

/// A reading (deployment health, queue depth) is reused while younger than its TTL, and read again after.
struct CachedReadingTests {
    @Test func aReadingIsReusedUntilItIsOlderThanItsTTL() async throws {
        let clock = ManualClock()
        let reads = Atomic<Int>(0)
        let cache = CachedReading(ttl: .milliseconds(500), clock: IntervalClock(clock)) {
            reads.add(1, ordering: .relaxed).newValue
        }
        #expect(try await cache.value() == 1)
        clock.advance(by: .milliseconds(499))
        #expect(try await cache.value() == 1, "younger than the TTL: reused")
        clock.advance(by: .milliseconds(1))
        #expect(try await cache.value() == 2, "as old as the TTL: read again")
        #expect(reads.load(ordering: .relaxed) == 2)
    }

    @Test func aFailedReadIsNotKept() async throws {
        struct ReadFailed: Error {}
        let clock = ManualClock()
        let fail = Atomic<Bool>(true)
        let cache = CachedReading(ttl: .seconds(1), clock: IntervalClock(clock)) {
            if fail.load(ordering: .relaxed) { throw ReadFailed() }
            return 7
        }
        await #expect(throws: ReadFailed.self) { try await cache.value() }
        fail.store(false, ordering: .relaxed)
        #expect(try await cache.value() == 7, "the next request reads again")
    }
}
