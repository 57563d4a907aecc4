import Foundation

/// Run-time settings of a worker process: slots, leases, poll pacing, budgets per job kind and shutdown.
///
/// ```swift
/// var configuration = WorkerConfiguration(concurrency: 16)
/// configuration.polling.initialInterval = .seconds(2)
/// let worker = WorkerService(queue: queue, runner: runner, configuration: configuration, logger: logger)
/// ```
public struct WorkerConfiguration: Sendable, Equatable {
    /// How provider polls are paced: the first interval grows by ``multiplier`` per poll up to ``maxInterval``,
    /// each one jittered by ±``jitter`` (a fraction), and never shorter than a provider's `Retry-After`.
    public struct Polling: Sendable, Equatable {
        /// Delay before the first poll after a submit.
        public var initialInterval: Duration
        /// Growth factor per poll.
        public var multiplier: Double
        /// Ceiling of the interval.
        public var maxInterval: Duration
        /// Relative jitter applied to every interval, 0 ≤ jitter < 1.
        public var jitter: Double
        /// Delay between checks of inputs that are still in flight (a character being created, a source video rendering).
        public var inputInterval: Duration

        /// Creates poll pacing.
        public init(
            initialInterval: Duration = .seconds(1),
            multiplier: Double = 1.5,
            maxInterval: Duration = .seconds(15),
            jitter: Double = 0.2,
            inputInterval: Duration = .seconds(2)
        ) {
            precondition(initialInterval > .zero && maxInterval >= initialInterval, "poll intervals must be positive and ordered")
            precondition(multiplier >= 1, "the poll multiplier must be at least 1")
            precondition(jitter >= 0 && jitter < 1, "the poll jitter is a fraction in [0, 1)")
            self.initialInterval = initialInterval
            self.multiplier = multiplier
            self.maxInterval = maxInterval
            self.jitter = jitter
            self.inputInterval = inputInterval
        }
    }

    /// Worker id, unique per process; leases name it.
    public var workerID: String
    /// Jobs handled at once (ticks in flight).
    public var concurrency: Int
    /// Lease length of a claim; heartbeats extend it.
    public var leaseDuration: Duration
    /// Interval between heartbeats of a running tick.
    public var heartbeatInterval: Duration
    /// How long one claim call waits for work before it returns empty.
    public var claimWait: Duration
    /// Poll pacing.
    public var polling: Polling
    /// Time running ticks get to finish after a graceful shutdown starts; the rest are handed back.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration.
    public init(
        workerID: String = WorkerConfiguration.makeWorkerID(),
        concurrency: Int = 64,
        leaseDuration: Duration = .seconds(30),
        heartbeatInterval: Duration = .seconds(10),
        claimWait: Duration = .seconds(2),
        polling: Polling = .init(),
        shutdownGracePeriod: Duration = .seconds(20)
    ) {
        precondition(concurrency >= 1, "concurrency must be at least 1")
        precondition(heartbeatInterval > .zero && heartbeatInterval < leaseDuration, "heartbeats must come before the lease ends")
        precondition(claimWait > .zero, "the claim wait must be positive")
        self.workerID = workerID
        self.concurrency = concurrency
        self.leaseDuration = leaseDuration
        self.heartbeatInterval = heartbeatInterval
        self.claimWait = claimWait
        self.polling = polling
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}

extension WorkerConfiguration {
    /// A worker id unique to this process: host name, process id and a random suffix.
    public static func makeWorkerID() -> String {
        let info = ProcessInfo.processInfo
        return "\(info.hostName)-\(info.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
    }
}
