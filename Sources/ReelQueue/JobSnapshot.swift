/// A job as stored, read in one call.
public struct JobSnapshot: Sendable, Equatable {
    /// Job id.
    public var id: String
    /// Job type.
    public var type: String
    /// Where the job is.
    public var state: JobState
    /// Opaque payload (JSON).
    public var payload: String
    /// Opaque application record (JSON), if any.
    public var record: String?
    /// The checkpointed step state, if any (set by snooze).
    public var stepState: String?
    /// Owner, if any.
    public var owner: String?
    /// Priority.
    public var priority: Int
    /// Runs so far that counted as attempts.
    public var attempts: Int
    /// Snoozes so far.
    public var polls: Int
    /// Lease expiries so far.
    public var stalls: Int
    /// The last failure, if any.
    public var lastError: String?
    /// A cancel was requested.
    public var cancelRequested: Bool
    /// Budgets.
    public var limits: JobLimits
    /// Enqueue time, milliseconds since the epoch (Redis clock).
    public var createdAtMs: Int64
    /// Last change, milliseconds since the epoch (Redis clock).
    public var updatedAtMs: Int64

    /// Creates a snapshot.
    public init(
        id: String,
        type: String,
        state: JobState,
        payload: String,
        record: String? = nil,
        stepState: String? = nil,
        owner: String? = nil,
        priority: Int = 0,
        attempts: Int = 0,
        polls: Int = 0,
        stalls: Int = 0,
        lastError: String? = nil,
        cancelRequested: Bool = false,
        limits: JobLimits = .init(),
        createdAtMs: Int64 = 0,
        updatedAtMs: Int64 = 0
    ) {
        self.id = id
        self.type = type
        self.state = state
        self.payload = payload
        self.record = record
        self.stepState = stepState
        self.owner = owner
        self.priority = priority
        self.attempts = attempts
        self.polls = polls
        self.stalls = stalls
        self.lastError = lastError
        self.cancelRequested = cancelRequested
        self.limits = limits
        self.createdAtMs = createdAtMs
        self.updatedAtMs = updatedAtMs
    }
}
