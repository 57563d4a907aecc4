public import ReelQueue
public import ReelVideo

/// Run-time knobs of the API front.
public struct APIOptions: Sendable {
    /// Largest accepted upload per file, in bytes.
    public var maxUploadBytes: Int64
    /// Largest accepted JSON body or multipart text field, in bytes.
    public var maxFieldBytes: Int
    /// `openai-poll-after-ms` sent on status reads.
    public var pollAfterMilliseconds: Int
    /// Once this many jobs wait (ready + scheduled), new jobs are refused with 429; nil for no cap.
    public var maxQueuedJobs: Int?
    /// Budgets of every enqueued job (`reel_settings.worker.budgets`).
    public var jobLimits: JobLimits
    /// Deadlines of job types that replace the one of `jobLimits` (`reel_settings.worker.budgets.deadlines`).
    public var deadlines: [VideoJobKind: Duration]

    /// Creates options; the defaults suit a single machine.
    public init(
        maxUploadBytes: Int64 = 100 * 1024 * 1024,
        maxFieldBytes: Int = 256 * 1024,
        pollAfterMilliseconds: Int = 1000,
        maxQueuedJobs: Int? = nil,
        jobLimits: JobLimits = .init(),
        deadlines: [VideoJobKind: Duration] = [:]
    ) {
        precondition(maxUploadBytes > 0 && maxFieldBytes > 0 && pollAfterMilliseconds >= 0)
        self.maxUploadBytes = maxUploadBytes
        self.maxFieldBytes = maxFieldBytes
        self.pollAfterMilliseconds = pollAfterMilliseconds
        self.maxQueuedJobs = maxQueuedJobs
        self.jobLimits = jobLimits
        self.deadlines = deadlines
    }

    /// The budgets of a job of this kind.
    public func jobLimits(for kind: VideoJobKind) -> JobLimits {
        var limits = jobLimits
        if let deadline = deadlines[kind] { limits.deadline = deadline }
        return limits
    }
}
