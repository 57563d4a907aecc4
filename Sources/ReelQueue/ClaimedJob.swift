/// A job handed to a worker: its state at claim time and the lease to present.
public struct ClaimedJob: Sendable, Equatable {
    /// The job as it was claimed.
    public var job: JobSnapshot
    /// The lease for heartbeat/complete/snooze/fail/release.
    public var lease: JobLease

    /// Creates a claimed job.
    public init(job: JobSnapshot, lease: JobLease) {
        self.job = job
        self.lease = lease
    }
}
