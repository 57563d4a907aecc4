import Foundation
public import Logging
public import ReelQueue
public import ReelStorage
public import ReelVideo
import ReelTime

/// Runs one tick of a video job: the step machine submit → poll* → fetch → done.
///
/// A tick is short. Submitting checkpoints the provider's id and snoozes the job; every poll is a tick of its
/// own after a growing, jittered interval; only the final fetch holds the slot while it streams the content
/// into the blob store. Inputs still in flight (a character being created, a source video rendering) make the
/// job snooze until they are ready.
///
/// ```swift
/// let runner = VideoJobRunner(queue: queue, deployments: directory, gate: gate, blobs: blobs, configuration: configuration,
///                             jobID: { managedID in codec.jobID(of: managedID) }, logger: logger)
/// try await runner.run(claimed)
/// ```
public struct VideoJobRunner<Queue: JobQueueDriver, Blobs: BlobStore, Gate: DeploymentGate>: Sendable {
    let queue: Queue
    let deployments: VideoDeploymentDirectory
    let gate: Gate
    let blobs: Blobs
    let configuration: WorkerConfiguration
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
    ///   - jobID: The queue job id behind a managed id (`video_…`, `character_…`), nil when the id is not valid.
    ///   - logger: Logger; each job logs with `reel.job.id` metadata.
    public init(
        queue: Queue,
        deployments: VideoDeploymentDirectory,
        gate: Gate,
        blobs: Blobs,
        configuration: WorkerConfiguration,
        jobID: @escaping @Sendable (String) -> String?,
        logger: Logger
    ) {
        self.queue = queue
        self.deployments = deployments
        self.gate = gate
        self.blobs = blobs
        self.configuration = configuration
        self.jobIDForManagedID = jobID
        self.logger = logger
        self.completions = QueueCallBatcher { try await queue.complete($0) }
        self.snoozes = QueueCallBatcher { try await queue.snooze($0) }
    }

    /// Runs one tick of a claimed job and reports its outcome to the queue (complete, snooze or fail).
    public func run(_ claimed: ClaimedJob) async throws {
        try await run(claimed, cancellation: CancellationFlag())
    }

    func run(_ claimed: ClaimedJob, cancellation: CancellationFlag) async throws {
        let logger = logger.with(jobID: claimed.job.id)
        var job: VideoJob
        do {
            job = try VideoJob(claimed)
        } catch {
            logger.error("Job cannot be read", metadata: ["error": "\(error)"])
            let failure = JobFailure(code: "invalid_job", message: "\(error)", retryable: false)
            _ = try await queue.fail(claimed.lease, failure: failure, record: nil)
            return
        }
        do {
            do {
                if claimed.job.cancelRequested || cancellation.isSet { throw JobCancelled() }
                try checkBudgets(job, snoozingFor: nil)
                try await advance(&job, cancellation: cancellation, logger: logger)
                logger.debug("Job completed")
                try await completions.send(JobCompletion(lease: claimed.lease, record: job.record?.json))
                WorkerMetrics.finished(kind: job.payload.kind, status: job.record?.status.rawValue ?? "completed", createdAtMs: claimed.job.createdAtMs)
                if let finishedAt = job.providerFinishedAt { WorkerMetrics.overhead(kind: job.payload.kind, finishedAt.duration(to: .now)) }
            } catch let again as PollAgain {
                if cancellation.isSet { throw JobCancelled() }
                try checkBudgets(job, snoozingFor: again.after)
                logger.trace("Job snoozed", metadata: ["reel.poll.after_ms": "\(again.after.milliseconds)"])
                try await snoozes.send(JobSnooze(lease: claimed.lease, delay: again.after, stepState: job.step.json, record: job.record?.json))
            }
        } catch is JobCancelled {
            logger.info("Job cancelled")
            await cancelAtProvider(job, logger: logger)
            job.record?.deleted = true
            try await completions.send(JobCompletion(lease: claimed.lease, record: job.record?.json))
            WorkerMetrics.finished(kind: job.payload.kind, status: "cancelled", createdAtMs: claimed.job.createdAtMs)
        } catch let failure as VideoJobFailure {
            try await report(failure, job: &job, lease: claimed.lease, logger: logger)
        }
    }

