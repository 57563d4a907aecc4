public import ReelRedis
import Synchronization
import ReelTime

/// The production ``JobQueueDriver``: one Redis functions library (Redis ≥ 7.0), all keys of a queue under
/// the hash tag `reel:{name}:` so a queue lives in one cluster slot.
///
/// Every state change is one `FCALL`; all times come from the Redis clock. Claimers wait on the queue's marker
/// with `BZPOPMIN` on a dedicated connection, never in a polling loop. The library is loaded on first use (or
/// by ``bootstrap()``) when Redis holds no library or an older version.
///
/// ```swift
/// let client = try RedisClient(url: "redis://127.0.0.1:6379")
/// let queue: some JobQueueDriver = .redis(client, name: "videos")
/// _ = try await queue.enqueue(NewJob(id: "j1", type: "generate", payload: "{}"))
/// ```
public final class RedisJobQueue: JobQueueDriver {
    /// The queue's name (the hash tag of its keys).
    public let name: String
    /// Retention and event-stream cap.
    public let options: JobQueueOptions
    /// The Redis client the queue uses.
    public let redisClient: RedisClient
    package let keyPrefix: String
    /// The prefix of every job hash's key; a job's key is this and its id (for the front's read cache, which
    /// follows changes of these keys).
    public var jobKeyPrefix: String { keyPrefix + "job:" }
    private let header: [String]
    private let libraryLoaded = Atomic(false)

    /// A BZPOPMIN timeout may fire up to one server tick (1/hz, 100 ms by default) late; the claimer wakes this much
    /// before a due time and sleeps the rest, so delayed jobs run on time.
    private static let serverTick: Duration = .milliseconds(150)

