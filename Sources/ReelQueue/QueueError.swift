/// An error of the job queue.
///
/// ```swift
/// do { try await queue.complete(lease, record: nil) }
/// catch let error as QueueError where error.code == .staleLease { /* another worker owns the job now */ }
/// ```
public struct QueueError: Error, CustomStringConvertible {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case jobNotFound, staleLease, duplicateJobID, invalidArgument, decodeFailed, redisFailed, notReplicated
        }
        private let base: Base

        /// No job with this id (never enqueued, or expired after its retention period).
        public static var jobNotFound: Self { .init(base: .jobNotFound) }
        /// The lease's fence is not the job's current one: the lease expired and the job moved on.
        public static var staleLease: Self { .init(base: .staleLease) }
        /// A job with this id exists already.
        public static var duplicateJobID: Self { .init(base: .duplicateJobID) }
        /// An argument is out of range (priority, batch size, durations).
        public static var invalidArgument: Self { .init(base: .invalidArgument) }
        /// Redis answered something the queue cannot read.
        public static var decodeFailed: Self { .init(base: .decodeFailed) }
        /// The Redis call failed (connection, timeout, server error).
        public static var redisFailed: Self { .init(base: .redisFailed) }
        /// The write is done on the Redis primary, but fewer replicas than ``JobQueueOptions/replicaAcks``
        /// acknowledged it in time: it may be lost if the primary fails before they have it.
        public static var notReplicated: Self { .init(base: .notReplicated) }

        /// The code's name.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Details for humans.
    public let message: String?
    /// The error that caused this one, if any.
    public let underlyingError: (any Error)?

    /// Creates an error.
    public init(_ code: Code, message: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlyingError = underlying
    }

    /// The code, the message and the underlying error.
    public var description: String {
        var text = "queue error \(code)"
        if let message { text += ": \(message)" }
        if let underlyingError { text += " (\(underlyingError))" }
        return text
    }
}
