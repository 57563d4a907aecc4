import Foundation
import ReelTime

/// An in-memory ``JobQueueDriver`` with the semantics of ``RedisJobQueue``: fences, snooze,
/// fail with backoff, cancel, owner paging, idempotency, pause, concurrency cap, retention.
///
/// For unit tests of code that uses the queue; one process only. Its time comes from an injected clock (as Redis's
/// `TIME` is the Redis queue's), so a test that drives a manual clock decides when delays, backoffs and leases end.
///
/// ```swift
/// let queue: some JobQueueDriver = .memory()
/// let clock = ManualClock()
/// let timed = MemoryJobQueue(clock: clock)   // due times move only with clock.advance(by:)
/// ```
public actor MemoryJobQueue: JobQueueDriver {
    private struct Entry {
        var job: JobSnapshot
        var seq: Int64
        var fence: Int64 = 0
        var leaseUntil: Int64 = 0
        var runAt: Int64 = 0
        var deadlineAt: Int64?
        var finishedAt: Int64 = 0
        var capGroup: String?
    }

    private let options: JobQueueOptions
    private var entries: [String: Entry] = [:]
    private var idempotency: [String: (id: String, fingerprint: String, expiresAt: Int64)] = [:]
    private var sequence: Int64 = 0
    private var paused = false
    private var concurrencyLimit: Int?
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]
    /// The timer of each wait in `waiters`, cancelled when a change ends the wait first.
    private var waitTimers: [UUID: Task<Void, Never>] = [:]
    /// The queue's clock: time since the queue was made, and sleeps.
    private let clock: IntervalClock
    /// The epoch time, in milliseconds, at which the queue was made.
    private let epochMsAtStart: Int64

    /// Creates an empty queue.
    /// - Parameters:
    ///   - options: Retention and stream length.
    ///   - clock: The queue's time: due times, leases and waits follow it.
    ///   - epochMs: The epoch time, in milliseconds, that the clock's present stands for (timestamps of jobs); the
    ///     system's time by default.
    public init<C: Clock<Duration>>(
        options: JobQueueOptions = .init(),
        clock: C = ContinuousClock(),
        epochMs: Int64? = nil
    ) {
        self.options = options
        self.clock = IntervalClock(clock)
        self.epochMsAtStart = epochMs ?? Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    private func nowMs() -> Int64 { epochMsAtStart + clock.elapsed.milliseconds }

    // MARK: waiting without polling

    private func wake() {
        let all = waiters
        waiters.removeAll()
        for timer in waitTimers.values { timer.cancel() }
        waitTimers.removeAll()
        for continuation in all.values { continuation.resume() }
    }

    private func resumeWaiter(_ id: UUID) {
        waitTimers.removeValue(forKey: id)?.cancel()
        waiters.removeValue(forKey: id)?.resume()
    }

    /// Returns on a change, after `timeout`, or when the task is cancelled.
    private func waitForChange(atMost timeout: Duration) async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters[id] = continuation
                // Timer of this one wait: resumes the waiter unless a change resumed it first.
                waitTimers[id] = Task {
                    try? await self.clock.sleep(for: timeout)
                    self.resumeWaiter(id)
                }
            }
        } onCancel: {
            // Runs on the actor after the waiter is stored: the actor is busy storing it until the wait suspends.
            Task { await self.resumeWaiter(id) }
        }
    }

    // MARK: the protocol

    public func enqueue(_ new: NewJob) async throws -> EnqueueResult {
        guard (-1000...1000).contains(new.priority) else {
            throw QueueError(.invalidArgument, message: "priority must be between -1000 and 1000")
        }
        let now = nowMs()
        let fingerprint = new.idempotencyFingerprint ?? ""
        if let key = new.idempotencyKey, let first = idempotency[key], first.expiresAt > now {
            return first.fingerprint == fingerprint ? .duplicate(id: first.id) : .conflict(id: first.id)
        }
        guard entries[new.id] == nil else { throw QueueError(.duplicateJobID, message: "job \(new.id) already exists") }
        if let cap = new.groupCap {
            let unfinished = entries.values.count { $0.capGroup == cap.group && ![.done, .dead, .cancelled].contains($0.job.state) }
            if unfinished >= cap.limit { return .groupFull(group: cap.group) }
        }
        if let key = new.idempotencyKey { idempotency[key] = (new.id, fingerprint, now + options.retention.milliseconds) }
        sequence += 1
        var entry = Entry(
            job: JobSnapshot(
                id: new.id, type: new.type, state: .ready, payload: new.payload, record: new.record, owner: new.owner,
                priority: new.priority, limits: new.limits, createdAtMs: now, updatedAtMs: now
            ),
            seq: sequence,
            deadlineAt: new.limits.deadline.map { now + $0.milliseconds },
            capGroup: new.groupCap?.group
        )
        if new.delay > .zero {
            entry.job.state = .scheduled
            entry.runAt = now + new.delay.milliseconds
        }
        entries[new.id] = entry
        wake()
        return .enqueued(id: new.id)
    }

    public func claim(workerID: String, max: Int, lease: Duration, wait: Duration) async throws -> [ClaimedJob] {
        guard max >= 1, lease > .zero else { throw QueueError(.invalidArgument, message: "max must be ≥ 1 and lease > 0") }
        let deadline = clock.elapsed + wait
        while true {
            try Task.checkCancellation()
            let (claimed, nextDue) = claimNow(workerID: workerID, max: max, leaseMs: lease.milliseconds)
            if !claimed.isEmpty { return claimed }
            var timeout = deadline - clock.elapsed
            if timeout <= .zero { return [] }
            if let nextDue { timeout = min(timeout, .milliseconds(Swift.max(0, nextDue - nowMs()))) }
            await waitForChange(atMost: timeout)
        }
    }

    private func claimNow(workerID: String, max: Int, leaseMs: Int64) -> ([ClaimedJob], nextDue: Int64?) {
        let now = nowMs()
        _ = reapNow(now)
        var n = max
        if let concurrencyLimit { n = min(n, concurrencyLimit - entries.values.count { $0.job.state == .active }) }
        if paused { n = 0 }
        var claimed: [ClaimedJob] = []
        if n > 0 {
            let ready = entries.values.filter { $0.job.state == .ready }
                .sorted { ($0.job.priority, -$0.seq) > ($1.job.priority, -$1.seq) }
            for candidate in ready where claimed.count < n {
                let id = candidate.job.id
                if let deadlineAt = candidate.deadlineAt, now >= deadlineAt {
                    finish(id, .dead, reason: "deadline_exceeded: the job ran past its deadline", now: now)
                    continue
                }
                entries[id]!.fence += 1
                entries[id]!.leaseUntil = now + leaseMs
                entries[id]!.job.state = .active
                entries[id]!.job.updatedAtMs = now
                let entry = entries[id]!
                claimed.append(ClaimedJob(job: entry.job, lease: JobLease(jobID: id, fence: entry.fence, workerID: workerID), claimedAtMs: now))
            }
        }
        let dues = entries.values.compactMap { entry -> Int64? in
            switch entry.job.state {
            case .scheduled: entry.runAt
            case .active: entry.leaseUntil
            default: nil
            }
        }
        return (claimed, dues.min())
    }

    private func reapNow(_ now: Int64) -> ReapReport {
        var report = ReapReport(reaped: 0, promoted: 0, trimmed: 0)
        for (id, entry) in entries {
            switch entry.job.state {
            case .active where entry.leaseUntil <= now:
                report.reaped += 1
                entries[id]!.fence += 1
                entries[id]!.job.stalls += 1
                let stalls = entries[id]!.job.stalls
                if entry.job.cancelRequested {
                    finish(id, .cancelled, now: now)
                } else if stalls > entry.job.limits.maxStalls {
                    finish(id, .dead, reason: "stalled: the lease expired \(stalls) times", now: now)
                } else {
                    setState(id, .ready, now: now)
                }
            case .scheduled where entry.runAt <= now:
                report.promoted += 1
                setState(id, .ready, now: now)
            case .done, .dead, .cancelled:
                if entry.finishedAt <= now - options.retention.milliseconds {
                    report.trimmed += 1
                    entries[id] = nil
                }
            default:
                break
            }
        }
        idempotency = idempotency.filter { $0.value.expiresAt > now }
        if report.reaped + report.promoted > 0 { wake() }
        return report
    }

    private func setState(_ id: String, _ state: JobState, now: Int64, runAt: Int64 = 0) {
        entries[id]!.job.state = state
        entries[id]!.job.updatedAtMs = now
        entries[id]!.runAt = runAt
    }

    private func finish(_ id: String, _ state: JobState, reason: String? = nil, now: Int64) {
        setState(id, state, now: now)
        entries[id]!.finishedAt = now
        if let reason { entries[id]!.job.lastError = reason }
        // As the Redis queue packs them: a dead job keeps its working state for a replay, the others do not.
        if state != .dead { entries[id]!.job = entries[id]!.job.finished }
        slotFreed()
    }

    private func slotFreed() {
        if concurrencyLimit != nil { wake() }
    }

    /// The id of the lease's job when the lease is current.
    private func leased(_ lease: JobLease) throws(QueueError) -> String {
        guard let entry = entries[lease.jobID] else { throw QueueError(.jobNotFound, message: "job \(lease.jobID) not found") }
        guard entry.job.state == .active, entry.fence == lease.fence else {
            throw QueueError(.staleLease, message: "lease \(lease.fence) of job \(lease.jobID) is stale")
        }
        return lease.jobID
    }

    public func heartbeat(_ leases: [JobLease], extendBy: Duration) async throws -> [Result<HeartbeatResult, QueueError>] {
        let now = nowMs()
        return leases.map { lease in
            Result { () throws(QueueError) in
                let id = try leased(lease)
                entries[id]!.leaseUntil = now + extendBy.milliseconds
                entries[id]!.job.updatedAtMs = now
                return HeartbeatResult(cancelRequested: entries[id]!.job.cancelRequested)
            }
        }
    }

    public func complete(_ completions: [JobCompletion]) async throws -> [Result<Void, QueueError>] {
        let now = nowMs()
        return completions.map { completion in
            Result { () throws(QueueError) in
                let id = try leased(completion.lease)
                if let record = completion.record { entries[id]!.job.record = record }
                finish(id, .done, now: now)
            }
        }
    }

    public func snooze(_ snoozes: [JobSnooze]) async throws -> [Result<Void, QueueError>] {
        let now = nowMs()
        return snoozes.map { snooze in
            Result { () throws(QueueError) in
                let id = try leased(snooze.lease)
                entries[id]!.job.stepState = snooze.stepState
                if let record = snooze.record { entries[id]!.job.record = record }
                entries[id]!.job.polls += 1
                let entry = entries[id]!
                if entry.job.cancelRequested {
                    finish(id, .cancelled, now: now)
                } else if entry.job.polls > entry.job.limits.maxPolls {
                    finish(id, .dead, reason: "poll_budget_exhausted: \(entry.job.polls - 1) polls", now: now)
                } else if let deadlineAt = entry.deadlineAt, now >= deadlineAt {
                    finish(id, .dead, reason: "deadline_exceeded: the job ran past its deadline", now: now)
                } else {
                    setState(id, .scheduled, now: now, runAt: now + snooze.delay.milliseconds)
                    wake()
                }
            }
        }
    }

    public func fail(_ lease: JobLease, failure: JobFailure, record: String?, stepState: String?) async throws -> FailOutcome {
        let id = try leased(lease)
        let now = nowMs()
        let reason = "\(failure.code): \(failure.message)"
        if let record { entries[id]!.job.record = record }
        if let stepState { entries[id]!.job.stepState = stepState }
        entries[id]!.job.attempts += 1
        entries[id]!.job.lastError = reason
        let entry = entries[id]!
        let limits = entry.job.limits
        if entry.job.cancelRequested {
            finish(id, .cancelled, now: now)
            return .deadLettered
        }
        guard failure.retryable else {
            finish(id, .dead, reason: reason, now: now)
            return .deadLettered
        }
        guard entry.job.attempts < limits.maxAttempts else {
            finish(id, .dead, reason: "attempts_exhausted: \(entry.job.attempts) attempts, last \(reason)", now: now)
            return .deadLettered
        }
        var backoff = min(
            Double(limits.maxBackoff.milliseconds),
            Double(limits.baseBackoff.milliseconds) * pow(2, Double(entry.job.attempts - 1))
        )
        backoff = backoff / 2 + Double.random(in: 0..<1) * backoff / 2
        backoff = Swift.max(backoff, Double(failure.retryAfter?.milliseconds ?? 0))
        let runAt = now + Int64(backoff)
        if let deadlineAt = entry.deadlineAt, runAt >= deadlineAt {
            finish(id, .dead, reason: "deadline_exceeded: no time left to retry after \(reason)", now: now)
            return .deadLettered
        }
        setState(id, .scheduled, now: now, runAt: runAt)
        slotFreed()
        wake()
        return .retryScheduled(atMs: runAt)
    }

    public func release(_ lease: JobLease) async throws {
        let id = try leased(lease)
        if entries[id]!.job.cancelRequested {
            finish(id, .cancelled, now: nowMs())
        } else {
            setState(id, .ready, now: nowMs())
            wake()
        }
    }

    public func cancel(id: String) async throws -> CancelOutcome {
        guard let entry = entries[id] else { return .notFound }
        switch entry.job.state {
        case .ready, .scheduled:
            entries[id]!.job.cancelRequested = true
            finish(id, .cancelled, now: nowMs())
            return .cancelled
        case .active:
            entries[id]!.job.cancelRequested = true
            return .requested
        case .done, .dead, .cancelled:
            return .alreadyFinished
        }
    }

    public func signal(id: String) async throws -> Bool {
        guard entries[id]?.job.state == .scheduled else { return false }
        setState(id, .ready, now: nowMs())
        wake()
        return true
    }

    public func updateRecord(_ lease: JobLease, record: String) async throws {
        let id = try leased(lease)
        entries[id]!.job.record = record
        entries[id]!.job.updatedAtMs = nowMs()
    }

    public func replaceFinishedRecord(id: String, record: String) async throws -> Bool {
        guard let state = entries[id]?.job.state, [.done, .dead, .cancelled].contains(state) else { return false }
        entries[id]!.job.record = record
        entries[id]!.job.updatedAtMs = nowMs()
        return true
    }

    public func job(id: String) async throws -> JobSnapshot? {
        entries[id]?.job
    }

    public func jobs(owner: String, after: String?, limit: Int, descending: Bool) async throws -> JobPage {
        guard limit >= 1 else { throw QueueError(.invalidArgument, message: "limit must be ≥ 1") }
        var owned = entries.values.filter { $0.job.owner == owner }.sorted { $0.seq < $1.seq }
        if descending { owned.reverse() }
        if let after {
            guard let index = owned.firstIndex(where: { $0.job.id == after }) else { return JobPage(jobs: [], hasMore: false) }
            owned.removeFirst(index + 1)
        }
        return JobPage(jobs: owned.prefix(limit).map(\.job), hasMore: owned.count > limit)
    }

    public func stats() async throws -> QueueStats {
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for entry in entries.values { counts[entry.job.state, default: 0] += 1 }
        return QueueStats(counts: counts, paused: paused, concurrencyLimit: concurrencyLimit)
    }

    public func deadJobs(limit: Int) async throws -> [JobSnapshot] {
        let dead = entries.values.filter { $0.job.state == .dead }.sorted { ($0.finishedAt, $0.seq) > ($1.finishedAt, $1.seq) }
        return dead.prefix(limit).map(\.job)
    }

    public func replay(id: String) async throws -> Bool {
        guard let entry = entries[id], entry.job.state == .dead else { return false }
        let now = nowMs()
        entries[id]!.job.attempts = 0
        entries[id]!.job.polls = 0
        entries[id]!.job.stalls = 0
        entries[id]!.job.cancelRequested = false
        entries[id]!.deadlineAt = entry.job.limits.deadline.map { now + $0.milliseconds }
        setState(id, .ready, now: now)
        wake()
        return true
    }

    public func setPaused(_ paused: Bool) async throws {
        self.paused = paused
        if !paused { wake() }
    }

    public func setConcurrencyLimit(_ limit: Int?) async throws {
        concurrencyLimit = limit.flatMap { $0 > 0 ? $0 : nil }
        wake()
    }

    public func reap() async throws -> ReapReport {
        reapNow(nowMs())
    }
}

extension JobQueueDriver where Self == MemoryJobQueue {
    /// An in-memory queue for tests.
    public static func memory(options: JobQueueOptions = .init()) -> MemoryJobQueue {
        MemoryJobQueue(options: options)
    }
}