    /// Whether `name` can name a queue: not empty, only letters, digits, `-`, `_` and `.` (it is the hash tag of the
    /// queue's keys and a metric label).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) }
    }

    /// The prefix of every key of the queue `name`: its name as the hash tag.
    static func keyPrefix(ofQueue name: String) -> String {
        "reel:{\(name)}:"
    }

    /// Creates a queue on `client`.
    /// - Parameters:
    ///   - client: The Redis client.
    ///   - name: The queue's name; keys are `reel:{name}:…`. Letters, digits, `-`, `_` and `.`.
    ///   - options: Retention and event-stream cap.
    public init(client: RedisClient, name: String, options: JobQueueOptions = .init()) {
        precondition(Self.isValidName(name), "invalid queue name")
        self.redisClient = client
        self.name = name
        self.options = options
        self.keyPrefix = Self.keyPrefix(ofQueue: name)
        self.header = [String(options.retention.milliseconds), String(options.eventsMaxLength)]
    }

    /// Loads the functions library unless Redis already holds this version or a newer one, and records the queue's
    /// retention (``recordedRetention(client:name:)``).
    public func bootstrap() async throws {
        do {
            try await redisClient.loadFunctions(Self.library, version: Self.libraryVersion, versionFunction: QueueFunction.version.name, keys: [keyPrefix])
        } catch {
            throw QueueError(.redisFailed, message: "cannot load the queue's functions library", underlying: error)
        }
        do {
            try await recordRetention()
        } catch {
            throw QueueError(.redisFailed, message: "cannot record the queue's retention", underlying: error)
        }
        libraryLoaded.store(true, ordering: .releasing)
    }

    /// Calls one of the library's functions with the queue's prefix and options; maps its errors.
    /// - Parameter acknowledged: Whether the call is a write a client is answered for, which waits for
    ///   ``JobQueueOptions/replicaAcks`` replicas.
    package func call(_ function: QueueFunction, _ arguments: [String], acknowledged: Bool = false) async throws -> RESPValue {
        let arguments = header + arguments
        do {
            try function.signature.check(arguments)
        } catch {
            throw QueueError(.invalidArgument, message: error.message)
        }
        if !libraryLoaded.load(ordering: .acquiring) { try await bootstrap() }
        do {
            return try await redisClient.reloadingFunctions({ try await bootstrap() }) {
                guard acknowledged, options.replicaAcks > 0 else {
                    return try await redisClient.fcall(function.name, keys: [keyPrefix], arguments: arguments)
                }
                let (reply, replicas) = try await redisClient.send(
                    ["FCALL", function.name, "1", keyPrefix] + arguments,
                    awaitingReplicas: options.replicaAcks,
                    timeout: options.replicaAckTimeout
                )
                guard replicas >= options.replicaAcks else {
                    throw QueueError(
                        .notReplicated,
                        message: "\(function.name) is done on the Redis primary, but only \(replicas) of \(options.replicaAcks) replicas acknowledged it within \(options.replicaAckTimeout)"
                    )
                }
                return reply
            }
        } catch let error as RedisError where error.code == .replyError {
            let queueError = Self.queueError(fromReply: error.message ?? "")
            if queueError.code == .staleLease { QueueMetrics.count(QueueMetrics.staleLease, queue: name) }
            throw queueError
        } catch let error as CancellationError {
            throw error
        } catch let error as QueueError {
            throw error
        } catch {
            throw QueueError(.redisFailed, underlying: error)
        }
    }

    static func queueError(fromReply message: String) -> QueueError {
        let word = message.prefix { $0 != " " }
        let rest = String(message.dropFirst(word.count + 1))
        switch word {
        case "STALE": return QueueError(.staleLease, message: rest)
        case "NOJOB": return QueueError(.jobNotFound, message: rest)
        case "EXISTS": return QueueError(.duplicateJobID, message: rest)
        case "BADARG": return QueueError(.invalidArgument, message: rest)
        default: return QueueError(.redisFailed, message: message)
        }
    }

    /// An optional argument as the functions take it: a present flag, then the value.
    private static func optional(_ value: String?) -> [String] {
        value.map { ["1", $0] } ?? ["0", ""]
    }

    // MARK: enqueue and claim

    public func enqueue(_ job: NewJob) async throws -> EnqueueResult {
        let result = try Self.enqueueResult(try await call(.enqueue, Self.enqueueArguments(job), acknowledged: true))
        if case .enqueued = result { QueueMetrics.count(QueueMetrics.enqueued, queue: name) }
        return result
    }

    /// Enqueues many jobs in one round trip (one `FCALL` each, pipelined); results in order.
    public func enqueue(_ jobs: [NewJob]) async throws -> [EnqueueResult] {
        if !libraryLoaded.load(ordering: .acquiring) { try await bootstrap() }
        let commands = jobs.map { ["FCALL", QueueFunction.enqueue.name, "1", keyPrefix] + header + Self.enqueueArguments($0) }
        let replies: [RESPValue]
        do {
            replies = try await redisClient.pipeline(commands)
        } catch {
            throw QueueError(.redisFailed, underlying: error)
        }
        let results = try replies.map { reply in
            if let message = reply.errorMessage { throw Self.queueError(fromReply: message) }
            return try Self.enqueueResult(reply)
        }
        QueueMetrics.count(QueueMetrics.enqueued, results.count { if case .enqueued = $0 { true } else { false } }, queue: name)
        return results
    }

    private static func enqueueArguments(_ job: NewJob) -> [String] {
        let limits = job.limits
        return [job.id, job.type, job.payload] + optional(job.record) + [
            job.owner ?? "", String(job.priority), String(job.delay.milliseconds), job.idempotencyKey ?? "",
            job.idempotencyFingerprint ?? "", String(limits.maxAttempts), String(limits.maxPolls), String(limits.maxStalls),
            limits.deadline.map { String($0.milliseconds) } ?? "", String(limits.baseBackoff.milliseconds),
            String(limits.maxBackoff.milliseconds), job.groupCap?.group ?? "", String(job.groupCap?.limit ?? 0),
        ]
    }

    private static func enqueueResult(_ reply: RESPValue) throws -> EnqueueResult {
        guard let parts = reply.array, parts.count == 2, let outcome = parts[0].string, let id = parts[1].string else {
            throw QueueError(.decodeFailed, message: "enqueue answered \(reply)")
        }
        switch outcome {
        case "enqueued": return .enqueued(id: id)
        case "duplicate": return .duplicate(id: id)
        case "conflict": return .conflict(id: id)
        case "full": return .groupFull(group: id)
        default: throw QueueError(.decodeFailed, message: "enqueue answered \(reply)")
        }
    }

    public func claim(workerID: String, max: Int, lease: Duration, wait: Duration) async throws -> [ClaimedJob] {
        guard max >= 1, lease >= .milliseconds(1) else {
            throw QueueError(.invalidArgument, message: "max must be ≥ 1 and lease ≥ 1 ms")
        }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        while true {
            try Task.checkCancellation()
            // Unstructured, so that a cancel arriving meanwhile cannot drop a reply that holds leases: the jobs it
            // claimed are returned (a worker that is stopping hands them back), not left leased until they expire.
            let round = try await Task { try await claimReady(workerID: workerID, max: max, lease: lease) }.value
            if !round.jobs.isEmpty { return round.jobs }
            var timeout = deadline - clock.now
            if timeout <= .zero { return [] }
            if let nextDue = round.nextDue { timeout = min(timeout, .milliseconds(Swift.max(0, nextDue - round.now))) }
            if timeout > Self.serverTick + .milliseconds(50) {
                try await waitForMarker(upTo: timeout - Self.serverTick)
            } else {
                try await Task.sleep(for: timeout)
            }
        }
    }

    /// One run of the claim function: the jobs it claimed, Redis's time, and when the next scheduled job or lease is due.
    private func claimReady(workerID: String, max: Int, lease: Duration) async throws -> (jobs: [ClaimedJob], now: Int64, nextDue: Int64?) {
        let reply = try await call(.claim, [workerID, String(max), String(lease.milliseconds)])
        guard let parts = reply.array, parts.count >= 2, let now = parts[0].int, let nextDue = parts[1].int else {
            throw QueueError(.decodeFailed, message: "claim answered \(reply)")
        }
        var jobs: [ClaimedJob] = []
        if parts.count > 2 {
            jobs = try await readClaimed(Array(parts.dropFirst(2)), workerID: workerID, claimedAtMs: Int64(now))
            QueueMetrics.count(QueueMetrics.claimed, jobs.count, queue: name)
        }
        return (jobs, Int64(now), nextDue >= 0 ? Int64(nextDue) : nil)
    }

    /// Reads the hashes of jobs just claimed (`[id, fence, id, fence, …]`) in one pipelined round trip.
    private func readClaimed(_ pairs: [RESPValue], workerID: String, claimedAtMs: Int64) async throws -> [ClaimedJob] {
        let leases = try stride(from: 0, to: pairs.count - 1, by: 2).map { index in
            guard let id = pairs[index].string, let fence = pairs[index + 1].int else {
                throw QueueError(.decodeFailed, message: "claim answered \(pairs)")
            }
            return JobLease(jobID: id, fence: Int64(fence), workerID: workerID)
        }
        let replies: [RESPValue]
        do {
            replies = try await redisClient.pipeline(leases.map { ["HGETALL", keyPrefix + "job:" + $0.jobID] })
        } catch {
            // The leases expire and the jobs go back to ready, counting a stall.
            throw QueueError(.redisFailed, message: "claimed jobs could not be read", underlying: error)
        }
        return try zip(leases, replies).map { lease, reply in ClaimedJob(job: try Self.snapshot(reply), lease: lease, claimedAtMs: claimedAtMs) }
    }

    /// Blocks on the marker until something changes (or the timeout passes).
    private func waitForMarker(upTo timeout: Duration) async throws {
        let seconds = String(Double(timeout.milliseconds) / 1000)
        do {
            _ = try await redisClient.withDedicatedConnection { connection in
                try await connection.send(["BZPOPMIN", keyPrefix + "marker", seconds])
            }
        } catch let error as CancellationError {
            throw error
        } catch {
            throw QueueError(.redisFailed, underlying: error)
        }
    }

    // MARK: lease holders

    public func heartbeat(_ leases: [JobLease], extendBy: Duration) async throws -> [Result<HeartbeatResult, QueueError>] {
        guard !leases.isEmpty else { return [] }
        // 1: extended and a cancel was requested, 0: extended.
        return try await perLeaseCall(
            .heartbeats,
            [String(extendBy.milliseconds)] + leases.flatMap { [$0.jobID, String($0.fence)] },
            leases: leases
        ) { status in status == 0 || status == 1 ? HeartbeatResult(cancelRequested: status == 1) : nil }
    }

    public func complete(_ completions: [JobCompletion]) async throws -> [Result<Void, QueueError>] {
        guard !completions.isEmpty else { return [] }
        return try await perLeaseCall(
            .complete,
            completions.flatMap { [$0.lease.jobID, String($0.lease.fence)] + Self.optional($0.record) },
            leases: completions.map(\.lease),
            countingAs: QueueMetrics.completed
        ) { status in status == 1 ? () : nil }
    }

    /// One call for many leases that answers a status per lease: `success` reads the statuses that mean done;
    /// of the others, -1 is an unknown job and anything else a stale lease. The ones done are counted under `metric`.
    private func perLeaseCall<Success>(
        _ function: QueueFunction,
        _ arguments: [String],
        leases: [JobLease],
        countingAs metric: String? = nil,
        success: (Int?) -> Success?
    ) async throws -> [Result<Success, QueueError>] {
        let reply = try await call(function, arguments)
        guard let statuses = reply.array, statuses.count == leases.count else {
            throw QueueError(.decodeFailed, message: "\(function) answered \(reply)")
        }
        let results = zip(leases, statuses).map { lease, status -> Result<Success, QueueError> in
            success(status.int).map { .success($0) } ?? .failure(leaseRefused(lease, status: status.int))
        }
        if let metric { QueueMetrics.count(metric, results.count { if case .success = $0 { true } else { false } }, queue: name) }
        return results
    }

    /// The error of a lease a batched call refused: -1 for an unknown job, anything else a stale lease (counted).
    private func leaseRefused(_ lease: JobLease, status: Int?) -> QueueError {
        if status == -1 { return QueueError(.jobNotFound, message: "job \(lease.jobID) not found") }
        QueueMetrics.count(QueueMetrics.staleLease, queue: name)
        return QueueError(.staleLease, message: "lease \(lease.fence) of job \(lease.jobID) is stale")
    }

    public func snooze(_ snoozes: [JobSnooze]) async throws -> [Result<Void, QueueError>] {
        guard !snoozes.isEmpty else { return [] }
        return try await perLeaseCall(
            .snoozes,
            snoozes.flatMap { [$0.lease.jobID, String($0.lease.fence), String($0.delay.milliseconds), $0.stepState] + Self.optional($0.record) },
            leases: snoozes.map(\.lease),
            countingAs: QueueMetrics.snoozed
        ) { status in status == 1 ? () : nil }
    }

    public func fail(_ lease: JobLease, failure: JobFailure, record: String?, stepState: String?) async throws -> FailOutcome {
        let reply = try await call(
            .fail,
            [
                lease.jobID, String(lease.fence), failure.code, failure.message, failure.retryable ? "1" : "0",
                String(failure.retryAfter?.milliseconds ?? 0), String(Double.random(in: 0..<1)),
            ] + Self.optional(record) + Self.optional(stepState)
        )
        guard let parts = reply.array, let outcome = parts.first?.string else {
            throw QueueError(.decodeFailed, message: "fail answered \(reply)")
        }
        if outcome == "retry", parts.count == 2, let atMs = parts[1].int {
            QueueMetrics.count(QueueMetrics.failed, queue: name, outcome: "retry")
            return .retryScheduled(atMs: Int64(atMs))
        }
        QueueMetrics.count(QueueMetrics.failed, queue: name, outcome: "dead")
        return .deadLettered
    }

    public func release(_ lease: JobLease) async throws {
        _ = try await call(.release, [lease.jobID, String(lease.fence)])
    }

    public func updateRecord(_ lease: JobLease, record: String) async throws {
        _ = try await call(.updateRecord, [lease.jobID, String(lease.fence), record])
    }

    // MARK: by id

    public func cancel(id: String) async throws -> CancelOutcome {
        switch try await call(.cancel, [id]).string {
        case "cancelled": .cancelled
        case "requested": .requested
        case "finished": .alreadyFinished
        default: .notFound
        }
    }

    public func signal(id: String) async throws -> Bool {
        try await call(.signal, [id]).int == 1
    }

    public func replaceFinishedRecord(id: String, record: String) async throws -> Bool {
        try await call(.replaceFinishedRecord, [id, record], acknowledged: true).int == 1
    }

    public func job(id: String) async throws -> JobSnapshot? {
        // A plain HGETALL, as the claim reads job hashes: status reads are the busiest call, and a function call
        // costs Redis more than the read itself. A job that ended done or cancelled is a packed string, which HGETALL
        // refuses (WRONGTYPE): an MGET in the same round trip reads it (and answers nil, not an error, for a hash).
        let key = keyPrefix + "job:" + id
        let replies: [RESPValue]
        do {
            replies = try await redisClient.pipeline([["HGETALL", key], ["MGET", key]])
        } catch let error as CancellationError {
            throw error
        } catch {
            throw QueueError(.redisFailed, underlying: error)
        }
        if let packed = replies[1].array?.first?.string { return try PackedJob.snapshot(id: id, packed: packed) }
        if let message = replies[0].errorMessage { throw QueueError(.redisFailed, message: message) }
        if replies[0].array?.isEmpty ?? true { return nil }
        return try Self.snapshot(replies[0])
    }

    public func jobs(owner: String, after: String?, limit: Int, descending: Bool) async throws -> JobPage {
        guard limit >= 1 else { throw QueueError(.invalidArgument, message: "limit must be ≥ 1") }
        let reply = try await call(.ownerPage, [owner, after ?? "", String(limit), descending ? "1" : "0"])
        guard let parts = reply.array, let hasMore = parts.first?.int else {
            throw QueueError(.decodeFailed, message: "owner page answered \(reply)")
        }
        return JobPage(jobs: try parts.dropFirst().map(Self.snapshot), hasMore: hasMore == 1)
    }

    // MARK: operators

    public func stats() async throws -> QueueStats {
        let reply = try await call(.stats, [])
        guard let values = reply.array?.compactMap(\.int), values.count == 8 else {
            throw QueueError(.decodeFailed, message: "stats answered \(reply)")
        }
        let states: [JobState] = [.ready, .scheduled, .active, .done, .dead, .cancelled]
        return QueueStats(
            counts: Dictionary(uniqueKeysWithValues: zip(states, values)),
            paused: values[6] == 1,
            concurrencyLimit: values[7] > 0 ? values[7] : nil
        )
    }

    public func deadJobs(limit: Int) async throws -> [JobSnapshot] {
        guard limit >= 1 else { throw QueueError(.invalidArgument, message: "limit must be ≥ 1") }
        return try (try await call(.deadList, [String(limit)]).array ?? []).map(Self.snapshot)
    }

    public func replay(id: String) async throws -> Bool {
        try await call(.replay, [id]).int == 1
    }

    public func setPaused(_ paused: Bool) async throws {
        _ = try await call(.setPaused, [paused ? "1" : "0"])
    }

    public func setConcurrencyLimit(_ limit: Int?) async throws {
        _ = try await call(.setCap, [String(Swift.max(0, limit ?? 0))])
    }

    public func reap() async throws -> ReapReport {
        let reply = try await call(.reap, [])
        guard let values = reply.array?.compactMap(\.int), values.count == 3 else {
            throw QueueError(.decodeFailed, message: "reap answered \(reply)")
        }
        return ReapReport(reaped: values[0], promoted: values[1], trimmed: values[2])
    }
}

extension JobQueueDriver where Self == RedisJobQueue {
    /// The Redis queue `name` on `client`.
    public static func redis(_ client: RedisClient, name: String, options: JobQueueOptions = .init()) -> RedisJobQueue {
        RedisJobQueue(client: client, name: name, options: options)
    }
}
