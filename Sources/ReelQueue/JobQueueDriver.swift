/// A reliable job queue: what the API front enqueues into and what workers claim from.
///
/// Two implementations: ``RedisJobQueue`` (production, one Redis functions library) and
/// ``MemoryJobQueue`` (unit tests of code that uses the queue). Every lease-changing call
/// presents the ``JobLease`` it was given; a lease whose fence is stale is refused with
/// ``QueueError/Code-swift.struct/staleLease``.
///
/// ```swift
/// let queue: some JobQueueDriver = .memory()
/// _ = try await queue.enqueue(NewJob(id: "j1", type: "generate", payload: "{}"))
/// for job in try await queue.claim(workerID: "w1", max: 16, lease: .seconds(30), wait: .seconds(5)) {
///     try await queue.complete(job.lease, record: nil)
/// }
/// ```
public protocol JobQueueDriver: Sendable {
    /// Writes the job, its record and its owner-index entry, and makes it ready (or scheduled when
    /// `runAt` is in the future), atomically. A repeat with the same idempotency key returns the first job.
    func enqueue(_ job: NewJob) async throws -> EnqueueResult

    /// Claims up to `max` ready jobs, waiting up to `wait` for one to arrive (no polling loop).
    /// The same call reaps expired leases and promotes due scheduled jobs. Returns an empty array on timeout. A
    /// cancelled task stops waiting and gets `CancellationError`; jobs already claimed are returned, never dropped.
    func claim(workerID: String, max: Int, lease: Duration, wait: Duration) async throws -> [ClaimedJob]

    /// Extends many leases in one round trip. Returns, per lease in order, whether a cancel was requested for its
    /// job, or the error of that lease alone (``QueueError/Code-swift.struct/staleLease``,
    /// ``QueueError/Code-swift.struct/jobNotFound``). Throws when the call as a whole fails.
    func heartbeat(_ leases: [JobLease], extendBy: Duration) async throws -> [Result<HeartbeatResult, QueueError>]

    /// Finishes many jobs successfully in one round trip, storing their final records (where given). Returns, per
    /// completion in order, success or the error of that lease alone (``QueueError/Code-swift.struct/staleLease``,
    /// ``QueueError/Code-swift.struct/jobNotFound``). Throws when the call as a whole fails.
    func complete(_ completions: [JobCompletion]) async throws -> [Result<Void, QueueError>]

    /// Snoozes many jobs in one round trip, each as ``snooze(_:delay:stepState:record:)`` does. Returns, per snooze
    /// in order, success or the error of that lease alone (``QueueError/Code-swift.struct/staleLease``,
    /// ``QueueError/Code-swift.struct/jobNotFound``). Throws when the call as a whole fails.
    func snooze(_ snoozes: [JobSnooze]) async throws -> [Result<Void, QueueError>]

    /// Records a failure. A retryable one is rescheduled with exponential backoff and jitter while
    /// attempts remain; otherwise the job is dead-lettered with the reason. A non-nil `stepState` replaces the
    /// job's step state, so the next attempt resumes from it.
    func fail(_ lease: JobLease, failure: JobFailure, record: String?, stepState: String?) async throws -> FailOutcome

    /// Hands the job back to ready without counting an attempt (graceful shutdown).
    func release(_ lease: JobLease) async throws

    /// Requests cancellation: a job not yet claimed is cancelled at once; an active one is flagged
    /// and its holder learns it at the next heartbeat.
    func cancel(id: String) async throws -> CancelOutcome

    /// Wakes a scheduled job now (provider webhooks, or an input that became ready).
    func signal(id: String) async throws -> Bool

    /// Replaces the application record of a job (progress mirrored from the provider while active).
    func updateRecord(_ lease: JobLease, record: String) async throws

    /// Replaces the record of a job that no worker holds (finished, dead or cancelled), such as to mark it
    /// deleted. False when the job is unknown or not finished.
    func replaceFinishedRecord(id: String, record: String) async throws -> Bool

    /// The job, or nil when unknown or expired.
    func job(id: String) async throws -> JobSnapshot?

    /// The owner's jobs, newest first when `descending`, paged by job id.
    func jobs(owner: String, after: String?, limit: Int, descending: Bool) async throws -> JobPage

    /// Queue depth per state and the pause flag.
    func stats() async throws -> QueueStats

    /// Dead-lettered jobs, most recent first.
    func deadJobs(limit: Int) async throws -> [JobSnapshot]

    /// Moves a dead-lettered job back to ready with fresh budgets. False when it is not dead.
    func replay(id: String) async throws -> Bool

    /// Stops (or resumes) claims; enqueue keeps working.
    func setPaused(_ paused: Bool) async throws

    /// Caps the jobs active at once across all workers; nil removes the cap.
    func setConcurrencyLimit(_ limit: Int?) async throws

    /// Reaps expired leases, promotes due scheduled jobs and deletes finished jobs past their retention
    /// period (claims do the same as they go, and each finishing job trims the index it joins; this is for idle
    /// queues and operators).
    func reap() async throws -> ReapReport
}

extension JobQueueDriver {
    /// Extends the lease. Reports whether a cancel was requested for the job.
    public func heartbeat(_ lease: JobLease, extendBy: Duration) async throws -> HeartbeatResult {
        try await heartbeat([lease], extendBy: extendBy)[0].get()
    }

    /// Finishes the job successfully, storing the final record (if given).
    public func complete(_ lease: JobLease, record: String?) async throws {
        try await complete([JobCompletion(lease: lease, record: record)])[0].get()
    }

    /// Checkpoints `stepState`, stores `record` (if given) and reschedules the job after `delay`.
    /// Counts a poll, not an attempt; frees the claim.
    public func snooze(_ lease: JobLease, delay: Duration, stepState: String, record: String?) async throws {
        try await snooze([JobSnooze(lease: lease, delay: delay, stepState: stepState, record: record)])[0].get()
    }

    /// Finishes many jobs in one round trip, keeping their records. Returns, per lease, whether it
    /// completed (false: the lease was stale or the job unknown).
    public func complete(_ leases: [JobLease]) async throws -> [Bool] {
        try await complete(leases.map { JobCompletion(lease: $0, record: nil) }).map {
            if case .success = $0 { true } else { false }
        }
    }

    /// Records a failure and keeps the job's step state.
    public func fail(_ lease: JobLease, failure: JobFailure, record: String?) async throws -> FailOutcome {
        try await fail(lease, failure: failure, record: record, stepState: nil)
    }
}
