import ReelAPICore
import Metrics
import ReelCrypto
import ReelStorage
import Foundation
import ReelQueue
import ReelRouting
import ReelVideo

extension VideoFront {
    /// A job the front is about to enqueue, before uploads are committed.
    struct Submission {
        var kind: VideoJobKind
        var modelGroup: String
        var deployment: Deployment
        var uploads: [UploadedFile]
        /// Builds payload and record from the minted ids and the committed uploads (by field).
        var build: (_ managedID: String, _ blobs: [String: BlobReference]) -> (VideoJobPayload, VideoRecord)
    }

    /// Commits the uploads, writes record and job in one enqueue call and returns the record the client sees.
    /// A repeat of an `Idempotency-Key` with the same body returns the first record and enqueues nothing.
    func submit(_ submission: Submission, caller: Caller, form: RequestForm, idempotencyKey: String?, scope: String) async throws
        -> VideoRecord
    {
        if let idempotencyKey { try Self.checkIdempotencyKey(idempotencyKey) }
        // A random UUID without its dashes, in lower case.
        let jobID = SecureRandom.identifier()
        let managedID = try routing.mint(
            submission.kind == .createCharacter ? .character : .video,
            deployment: submission.deployment, modelGroup: submission.modelGroup, jobID: jobID
        )
        var committed: [String: BlobReference] = [:]
        let job: NewJob
        let record: VideoRecord
        do {
            for upload in submission.uploads {
                let key = VideoBlobKey.upload(jobID: jobID, field: upload.field)
                let size = try await blobs.commit(temporaryPath: upload.temporaryPath, as: key)
                committed[upload.field] = BlobReference(key: key, contentType: upload.contentType, filename: upload.filename, size: size)
            }
            let payload: VideoJobPayload
            (payload, record) = submission.build(managedID, committed)
            let owner = submission.kind == .createCharacter ? Self.characterIndex(caller.id) : caller.id
            job = NewJob(
                id: jobID,
                type: submission.kind.rawValue,
                payload: payload.json,
                record: record.json,
                owner: owner,
                idempotencyKey: idempotencyKey.map { "\(caller.id):\(scope):\($0)" },
                idempotencyFingerprint: idempotencyKey == nil ? nil : form.fingerprint,
                limits: options.jobLimits(for: submission.kind),
                // A key's jobs in flight are counted by the queue itself, atomically with the enqueue.
                groupCap: caller.key?.maxInflightJobs.map { GroupCap(group: "key:\(caller.id)", limit: $0) }
            )
        } catch {
            await discard(committed)
            for upload in submission.uploads { try? FileManager.default.removeItem(atPath: upload.temporaryPath) }
            throw error
        }
        let result: EnqueueResult
        do {
            result = try await queue.enqueue(job)
        } catch let error as QueueError where error.code == .notReplicated {
            // The job is queued: say so, with its id, rather than invite a retry that would queue a second one.
            throw APIError(
                .notReplicated,
                "'\(record.id)' was queued, but fewer Redis replicas than required confirmed it in time, so it may be lost if Redis fails over now. Retrieve it by id before submitting again."
            )
        } catch {
            // The reply may be what was lost, after the job was written: the uploads are deleted only once a
            // re-read shows there is no job, and a job that exists is answered as if the reply had come.
            let found: JobSnapshot?
            do {
                found = try await queue.job(id: jobID)
            } catch {
                throw APIError(
                    .serviceUnavailable,
                    "The queue did not confirm the job. Retry with the same Idempotency-Key to get the job if it was created.",
                    retryAfter: .seconds(1)
                )
            }
            guard let found, let existing = VideoRecord(job: found) else {
                await discard(committed)
                throw error
            }
            enqueued.increment()
            return existing
        }
        switch result {
        case .enqueued:
            enqueued.increment()
            return record
        case .duplicate(let firstID):
            await discard(committed)
            guard let first = try await queue.job(id: firstID), let record = VideoRecord(job: first) else { throw APIError(.conflict, "The first request with this Idempotency-Key is no longer available.") }
            return record
        case .conflict:
            await discard(committed)
            throw APIError(
                .conflict,
                "This Idempotency-Key was already used with a different request body. Use a new key for a different request."
            )
        case .groupFull:
            await discard(committed)
            let cap = caller.key?.maxInflightJobs ?? 0
            throw APIError(
                .rateLimited,
                "Key \(caller.id) has \(cap) jobs in flight, its limit. Please retry when one has finished.",
                retryAfter: .seconds(10)
            )
        }
    }

    /// Longest `Idempotency-Key` accepted, in bytes.
    static var maxIdempotencyKeyBytes: Int { 255 }

    /// Refuses an `Idempotency-Key` that is empty, longer than ``maxIdempotencyKeyBytes`` or not printable ASCII: it is
    /// stored with the job for the whole retention.
    static func checkIdempotencyKey(_ key: String) throws(APIError) {
        let printable = key.utf8.allSatisfy { (0x20...0x7E).contains($0) }
        guard !key.isEmpty, key.utf8.count <= maxIdempotencyKeyBytes, printable else {
            throw APIError(
                .invalidRequest,
                "Invalid Idempotency-Key header: expected 1 to \(maxIdempotencyKeyBytes) printable ASCII characters.",
                param: "Idempotency-Key"
            )
        }
    }

    /// The owner index that lists a caller's characters (kept apart from its videos).
    static func characterIndex(_ owner: String) -> String { "\(owner)#characters" }

    private func discard(_ committed: [String: BlobReference]) async {
        for blob in committed.values { try? await blobs.delete(key: blob.key) }
    }
}
