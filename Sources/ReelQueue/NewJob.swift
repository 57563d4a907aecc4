/// A job to enqueue.
public struct NewJob: Sendable, Equatable {
    /// Job id, chosen by the caller (unique within the queue).
    public var id: String
    /// Job type, such as `generate` or `remix`; the worker dispatches on it.
    public var type: String
    /// Opaque payload (JSON) the worker reads.
    public var payload: String
    /// Opaque application record (JSON) that readers see; workers replace it as the job progresses.
    public var record: String?
    /// Owner whose index lists the job (for `GET /v1/videos`), if any.
    public var owner: String?
    /// Higher runs first; FIFO within a priority.
    public var priority: Int
    /// Run no earlier than this delay from now (Redis time).
    public var delay: Duration
    /// Idempotency key: a repeat with the same key returns the first job and enqueues nothing.
    public var idempotencyKey: String?
    /// Fingerprint of the request that carried the idempotency key; a repeat with another fingerprint is a conflict.
    public var idempotencyFingerprint: String?
    /// Budgets that bound the job's life.
    public var limits: JobLimits
    /// The group whose unfinished jobs this one counts towards, and their bound; nil for none.
    public var groupCap: GroupCap?

    /// Creates a job description.
    public init(
        id: String,
        type: String,
        payload: String,
        record: String? = nil,
        owner: String? = nil,
        priority: Int = 0,
        delay: Duration = .zero,
        idempotencyKey: String? = nil,
        idempotencyFingerprint: String? = nil,
        limits: JobLimits = .init(),
        groupCap: GroupCap? = nil
    ) {
        self.id = id
        self.type = type
        self.payload = payload
        self.record = record
        self.owner = owner
        self.priority = priority
        self.delay = delay
        self.idempotencyKey = idempotencyKey
        self.idempotencyFingerprint = idempotencyFingerprint
        self.limits = limits
        self.groupCap = groupCap
    }
}
