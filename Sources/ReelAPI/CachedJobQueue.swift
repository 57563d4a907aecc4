public import Logging
import ReelAPICore
public import ReelQueue
public import ReelTime

/// A ``RedisJobQueue`` whose job reads are answered from memory while Redis's key tracking keeps the copies
/// coherent: the front answers status polls far more often than jobs change. Every other call goes to the queue;
/// the front's own changes to a job forget its copy, so its next read sees them at once.
///
/// Copies are served only while ``JobChangeFollower`` runs (one per cached queue, in the process's service group).
///
/// ```swift
/// let queue = CachedJobQueue(RedisJobQueue(client: redis, name: "videos"), capacity: 10_000)
/// let services: [any Service] = [redis, queue.follower(logger: logger), app]
/// ```
public struct CachedJobQueue: JobQueueDriver {
    /// The queue every call goes to.
    public let base: RedisJobQueue
    let cache: JobReadCache
    private let clock: IntervalClock

    /// Creates a read cache of at most `capacity` jobs over `base`.
    /// - Parameter clock: measures how long ago jobs were read (tracking stops when nobody reads).
    public init(_ base: RedisJobQueue, capacity: Int, clock: IntervalClock = .continuous) {
        self.base = base
        self.clock = clock
        self.cache = JobReadCache(jobKeyPrefix: base.jobKeyPrefix, capacity: capacity, queueName: base.name, clock: clock)
    }

    /// The service that keeps the copies coherent.
    /// - Parameters:
    ///   - logger: where failures to start tracking are logged.
    ///   - idleAfter: how long tracking runs on without a job read.
    public func follower(logger: Logger, idleAfter: Duration = .seconds(60)) -> JobChangeFollower {
        JobChangeFollower(cache: cache, client: base.redisClient, clock: clock, idleAfter: idleAfter, logger: logger)
    }

    public func job(id: String) async throws -> JobSnapshot? {
        switch cache.lookup(id) {
        case .hit(let snapshot):
            return snapshot
        case .miss(nil):
            return try await base.job(id: id)
        case .miss(let ticket?):
            var snapshot: JobSnapshot?
            defer { cache.keep(snapshot, id: id, ticket: ticket) }
            snapshot = try await base.job(id: id)
            return snapshot
        }
    }

    public func cancel(id: String) async throws -> CancelOutcome {
        defer { cache.forget(id) }
        return try await base.cancel(id: id)
    }

    public func signal(id: String) async throws -> Bool {
        defer { cache.forget(id) }
        return try await base.signal(id: id)
    }

    public func replaceFinishedRecord(id: String, record: String) async throws -> Bool {
        defer { cache.forget(id) }
        return try await base.replaceFinishedRecord(id: id, record: record)
    }

    public func replay(id: String) async throws -> Bool {
        defer { cache.forget(id) }
        return try await base.replay(id: id)
    }

    public func enqueue(_ job: NewJob) async throws -> EnqueueResult { try await base.enqueue(job) }

    public func claim(workerID: String, max: Int, lease: Duration, wait: Duration) async throws -> [ClaimedJob] {
        try await base.claim(workerID: workerID, max: max, lease: lease, wait: wait)
    }

    public func heartbeat(_ leases: [JobLease], extendBy: Duration) async throws -> [Result<HeartbeatResult, QueueError>] {
        try await base.heartbeat(leases, extendBy: extendBy)
    }

    public func complete(_ completions: [JobCompletion]) async throws -> [Result<Void, QueueError>] { try await base.complete(completions) }

    public func snooze(_ snoozes: [JobSnooze]) async throws -> [Result<Void, QueueError>] { try await base.snooze(snoozes) }

    public func fail(_ lease: JobLease, failure: JobFailure, record: String?, stepState: String?) async throws -> FailOutcome {
        try await base.fail(lease, failure: failure, record: record, stepState: stepState)
    }

    public func release(_ lease: JobLease) async throws { try await base.release(lease) }

    public func updateRecord(_ lease: JobLease, record: String) async throws { try await base.updateRecord(lease, record: record) }

    public func jobs(owner: String, after: String?, limit: Int, descending: Bool) async throws -> JobPage {
        try await base.jobs(owner: owner, after: after, limit: limit, descending: descending)
    }

    public func stats() async throws -> QueueStats { try await base.stats() }

    public func deadJobs(limit: Int) async throws -> [JobSnapshot] { try await base.deadJobs(limit: limit) }

    public func setPaused(_ paused: Bool) async throws { try await base.setPaused(paused) }

    public func setConcurrencyLimit(_ limit: Int?) async throws { try await base.setConcurrencyLimit(limit) }

    public func reap() async throws -> ReapReport { try await base.reap() }
}
