import ReelQueue
import ReelTime
import ReelVideo

/// A claimed video job decoded: its payload, its client-visible record and its checkpointed step.
struct VideoJob: Sendable {
    /// The claim.
    let claimed: ClaimedJob
    /// What to do.
    let payload: VideoJobPayload
    /// The record clients read; nil only for delete jobs enqueued without one.
    var record: VideoRecord?
    /// Progress so far.
    var step: VideoJobStep
    /// The queue's time now, in epoch milliseconds: its time at the claim plus the time the tick has run since.
    let queueTimeMs: @Sendable () -> Int64
    /// When this tick saw the provider report the object finished, in queue time (for the job overhead metric).
    var providerFinishedAtMs: Int64?

    /// Decodes a claimed job.
    /// - Parameters:
    ///   - claimed: The claim.
    ///   - elapsed: The time the tick has run so far, on the worker's clock.
    /// - Throws: ``WorkerError`` with code `invalidJob` when the payload, record or step state cannot be read.
    init(_ claimed: ClaimedJob, elapsed: @escaping @Sendable () -> Duration) throws {
        self.claimed = claimed
        self.queueTimeMs = { claimed.claimedAtMs + elapsed().milliseconds }
        let snapshot = claimed.job
        payload = try Self.decode("payload") { try VideoJobPayload(json: snapshot.payload) }
        guard payload.kind.rawValue == snapshot.type else {
            throw WorkerError(.invalidJob, message: "the job type \(snapshot.type) does not match its payload kind \(payload.kind.rawValue)")
        }
        record = try snapshot.record.map { json in
            guard let record = VideoRecord(json: json) else { throw WorkerError(.invalidJob, message: "the job's record is not valid") }
            return record
        }
        if record == nil && payload.kind != .delete {
            throw WorkerError(.invalidJob, message: "the job has no record")
        }
        step = try snapshot.stepState.map { json in try Self.decode("step state") { try VideoJobStep(json: json) } } ?? VideoJobStep()
    }

    /// Marks the record failed with an error, now.
    mutating func markFailed(_ error: VideoError) {
        record?.status = .failed
        record?.error = error
        record?.completedAt = queueTimeMs() / 1000
    }

    /// Marks the record completed, now.
    mutating func markCompleted() {
        record?.status = .completed
        record?.progress = 100
        record?.completedAt = queueTimeMs() / 1000
        record?.expiresAt = step.expiresAt
        record?.error = nil
    }

    private static func decode<T>(_ what: String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch {
            throw WorkerError(.invalidJob, message: "the job's \(what) is not valid", underlying: error)
        }
    }
}
