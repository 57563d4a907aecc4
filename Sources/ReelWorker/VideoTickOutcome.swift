import ReelVideo

/// What one tick of a video job decided. The runner reports it to the queue; nothing about the job's next step is
/// carried in thrown errors (a thrown error is a failure of the worker itself, such as Redis being unreachable).
enum VideoTickOutcome: Sendable, Equatable {
    /// The job is finished: the record says completed (or, for a delete, the source is gone).
    case completed
    /// The job waits — for the provider to render, for its inputs, or for a deployment to admit it — and comes
    /// back after the delay with its step state checkpointed. Counts a poll, not an attempt.
    case snooze(after: Duration)
    /// A transient failure: another attempt after the queue's backoff, and no sooner than `after` (the provider's
    /// `Retry-After`). The queue dead-letters the job when its attempts run out.
    case retry(VideoError, after: Duration?)
    /// The job finishes as failed: the provider or an input said so, and replaying would not help.
    case failed(VideoError)
    /// The job goes to the dead-letter set: a budget ran out, or it cannot be run by any worker as configured.
    case deadLettered(VideoError)
    /// A cancel was requested: the provider object is deleted (best effort) and the record is marked deleted.
    case cancelled
}

extension VideoError {
    /// A job whose payload lacks something its kind needs.
    static func invalidJob(_ message: String) -> VideoError {
        VideoError(code: "invalid_job", message: message)
    }
}
