/// What ``JobQueueDriver/reap()`` did.
public struct ReapReport: Sendable, Equatable {
    /// Expired leases reaped (each counted a stall).
    public var reaped: Int
    /// Scheduled jobs that became ready.
    public var promoted: Int
    /// Finished jobs deleted after their retention period.
    public var trimmed: Int
}
