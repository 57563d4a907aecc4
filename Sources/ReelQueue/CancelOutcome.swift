/// What ``JobQueueDriver/cancel(id:)`` did.
public enum CancelOutcome: Sendable, Equatable {
    /// The job was waiting and is now cancelled.
    case cancelled
    /// The job is held by a worker; it was flagged and the worker stops at its next heartbeat.
    case requested
    /// The job had already finished (done, dead or cancelled).
    case alreadyFinished
    /// No such job.
    case notFound
}
