/// A job its worker finished, as one entry of a batched complete: the lease and the final record.
public struct JobCompletion: Sendable, Equatable {
    /// The lease of the claim that ran the job.
    public var lease: JobLease
    /// The job's final record; nil keeps the stored one.
    public var record: String?

    /// Creates a completion.
    public init(lease: JobLease, record: String?) {
        self.lease = lease
        self.record = record
    }
}
