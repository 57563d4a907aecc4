/// What a heartbeat learned.
public struct HeartbeatResult: Sendable, Equatable {
    /// A cancel was requested; the holder should stop and report.
    public var cancelRequested: Bool

    /// Creates a heartbeat result.
    public init(cancelRequested: Bool) {
        self.cancelRequested = cancelRequested
    }
}
