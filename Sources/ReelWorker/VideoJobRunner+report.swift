import Logging
import ReelLogging
import ReelQueue
import ReelStorage
import ReelVideo
import ReelTime

extension VideoJobRunner {
    /// Tells the queue what the tick decided, with the record and step state the tick left.
    func report(_ outcome: VideoTickOutcome, job: inout VideoJob, logger: Logger) async throws {
        let lease = job.claimed.lease
        let kind = job.payload.kind
        switch outcome {
        case .completed:
            logger.debug("Job completed")
            try await completions.send(JobCompletion(lease: lease, record: job.record?.json))
            await deleteUpload(of: job, logger: logger)
            WorkerMetrics.finished(kind: kind, status: job.record?.status.rawValue ?? "completed", elapsedMs: job.elapsedSinceEnqueueMs)
            if let finishedAt = job.providerFinishedAtMs { WorkerMetrics.overhead(kind: kind, .milliseconds(job.queueTimeMs() - finishedAt)) }
        case .snooze(let delay):
            logger.trace("Job snoozed", metadata: [LogKey.pollAfterMilliseconds: "\(delay.milliseconds)"])
            try await snoozes.send(JobSnooze(lease: lease, delay: delay, stepState: job.step.json, record: job.record?.json))
        case .cancelled:
            logger.info("Job cancelled")
            await cancelAtProvider(job, logger: logger)
            job.record?.deleted = true
            try await completions.send(JobCompletion(lease: lease, record: job.record?.json))
            await deleteUpload(of: job, logger: logger)
            WorkerMetrics.finished(kind: kind, status: "cancelled", elapsedMs: job.elapsedSinceEnqueueMs)
        case .retry(let error, let after):
            logger.info("Job attempt failed", metadata: Self.metadata(error))
            WorkerMetrics.failure(kind: kind, code: error.code)
            let failure = JobFailure(code: error.code, message: error.message, retryable: true, retryAfter: after)
            let queued = try await queue.fail(lease, failure: failure, record: job.record?.json, stepState: job.step.json)
            if queued == .deadLettered {
                // The queue's reason (attempts or deadline exhausted) reads `code: message`.
                let given = VideoError(deadLetterReason: try await queue.job(id: lease.jobID)?.lastError)
                job.markFailed(VideoError(code: given.code, message: "The job was given up (\(given.message)); the last error: \(error.message)"))
                if let record = job.record?.json { _ = try await queue.replaceFinishedRecord(id: lease.jobID, record: record) }
            }
        case .failed(let error):
            logger.info("Job failed", metadata: Self.metadata(error))
            WorkerMetrics.failure(kind: kind, code: error.code)
            job.markFailed(error)
            try await completions.send(JobCompletion(lease: lease, record: job.record?.json))
            await deleteUpload(of: job, logger: logger)
            WorkerMetrics.finished(kind: kind, status: "failed", elapsedMs: job.elapsedSinceEnqueueMs)
        case .deadLettered(let error):
            logger.warning("Job dead-lettered", metadata: Self.metadata(error))
            WorkerMetrics.failure(kind: kind, code: error.code)
            await cancelAtProvider(job, logger: logger)
            job.markFailed(error)
            _ = try await queue.fail(lease, failure: JobFailure(code: error.code, message: error.message, retryable: false), record: job.record?.json)
        }
    }

    /// Deletes the file a client uploaded for the job once the job has ended for good (completed, failed or
    /// cancelled): nothing reads it again. A dead-lettered job keeps it for a replay; the front deletes it with the
    /// video. A failed delete is logged: the job's outcome stands.
    private func deleteUpload(of job: VideoJob, logger: Logger) async {
        guard let upload = job.payload.uploadedFile else { return }
        do {
            try await blobs.delete(key: upload.key)
        } catch {
            logger.warning("Upload not deleted", metadata: [LogKey.blobKey: "\(upload.key)", LogKey.error: "\(error)"])
        }
    }

    private static func metadata(_ error: VideoError) -> Logger.Metadata {
        [LogKey.errorCode: "\(error.code)", LogKey.errorMessage: "\(error.message)"]
    }
}

extension VideoJob {
    /// Time since the job was enqueued, on the queue's clock.
    var elapsedSinceEnqueueMs: Int64? {
        claimed.job.createdAtMs > 0 ? queueTimeMs() - claimed.job.createdAtMs : nil
    }
}