    /// Fails the job the way the failure asks: retry, finish as failed, or dead-letter.
    private func report(_ failure: VideoJobFailure, job: inout VideoJob, lease: JobLease, logger: Logger) async throws {
        let metadata: Logger.Metadata = ["reel.error.code": "\(failure.code)", "reel.error.message": "\(failure.message)"]
        WorkerMetrics.failure(kind: job.payload.kind, code: failure.code)
        switch failure.disposition {
        case .retry:
            logger.info("Job attempt failed", metadata: metadata)
            let outcome = try await queue.fail(
                lease,
                failure: JobFailure(code: failure.code, message: failure.message, retryable: true, retryAfter: failure.retryAfter),
                record: job.record?.json,
                stepState: job.step.json
            )
            if outcome == .deadLettered {
                // The queue's reason (attempts or deadline exhausted) reads `code: message`.
                let given = VideoError(deadLetterReason: try await queue.job(id: lease.jobID)?.lastError)
                job.markFailed(code: given.code, message: "The job was given up (\(given.message)); the last error: \(failure.message)")
                if let record = job.record?.json { _ = try await queue.replaceFinishedRecord(id: lease.jobID, record: record) }
            }
        case .finish:
            logger.info("Job failed", metadata: metadata)
            job.markFailed(code: failure.code, message: failure.message)
            try await completions.send(JobCompletion(lease: lease, record: job.record?.json))
            WorkerMetrics.finished(kind: job.payload.kind, status: "failed", createdAtMs: job.claimed.job.createdAtMs)
        case .deadLetter:
            logger.warning("Job dead-lettered", metadata: metadata)
            await cancelAtProvider(job, logger: logger)
            job.markFailed(code: failure.code, message: failure.message)
            _ = try await queue.fail(
                lease,
                failure: JobFailure(code: failure.code, message: failure.message, retryable: false),
                record: job.record?.json
            )
        }
    }

    /// Ends a job whose budget ran out: at the start of a tick, or before a snooze that would end past the
    /// deadline or beyond the poll budget (so the record says why, rather than the queue dropping it silently).
    private func checkBudgets(_ job: VideoJob, snoozingFor delay: Duration?) throws {
        let snapshot = job.claimed.job
        if let deadline = snapshot.limits.deadline {
            let elapsed = Duration.milliseconds(Int64(Date().timeIntervalSince1970 * 1000) - snapshot.createdAtMs)
            // A snooze ending this close to the deadline would let the queue drop the job at its next claim
            // without a record saying why: end it now instead.
            let margin = delay == nil ? .zero : min(.seconds(1), deadline / 10)
            if elapsed + (delay ?? .zero) + margin >= deadline {
                throw VideoJobFailure.deadLetter(
                    "deadline_exceeded",
                    "The job did not finish within its deadline of \(deadline)."
                )
            }
        }
        if snapshot.stalls > snapshot.limits.maxStalls {
            throw VideoJobFailure.deadLetter(
                "stalled",
                "Workers lost the job \(snapshot.stalls) times (crashed or hung while holding it); the limit is \(snapshot.limits.maxStalls)."
            )
        }
        if delay != nil && snapshot.polls >= snapshot.limits.maxPolls {
            throw VideoJobFailure.deadLetter("polls_exhausted", "The provider did not finish within \(snapshot.limits.maxPolls) polls.")
        }
    }

    /// Runs the step machine from the checkpoint until the job is done or has to wait.
    private func advance(_ job: inout VideoJob, cancellation: CancellationFlag, logger: Logger) async throws {
        if job.payload.kind == .delete {
            return try await deleteSource(&job, logger: logger)
        }
        while true {
            if cancellation.isSet { throw JobCancelled() }
            switch job.step.phase {
            case .submit: try await submit(&job, logger: logger)
            case .poll: return try await poll(&job, cancellation: cancellation, logger: logger)
            case .fetch: return try await fetch(&job, cancellation: cancellation, logger: logger)
            }
        }
    }
}

extension Logger {
    func with(jobID: String) -> Logger {
        var logger = self
        logger[metadataKey: "reel.job.id"] = "\(jobID)"
        return logger
    }
}
