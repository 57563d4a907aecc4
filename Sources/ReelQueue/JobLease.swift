/// Proof of a claim: the job id and the fencing token the claim bumped. Only a claim makes one.
public struct JobLease: Sendable, Hashable {
    /// The claimed job.
    public let jobID: String
    /// Fencing token; a call with an older one is refused.
    public let fence: Int64
    /// The worker holding the lease.
    public let workerID: String

    /// A lease as a claim made it; outside the queues only tests make one (of a stale or unknown job, say).
    package init(jobID: String, fence: Int64, workerID: String) {
        self.jobID = jobID
        self.fence = fence
        self.workerID = workerID
    }
}
