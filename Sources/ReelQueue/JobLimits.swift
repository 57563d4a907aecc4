/// Budgets of one job. An exhausted budget dead-letters the job with a reason naming it.
public struct JobLimits: Sendable, Equatable, Codable {
    /// Attempts for transient failures (the first run counts).
    public var maxAttempts: Int
    /// Snoozes (provider polls).
    public var maxPolls: Int
    /// Lease expiries (a worker crashed or hung while holding the job).
    public var maxStalls: Int
    /// Wall-clock deadline from enqueue; nil for none.
    public var deadline: Duration?
    /// Backoff of the first retry; doubles per attempt, with jitter, up to `maxBackoff`.
    public var baseBackoff: Duration
    /// Ceiling of the retry backoff.
    public var maxBackoff: Duration

    /// Creates budgets; the defaults suit a video job.
    public init(
        maxAttempts: Int = 5,
        maxPolls: Int = 2_000,
        maxStalls: Int = 5,
        deadline: Duration? = .seconds(6 * 3600),
        baseBackoff: Duration = .seconds(1),
        maxBackoff: Duration = .seconds(60)
    ) {
        precondition(maxAttempts >= 1 && maxPolls >= 0 && maxStalls >= 0)
        self.maxAttempts = maxAttempts
        self.maxPolls = maxPolls
        self.maxStalls = maxStalls
        self.deadline = deadline
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
    }
}
