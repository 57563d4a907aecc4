import InMemoryLogging
import Logging
import ReelAPICore
import ReelQueue
import ReelRedis
import ReelTesting
import ServiceLifecycle
import Testing

import ReelAPI
import ReelTime

/// The front's job read cache: its rules on their own, then a ``CachedJobQueue`` against a private redis-server
/// (whose command counts no other test touches) with a second client changing jobs as a worker does.
struct JobReadCacheTests {
    private static let prefix = "reel:{videos}:job:"

    private static func snapshot(_ id: String, _ state: JobState = .ready) -> JobSnapshot {
        JobSnapshot(id: id, type: "noop", state: state, payload: "{}")
    }

    /// Reads `id` through the cache and keeps `snapshot` as Redis's answer; whether the cache wanted it.
    @discardableResult
    private static func load(_ cache: JobReadCache, _ id: String, answer snapshot: JobSnapshot?) -> Bool {
        guard case .miss(let ticket?) = cache.lookup(id) else { return false }
        cache.keep(snapshot, id: id, ticket: ticket)
        return true
    }

    private static func isHit(_ lookup: JobReadCache.Lookup) -> Bool {
        if case .hit = lookup { true } else { false }
    }

    @Test func aReadThatAReportedChangeOvertookIsNotKept() {
        let cache = JobReadCache(jobKeyPrefix: Self.prefix, capacity: 10, queueName: "videos", clock: IntervalClock(ManualClock()))
        cache.apply(.tracking)
        guard case .miss(let ticket?) = cache.lookup("a") else { Issue.record("no ticket"); return }
        // The read was in flight when Redis reported a change of the job: its answer may predate the change.
        cache.apply(.changed([Self.prefix + "a"]))
        cache.keep(Self.snapshot("a"), id: "a", ticket: ticket)
        #expect(!Self.isHit(cache.lookup("a")))
    }

    @Test func keptReadsAreServedUntilTheirJobChanges() {
        let cache = JobReadCache(jobKeyPrefix: Self.prefix, capacity: 10, queueName: "videos", clock: IntervalClock(ManualClock()))
        cache.apply(.tracking)
        #expect(Self.load(cache, "a", answer: Self.snapshot("a")))
        #expect(Self.load(cache, "b", answer: Self.snapshot("b")))
        guard case .hit(let a) = cache.lookup("a") else { Issue.record("a not kept"); return }
        #expect(a.id == "a")

        cache.apply(.changed([Self.prefix + "a", "reel:{other}:job:b"]))
        #expect(!Self.isHit(cache.lookup("a")))
        #expect(Self.isHit(cache.lookup("b")), "a job of another queue changed, not b")
        cache.forget("b")
        #expect(!Self.isHit(cache.lookup("b")))
    }

    @Test func nothingIsServedOrKeptWithoutTracking() {
        let cache = JobReadCache(jobKeyPrefix: Self.prefix, capacity: 10, queueName: "videos", clock: IntervalClock(ManualClock()))
        #expect(!Self.load(cache, "a", answer: Self.snapshot("a")), "not tracking yet")
        cache.apply(.tracking)
        #expect(Self.load(cache, "a", answer: Self.snapshot("a")))
        cache.apply(.interrupted)
        #expect(!Self.isHit(cache.lookup("a")))
        #expect(!Self.load(cache, "a", answer: Self.snapshot("a")), "interrupted")
        cache.apply(.tracking)
        #expect(Self.load(cache, "a", answer: Self.snapshot("a")))
        cache.apply(.flushed)
        #expect(!Self.isHit(cache.lookup("a")))
    }

    @Test func aReadThatFoundNothingOrFailedFreesItsPlace() {
        let cache = JobReadCache(jobKeyPrefix: Self.prefix, capacity: 10, queueName: "videos", clock: IntervalClock(ManualClock()))
        cache.apply(.tracking)
        #expect(Self.load(cache, "a", answer: nil))
        #expect(Self.load(cache, "a", answer: Self.snapshot("a")), "the next read may keep its answer")
        #expect(Self.isHit(cache.lookup("a")))
    }

