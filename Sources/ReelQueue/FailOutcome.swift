/// What ``JobQueueDriver/fail(_:failure:record:)`` did.
public enum FailOutcome: Sendable, Equatable {
    /// Rescheduled for another attempt at this time (ms since the epoch, Redis clock).
    case retryScheduled(atMs: Int64)
    /// Moved to the dead-letter set.
    case deadLettered
}
