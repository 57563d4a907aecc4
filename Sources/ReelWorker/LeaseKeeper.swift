import Logging
import ReelLogging
import ReelQueue
import Synchronization

/// The leases of a worker's running ticks, all extended by one loop with one queue call per round.
///
/// A tick holds its lease here while it runs. The loop wakes four times per heartbeat interval and extends every
/// lease that was claimed or last extended at least three quarters of an interval ago, so no lease goes longer than
/// one heartbeat interval without an extension, and short ticks cost nothing. A cancel request the queue reports is
/// passed to the tick through its ``CancellationFlag``; a lease the queue refuses (stale, or the job gone) is no
/// longer extended.
final class LeaseKeeper<Queue: JobQueueDriver, KeeperClock: Clock<Duration>>: Sendable {
    private struct Held {
        let cancellation = CancellationFlag()
        var extendedAt: KeeperClock.Instant
    }

    private let queue: Queue
    private let clock: KeeperClock
    private let interval: Duration
    private let leaseDuration: Duration
    private let logger: Logger
    private let held = Mutex<[JobLease: Held]>([:])

    /// Creates a keeper that extends leases by `leaseDuration`, at most `interval` apart.
    init(queue: Queue, clock: KeeperClock, interval: Duration, leaseDuration: Duration, logger: Logger) {
        self.queue = queue
        self.clock = clock
        self.interval = interval
        self.leaseDuration = leaseDuration
        self.logger = logger
    }

    /// Starts extending a lease just claimed; the flag reports a cancel request.
    func hold(_ lease: JobLease) -> CancellationFlag {
        let entry = Held(extendedAt: clock.now)
        held.withLock { $0[lease] = entry }
        return entry.cancellation
    }

    /// Stops extending a lease (its tick ended).
    func drop(_ lease: JobLease) {
        _ = held.withLock { $0.removeValue(forKey: lease) }
    }

    /// Extends the held leases until cancelled.
    func run() async {
        let round = interval / 4
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: round)
            } catch {
                return
            }
            let now = clock.now
            let due = held.withLock { $0.filter { $0.value.extendedAt.duration(to: now) >= interval - round }.map(\.key) }
            if due.isEmpty { continue }
            let results: [Result<HeartbeatResult, QueueError>]
            do {
                results = try await queue.heartbeat(due, extendBy: leaseDuration)
            } catch {
                if !Task.isCancelled { logger.warning("Heartbeat failed", metadata: [LogKey.leases: "\(due.count)", LogKey.error: "\(error)"]) }
                continue
            }
            let refused = held.withLock { held in
                zip(due, results).compactMap { lease, result -> (JobLease, QueueError)? in
                    switch result {
                    case .success(let heartbeat):
                        held[lease]?.extendedAt = now
                        if heartbeat.cancelRequested { held[lease]?.cancellation.set() }
                        return nil
                    case .failure(let error):
                        // A lease dropped meanwhile was refused because its tick ended: nothing to report.
                        return held.removeValue(forKey: lease) == nil ? nil : (lease, error)
                    }
                }
            }
            // Most refusals are a tick that has just reported its outcome and not yet dropped its lease. A lease that
            // was really lost fails the tick's own report, which logs it as an error; here it is only a trace.
            for (lease, error) in refused {
                logger.debug("Lease no longer held", metadata: [LogKey.jobID: "\(lease.jobID)", LogKey.error: "\(error)"])
            }
        }
    }
}
