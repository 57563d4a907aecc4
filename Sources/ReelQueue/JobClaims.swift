public import Logging
import ReelLogging

/// The claim loop of a worker: an endless sequence of claimed batches.
///
/// Each step is one blocking ``JobQueueDriver/claim(workerID:max:lease:wait:)``, so an idle loop waits on the
/// queue instead of polling. When Redis is unreachable (a restart, a network blip) the loop logs, backs off from
/// 50 ms up to 2 s, and carries on once Redis is back. It ends when its task is cancelled.
///
/// ```swift
/// for try await batch in queue.claims(workerID: "w1", batch: 16, lease: .seconds(30)) {
///     for job in batch { try await queue.complete(job.lease, record: nil) }
/// }
/// ```
public struct JobClaims<Driver: JobQueueDriver>: AsyncSequence {
    /// A batch of one or more claimed jobs.
    public typealias Element = [ClaimedJob]

    let driver: Driver
    let workerID: String
    let batch: Int
    let lease: Duration
    let wait: Duration
    let logger: Logger

    /// Creates the iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(claims: self)
    }

    /// Claims the next batch.
    public struct Iterator: AsyncIteratorProtocol {
        let claims: JobClaims
        private var backoff: Duration = .milliseconds(50)

        init(claims: JobClaims) {
            self.claims = claims
        }

        /// The next batch, or nil once the task is cancelled.
        public mutating func next() async throws -> [ClaimedJob]? {
            while !Task.isCancelled {
                do {
                    let jobs = try await claims.driver.claim(
                        workerID: claims.workerID, max: claims.batch, lease: claims.lease, wait: claims.wait
                    )
                    backoff = .milliseconds(50)
                    if !jobs.isEmpty { return jobs }
                } catch is CancellationError {
                    return nil
                } catch let error as QueueError where error.code == .redisFailed {
                    claims.logger.warning(
                        "claim failed; retrying",
                        metadata: [LogKey.workerID: "\(claims.workerID)", LogKey.error: "\(error)", LogKey.retryIn: "\(backoff)"]
                    )
                    do { try await Task.sleep(for: backoff) } catch { return nil }
                    backoff = Swift.min(backoff * 2, .seconds(2))
                }
            }
            return nil
        }
    }
}

extension JobQueueDriver {
    /// The claim loop of `workerID`: batches of at most `batch` jobs, each under a lease of `lease`.
    /// - Parameters:
    ///   - workerID: Who holds the leases.
    ///   - batch: At most this many jobs per claim.
    ///   - lease: Lease of each claimed job; heartbeat before it ends.
    ///   - wait: How long one blocking claim waits before it tries again (cancellation is noticed at once).
    ///   - logger: Receives a warning per failed claim.
    public func claims(
        workerID: String,
        batch: Int,
        lease: Duration,
        wait: Duration = .seconds(5),
        logger: Logger = Logger(label: "reel.queue")
    ) -> JobClaims<Self> {
        JobClaims(driver: self, workerID: workerID, batch: batch, lease: lease, wait: wait, logger: logger)
    }
}
