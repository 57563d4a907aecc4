/// What ``JobQueueDriver/enqueue(_:)`` did.
public enum EnqueueResult: Sendable, Equatable {
    /// The job was written and queued.
    case enqueued(id: String)
    /// The idempotency key was seen before with the same fingerprint: nothing was enqueued; `id` is the first job.
    case duplicate(id: String)
    /// The idempotency key was seen before with another fingerprint: nothing was enqueued.
    case conflict(id: String)
    /// The job's ``GroupCap`` was reached: nothing was enqueued.
    case groupFull(group: String)
}
