/// A failure of the worker itself, such as a job it cannot read.
public struct WorkerError: Error, CustomStringConvertible {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case invalidJob }
        private let base: Base
        /// A job's payload, record or step state cannot be read.
        public static var invalidJob: Self { .init(base: .invalidJob) }
        /// Bounded name.
        public var description: String { base.rawValue }
    }

    /// The code.
    public let code: Code
    /// Details for humans.
    public let message: String?
    /// The error behind this one.
    public let underlyingError: (any Error)?

    /// Creates an error.
    public init(_ code: Code, message: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlyingError = underlying
    }

    /// Human-readable summary.
    public var description: String {
        var text = "WorkerError(\(code)"
        if let message { text += ": \(message)" }
        if let underlyingError { text += ", underlying: \(underlyingError)" }
        return text + ")"
    }
}
