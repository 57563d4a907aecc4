/// Queue depth per state, for `reel queue stats` and `/metrics`.
public struct QueueStats: Sendable, Equatable {
    /// Jobs per state.
    public var counts: [JobState: Int]
    /// Claims are paused.
    public var paused: Bool

    /// Creates stats.
    public init(counts: [JobState: Int], paused: Bool) {
        self.counts = counts
        self.paused = paused
    }
}
