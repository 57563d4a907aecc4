public import Logging
import ReelLogging
public import ReelQueue
public import ReelStorage
public import ServiceLifecycle

/// A worker process's job loop: claims video jobs into `concurrency` slots and runs one tick of each, while one
/// heartbeat loop extends the leases of all running ticks.
///
/// On graceful shutdown it stops claiming, lets running ticks finish within the grace period and hands the rest
/// back to the queue (their leases released, not left to expire). A cancel request seen at a heartbeat stops the
/// job at its next step.
///
/// ```swift
/// let worker = WorkerService(runner: runner, configuration: configuration, logger: logger)
/// let group = ServiceGroup(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public struct WorkerService<Queue: JobQueueDriver, Blobs: BlobStore, Gate: DeploymentGate, TickClock: Clock<Duration>>: Service {
    let runner: VideoJobRunner<Queue, Blobs, Gate, TickClock>
    let configuration: WorkerConfiguration
    let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - runner: Runs each tick.
    ///   - configuration: Slots, lease, heartbeat, claim wait and grace period.
    ///   - logger: Logger.
    public init(runner: VideoJobRunner<Queue, Blobs, Gate, TickClock>, configuration: WorkerConfiguration, logger: Logger) {
        self.runner = runner
        self.configuration = configuration
        self.logger = logger
    }

    private var queue: Queue { runner.queue }

    /// Claims and runs jobs until graceful shutdown or cancellation.
    public func run() async throws {
        let slots = WorkerSlots(capacity: configuration.concurrency)
        let leases = LeaseKeeper(
            queue: queue,
            clock: runner.clock,
            interval: configuration.heartbeatInterval,
            leaseDuration: configuration.leaseDuration,
            logger: logger
        )
        logger.info("Worker started", metadata: [LogKey.workerID: "\(configuration.workerID)", LogKey.workerConcurrency: "\(configuration.concurrency)"])
        await withTaskGroup(of: Void.self) { heartbeats in
            // One loop extends the leases of all running ticks, until the last tick has ended.
            heartbeats.addTask { await leases.run() }
            await runTicks(slots: slots, leases: leases)
            heartbeats.cancelAll()
        }
        logger.info("Worker stopped")
    }

    /// The claim loop, then the shutdown: running ticks finish within the grace period, the rest are handed back.
    private func runTicks(slots: WorkerSlots, leases: LeaseKeeper<Queue, TickClock>) async {
        await withDiscardingTaskGroup { group in
            await withGracefulShutdownHandler {
                while !Task.isCancelled {
                    let free = await slots.waitForFree()
                    if free == 0 { break }
                    let claimed: [ClaimedJob]
                    do {
                        // A shutdown ends the claim's wait at once: an idle worker stops without waiting it out.
                        claimed = try await cancelWhenGracefulShutdown { [queue, configuration] in
                            try await queue.claim(
                                workerID: configuration.workerID,
                                max: free,
                                lease: configuration.leaseDuration,
                                wait: configuration.claimWait
                            )
                        }
                    } catch is CancellationError {
                        break
                    } catch {
                        logger.error("Claim failed", metadata: [LogKey.error: "\(error)"])
                        try? await runner.clock.sleep(for: .seconds(1))
                        continue
                    }
                    if slots.isClosed {
                        for job in claimed { await handBack(job.lease) }
                        break
                    }
                    for job in claimed {
                        slots.take()
                        WorkerMetrics.active(slots.active)
                        let cancellation = leases.hold(job.lease)
                        // One tick of a claimed job; gives its slot back when done.
                        group.addTask {
                            await tick(job, cancellation: cancellation)
                            leases.drop(job.lease)
                            slots.give()
                            WorkerMetrics.active(slots.active)
                        }
                    }
                }
            } onGracefulShutdown: {
                slots.close()
            }
            logger.info("Worker stops claiming", metadata: [LogKey.workerActive: "\(slots.active)"])
            if await !slots.waitUntilIdle(within: configuration.shutdownGracePeriod, on: runner.clock) {
                logger.info("Grace period over; handing jobs back", metadata: [LogKey.workerActive: "\(slots.active)"])
                group.cancelAll()
            }
        }
    }

    /// Runs one tick of a job; `cancellation` reports a cancel request seen by a heartbeat of its lease.
    private func tick(_ claimed: ClaimedJob, cancellation: CancellationFlag) async {
        do {
            try await runner.run(claimed, cancellation: cancellation)
            WorkerMetrics.tick(outcome: "ok")
        } catch {
            if Task.isCancelled {
                await handBack(claimed.lease)
                WorkerMetrics.tick(outcome: "released")
            } else {
                logger.error("Tick failed", metadata: [LogKey.jobID: "\(claimed.job.id)", LogKey.error: "\(error)"])
                WorkerMetrics.tick(outcome: "error")
                let failure = JobFailure(code: "worker_error", message: "\(error)", retryable: true)
                _ = try? await queue.fail(claimed.lease, failure: failure, record: nil)
            }
        }
    }

    /// Releases a lease without counting an attempt, outside the (possibly cancelled) current task.
    private func handBack(_ lease: JobLease) async {
        let queue = queue
        let logger = logger
        // Unstructured so that the release runs even when the calling task is cancelled.
        await Task {
            do {
                try await queue.release(lease)
            } catch {
                logger.warning("Release failed", metadata: [LogKey.jobID: "\(lease.jobID)", LogKey.error: "\(error)"])
            }
        }.value
    }
}
