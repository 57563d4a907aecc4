/// How a tick ends a job that cannot succeed now.
struct VideoJobFailure: Error, Sendable, Equatable {
    /// What happens to the job.
    enum Disposition: Sendable, Equatable {
        /// Another attempt after a backoff (the queue counts attempts and dead-letters when they run out).
        case retry
        /// The job finishes as `failed`: the provider or an input said so; nothing an operator can fix by replaying.
        case finish
        /// The job fails into the dead-letter set: a budget ran out or the provider kept failing.
        case deadLetter
    }

    /// Bounded code, passed to the record's `error.code`.
    var code: String
    /// Human-readable message.
    var message: String
    /// What happens to the job.
    var disposition: Disposition
    /// The wait the provider asked for, if any.
    var retryAfter: Duration?

    /// A failure that finishes the job as `failed`.
    static func finish(_ code: String, _ message: String) -> Self {
        .init(code: code, message: message, disposition: .finish)
    }

    /// A failure that dead-letters the job.
    static func deadLetter(_ code: String, _ message: String) -> Self {
        .init(code: code, message: message, disposition: .deadLetter)
    }
}
