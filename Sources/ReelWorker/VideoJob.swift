import Foundation
import ReelQueue
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
    /// When this tick saw the provider report the object finished (for the job overhead metric).
    var providerFinishedAt: ContinuousClock.Instant?

    /// Decodes a claimed job.
    /// - Throws: ``WorkerError`` with code `invalidJob` when the payload, record or step state cannot be read.
    init(_ claimed: ClaimedJob) throws {
        self.claimed = claimed
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
    mutating func markFailed(code: String, message: String) {
        record?.status = .failed
        record?.error = VideoError(code: code, message: message)
        record?.completedAt = Self.now()
    }

    /// Unix seconds now.
    static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }

    private static func decode<T>(_ what: String, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch {
            throw WorkerError(.invalidJob, message: "the job's \(what) is not valid", underlying: error)
        }
    }
}
