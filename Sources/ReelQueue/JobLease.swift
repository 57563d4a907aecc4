/// Proof of a claim: the job id and the fencing token the claim bumped.
public struct JobLease: Sendable, Hashable {
    /// The claimed job.
    public var jobID: String
    /// Fencing token; a call with an older one is refused.
    public var fence: Int64
    /// The worker holding the lease.
    public var workerID: String

    /// Creates a lease value.
    public init(jobID: String, fence: Int64, workerID: String) {
        self.jobID = jobID
        self.fence = fence
        self.workerID = workerID
    }
}
