/// Queue depth per state, for `reel queue stats` and `/metrics`.
public struct QueueStats: Sendable, Equatable {
    /// Jobs per state.
    public var counts: [JobState: Int]
    /// Claims are paused.
    public var paused: Bool
    /// The cap on jobs active at once, if any.
    public var concurrencyLimit: Int?

    /// Creates stats.
    public init(counts: [JobState: Int], paused: Bool, concurrencyLimit: Int? = nil) {
        self.counts = counts
        self.paused = paused
        self.concurrencyLimit = concurrencyLimit
    }
}
