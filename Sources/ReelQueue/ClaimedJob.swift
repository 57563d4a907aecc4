/// A job handed to a worker: its state at claim time and the lease to present.
public struct ClaimedJob: Sendable, Equatable {
    /// The job as it was claimed.
    public var job: JobSnapshot
    /// The lease for heartbeat/complete/snooze/fail/release.
    public var lease: JobLease
    /// The queue's time at the claim, milliseconds since the epoch (Redis `TIME` for the Redis queue): the shared
    /// clock that job deadlines are measured on, so a worker never compares them with its own wall clock.
    public var claimedAtMs: Int64
}
