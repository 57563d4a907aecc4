/// Run-time knobs of a queue, the same for the Redis and the memory implementation.
public struct JobQueueOptions: Sendable, Equatable {
    /// How long finished jobs (done, dead, cancelled) stay readable before they are deleted, and how long an
    /// idempotency key is remembered. Finished video records are what clients read, so the default is long.
    public var retention: Duration
    /// Approximate cap of the events stream (`XADD MAXLEN ~`); entries older than `retention` are trimmed too.
    public var eventsMaxLength: Int
    /// How many Redis replicas must acknowledge the writes a client is answered for, an enqueue (of one job) and a
    /// finished record's replacement, before they return (`WAIT`); fewer within ``replicaAckTimeout`` throws
    /// ``QueueError/Code/notReplicated`` after the write is done. Replicas that acknowledge a write have every
    /// earlier one too, so a request acknowledged at its last write is acknowledged whole. 0 waits for none.
    /// Only the Redis queue has replicas; the memory queue ignores it.
    public var replicaAcks: Int
    /// The longest wait for ``replicaAcks`` replicas.
    public var replicaAckTimeout: Duration

    /// Creates options.
    public init(
        retention: Duration = .seconds(7 * 24 * 3600),
        eventsMaxLength: Int = 10_000,
        replicaAcks: Int = 0,
        replicaAckTimeout: Duration = .seconds(1)
    ) {
        precondition(retention > .zero && eventsMaxLength > 0)
        precondition(replicaAcks >= 0 && replicaAckTimeout >= .milliseconds(1), "replicaAcks ≥ 0 and replicaAckTimeout ≥ 1 ms")
        self.retention = retention
        self.eventsMaxLength = eventsMaxLength
        self.replicaAcks = replicaAcks
        self.replicaAckTimeout = replicaAckTimeout
    }
}
