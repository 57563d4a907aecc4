/// A job its worker puts to sleep until its next step, as one entry of a batched snooze.
public struct JobSnooze: Sendable, Equatable {
    /// The lease of the claim that ran the tick.
    public var lease: JobLease
    /// How long the job waits before it is ready again.
    public var delay: Duration
    /// The checkpointed step state the next tick resumes from.
    public var stepState: String
    /// The job's record; nil keeps the stored one.
    public var record: String?

    /// Creates a snooze.
    public init(lease: JobLease, delay: Duration, stepState: String, record: String?) {
        self.lease = lease
        self.delay = delay
        self.stepState = stepState
        self.record = record
    }
}
