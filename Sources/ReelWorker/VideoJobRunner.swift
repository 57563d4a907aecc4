public import Logging
import ReelLogging
public import ReelQueue
public import ReelStorage
import ReelTime
import ReelVideo

/// Runs one tick of a video job: the step machine submit → poll* → fetch → done.
///
/// A tick is short. Submitting checkpoints the provider's id and snoozes the job; every poll is a tick of its
/// own after a growing, jittered interval; only the final fetch holds the slot while it streams the content
/// into the blob store. Inputs still in flight (a character being created, a source video rendering) make the
/// job snooze until they are ready. Each step returns a ``VideoTickOutcome``, which ``run(_:)`` reports to the queue.
///
/// ```swift
/// let runner = VideoJobRunner(queue: queue, deployments: directory, gate: gate, blobs: blobs, configuration: configuration,
///                             clock: ContinuousClock(), jobID: { managedID in codec.jobID(of: managedID) }, logger: logger)
/// try await runner.run(claimed)
/// ```
public struct VideoJobRunner<Queue: JobQueueDriver, Blobs: BlobStore, Gate: DeploymentGate, TickClock: Clock<Duration>>: Sendable {
    let queue: Queue
    let deployments: VideoDeploymentDirectory
    let gate: Gate
    let blobs: Blobs
    let configuration: WorkerConfiguration
    /// Measures a tick's time (budgets, the job overhead metric); the queue's clock dates the job.
    let clock: TickClock
    let jobIDForManagedID: @Sendable (String) -> String?
    let logger: Logger
    /// Completes finished jobs, several per queue call when they finish together.
    let completions: QueueCallBatcher<JobCompletion>
    /// Snoozes jobs until their next step, several per queue call when their ticks end together.
    let snoozes: QueueCallBatcher<JobSnooze>

    /// Creates a runner.
    /// - Parameters:
    ///   - queue: The queue the jobs come from.
    ///   - deployments: Provider clients per deployment.
    ///   - gate: Shared rpm, parallelism and cooldown state of the deployments.
    ///   - blobs: Where uploads are read from and results written to.
    ///   - configuration: Poll pacing and deadlines.
    ///   - clock: Measures time within a tick.
    ///   - jobID: The queue job id behind a managed id (`video_…`, `character_…`), nil when the id is not valid.
    ///   - logger: Logger; each job logs with `reel.job.id` metadata.
    public init(
        queue: Queue,
        deployments: VideoDeploymentDirectory,
        gate: Gate,
        blobs: Blobs,
        configuration: WorkerConfiguration,
        clock: TickClock,
        jobID: @escaping @Sendable (String) -> String?,
        logger: Logger
    ) {
        self.queue = queue
        self.deployments = deployments
        self.gate = gate
        self.blobs = blobs
        self.configuration = configuration
        self.clock = clock
        self.jobIDForManagedID = jobID
        self.logger = logger
        self.completions = QueueCallBatcher { try await queue.complete($0) }
        self.snoozes = QueueCallBatcher { try await queue.snooze($0) }
    }

    /// Runs one tick of a claimed job and reports its outcome to the queue (complete, snooze or fail).
    public func run(_ claimed: ClaimedJob) async throws {
        try await run(claimed, cancellation: CancellationFlag())
    }

    package func run(_ claimed: ClaimedJob, cancellation: CancellationFlag) async throws {
        let logger = logger.with(jobID: claimed.job.id)
        var job: VideoJob
        do {
            let clock = clock
            let start = clock.now
            job = try VideoJob(claimed) { start.duration(to: clock.now) }
        } catch {
            logger.error("Job cannot be read", metadata: [LogKey.error: "\(error)"])
            let failure = JobFailure(code: "invalid_job", message: "\(error)", retryable: false)
            _ = try await queue.fail(claimed.lease, failure: failure, record: nil)
            return
        }
        var outcome: VideoTickOutcome
        if claimed.job.cancelRequested || cancellation.isSet {
            outcome = .cancelled
        } else if let exhausted = exhaustedBudget(job, snoozingFor: nil) {
            outcome = exhausted
        } else {
            do {
                outcome = try await advance(&job, cancellation: cancellation, logger: logger)
            } catch is CancellationError where job.step.phase == .submit && job.step.unconfirmedSubmitTo != nil {
                return try await handBackMaybeSubmitted(job, logger: logger)
            }
        }
        if case .snooze(let delay) = outcome {
            if cancellation.isSet {
                outcome = .cancelled
            } else if let exhausted = exhaustedBudget(job, snoozingFor: delay) {
                outcome = exhausted
            }
        }
        try await report(outcome, job: &job, logger: logger)
    }

    /// Hands back a job whose tick was cut short (a shutdown) while the provider may hold it, with the step state
    /// that says so: released without it, the job could move to another deployment and be created twice. The snooze
    /// runs in a task of its own, as this one is cancelled.
    private func handBackMaybeSubmitted(_ job: VideoJob, logger: Logger) async throws {
        let queue = queue
        let checkpoint = JobSnooze(lease: job.claimed.lease, delay: .zero, stepState: job.step.json, record: job.record?.json)
        try await Task { try await queue.snooze([checkpoint]).first?.get() }.value
        logger.info("Job handed back, maybe submitted", metadata: [LogKey.deploymentID: "\(job.step.unconfirmedSubmitTo ?? "")"])
    }

    /// Runs the step machine from the checkpoint until the job is done or has to wait.
    private func advance(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws -> VideoTickOutcome {
        if job.payload.kind == .delete {
            return try await deleteSource(&job, logger: logger)
        }
        while true {
            if cancellation.isSet { return .cancelled }
            switch job.step.phase {
            case .submit:
                if let outcome = try await submit(&job, logger: logger) { return outcome }
            case .poll:
                return try await poll(&job, cancellation: cancellation, logger: logger)
            case .fetch:
                return try await fetch(&job, cancellation: cancellation, logger: logger)
            }
        }
    }
}

extension Logger {
    func with(jobID: String) -> Logger {
        var logger = self
        logger[metadataKey: LogKey.jobID] = "\(jobID)"
        return logger
    }
}
