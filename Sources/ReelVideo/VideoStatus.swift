/// The status of a video or character as clients see it.
public enum VideoStatus: String, Sendable, Codable, CaseIterable {
    /// Accepted, waiting for a worker or the provider.
    case queued
    /// The provider is rendering.
    case inProgress = "in_progress"
    /// Done; content can be downloaded.
    case completed
    /// Ended with `error`.
    case failed

    /// Completed or failed.
    public var isTerminal: Bool { self == .completed || self == .failed }
}