    @Test func theCacheHoldsNoMoreThanItsCapacity() {
        let cache = JobReadCache(jobKeyPrefix: Self.prefix, capacity: 3, queueName: "videos", clock: IntervalClock(ManualClock()))
        cache.apply(.tracking)
        let ids = (0..<10).map { "job-\($0)" }
        for id in ids { Self.load(cache, id, answer: Self.snapshot(id)) }
        #expect(Self.isHit(cache.lookup("job-9")), "the last read is kept")
        // (A lookup that misses takes a place too, so count the hits without reading the others first.)
        #expect(ids.filter { Self.isHit(cache.lookup($0)) }.count <= 3)
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
    func readsComeFromMemoryAndFollowEveryChange() async throws {
        let (server, front, follower) = try await Self.startFront()
        defer {
            follower.cancel()
            front.base.redisClient.close()
            withExtendedLifetime(server) {}
        }
        let workerClient = try RedisClient(url: server.url)
        defer { workerClient.close() }
        let worker = RedisJobQueue(client: workerClient, name: "videos")

        _ = try await worker.enqueue(NewJob(id: "a", type: "noop", payload: "{}"))
        try await Self.waitUntilCached("a", front: front, redis: workerClient)
        let reads = try await Self.readCount(workerClient)
        for _ in 0..<100 { #expect(try await front.job(id: "a")?.state == .ready) }
        #expect(try await Self.readCount(workerClient) == reads, "100 reads answered from memory")

        // A worker's change reaches the front's reads within moments.
        let claimed = try await worker.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .seconds(1))
        #expect(claimed.map(\.job.id) == ["a"])
        try await Self.waitFor { try await front.job(id: "a")?.state == .active }
        try await Self.waitUntilCached("a", front: front, redis: workerClient)

        // The front's own change is seen by its very next read.
        #expect(try await front.cancel(id: "a") == .requested)
        #expect(try await front.job(id: "a")?.cancelRequested == true)
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
    func nothingStaleIsServedAfterRedisRestartsEmpty() async throws {
        let (server, front, follower) = try await Self.startFront()
        let client = front.base.redisClient
        defer {
            follower.cancel()
            client.close()
        }

        _ = try await front.enqueue(NewJob(id: "a", type: "noop", payload: "{}"))
        try await Self.waitUntilCached("a", front: front, redis: client)
        try await server.kill()
        try await server.start()  // without persistence: the job is gone
        // A read that fails while Redis comes up is asked again; the first one answered is the one checked.
        let answer = try await eventually { () -> JobSnapshot?? in
            do { return .some(try await front.job(id: "a")) } catch { return nil }
        }
        #expect(answer == .some(nil), "the first answer after the restart is Redis's, not the copy from before")
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
    func theCacheStartsOnceRedisComesUp() async throws {
        let clock = ManualClock()
        let logs = InMemoryLogHandler()
        let (server, front, follower) = try await Self.startFront(clock: IntervalClock(clock), logger: Logger(label: "test") { _ in logs })
        let client = front.base.redisClient
        defer {
            follower.cancel()
            client.close()
        }
        try await server.stop()
        // A read while Redis is down fails, and so does the tracking it starts; tracking waits to be tried again.
        await #expect(throws: QueueError.self) { _ = try await front.job(id: "a") }
        try await Self.waitFor {
            logs.entries.contains { $0.message == "Job read cache off: Redis key tracking failed" } && clock.sleeperCount == 1
        }

        try await server.start()
        _ = try await front.enqueue(NewJob(id: "a", type: "noop", payload: "{}"))
        clock.advance(by: .seconds(1))
        try await Self.waitUntilCached("a", front: front, redis: client)
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
    func trackingRunsOnlyWhileJobsAreRead() async throws {
        let clock = ManualClock()
        let (server, front, follower) = try await Self.startFront(idleAfter: .milliseconds(300), clock: IntervalClock(clock))
        let client = front.base.redisClient
        defer {
            follower.cancel()
            client.close()
            withExtendedLifetime(server) {}
        }
        let trackers = { try await client.send(["PUBSUB", "NUMSUB", "__redis__:invalidate"]).array?.last?.int }

        // The follower waits for a read, not for time: without one nothing starts tracking.
        _ = try await front.enqueue(NewJob(id: "a", type: "noop", payload: "{}"))
        #expect(try await trackers() == 0, "no read yet: Redis reports nothing to this front")
        try await Self.waitUntilCached("a", front: front, redis: client)
        #expect(try await trackers() == 1)
        // No read for longer than `idleAfter`: tracking stops.
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(301))
        try await Self.waitFor { try await trackers() == 0 }
        // Idle, the copies are gone with the tracking: the next read goes to Redis and starts it again.
        let reads = try await Self.readCount(client)
        _ = try await front.job(id: "a")
        #expect(try await Self.readCount(client) == reads + 1)
        try await Self.waitUntilCached("a", front: front, redis: client)
    }

    /// A private redis-server and a front's cached queue on it, and the task following its changes (the caller
    /// cancels it and closes the queue's client).
    private static func startFront(
        idleAfter: Duration = .seconds(60), clock: IntervalClock = .continuous, logger: Logger = Logger(label: "test")
    ) async throws -> (server: RedisTestServer, front: CachedJobQueue, follower: Task<Void, any Error>) {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        let front = CachedJobQueue(RedisJobQueue(client: client, name: "videos"), capacity: 100, clock: clock)
        let follower = Task { try await front.follower(logger: logger, idleAfter: idleAfter).run() }
        return (server, front, follower)
    }

    /// `HGETALL`s Redis has run so far (job reads that missed the cache).
    private static func readCount(_ client: RedisClient) async throws -> Int {
        let info = try await client.send(["INFO", "commandstats"]).string ?? ""
        guard let line = info.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_hgetall:") }),
            let calls = line.split(separator: ",").first?.split(separator: "=").last
        else { return 0 }
        return Int(calls) ?? 0
    }

    /// Reads `id` until a read costs Redis nothing (tracking on, the answer kept).
    private static func waitUntilCached(_ id: String, front: CachedJobQueue, redis: RedisClient) async throws {
        try await waitFor {
            _ = try await front.job(id: id)
            let reads = try await readCount(redis)
            _ = try await front.job(id: id)
            return try await readCount(redis) == reads
        }
    }

    private static func waitFor(_ condition: () async throws -> Bool) async throws {
        try #require(try await eventually(condition), "not within \(Duration.testWaitLimit)")
    }
}
