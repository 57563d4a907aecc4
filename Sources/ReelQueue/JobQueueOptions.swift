/// Run-time knobs of a queue, the same for the Redis and the memory implementation.
public struct JobQueueOptions: Sendable, Equatable {
    /// How long finished jobs (done, dead, cancelled) stay readable before they are deleted, and how long an
    /// idempotency key is remembered. Finished video records are what clients read, so the default is long.
    public var retention: Duration
    /// Approximate cap of the events stream (`XADD MAXLEN ~`).
    public var eventsMaxLength: Int
    /// How many jobs the Redis queue may keep in memory for ``JobQueueDriver/job(id:)``, coherent through
    /// Redis's key tracking while ``RedisJobQueue/followChanges(logger:)`` runs; 0 keeps none. Meant for
    /// processes that mostly read jobs (the API front); workers keep none.
    public var readCacheCapacity: Int

    /// Creates options.
    public init(retention: Duration = .seconds(7 * 24 * 3600), eventsMaxLength: Int = 10_000, readCacheCapacity: Int = 0) {
        precondition(retention > .zero && eventsMaxLength > 0 && readCacheCapacity >= 0)
        self.retention = retention
        self.eventsMaxLength = eventsMaxLength
        self.readCacheCapacity = readCacheCapacity
    }
}
