import Foundation
import Logging
import Metrics
public import NIOPosix
public import ReelAPICore
import ReelCrypto
public import ReelQueue
import ReelRouting
public import ReelStorage
import ReelVideo
public import ReelTime

/// Everything the video routes share: the queue, the authenticator, the blob store, routing, options and clocks; and
/// what every route does with them: admit a caller, find its objects, and submit a job with its record.
///
/// ```swift
/// let front = VideoFront(queue: queue, authenticator: Authenticator(keys: keys, masterKey: "sk-master"), blobs: blobs, routing: routing)
/// let app = buildApplication(front: front, configuration: .init(address: .hostname("127.0.0.1", port: 4000)))
/// ```
public struct VideoFront<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>: Sendable {
    /// The job queue (records live with the jobs).
    public let queue: Queue
    /// Who a request's key names; holds the virtual keys.
    public let authenticator: Authenticator<Keys>
    /// Uploads and results.
    public let blobs: Blobs
    /// Model access, selection and managed IDs.
    public let routing: VideoRouting
    /// Knobs.
    public let options: APIOptions
    /// Unix time, for record timestamps and rate-limit minutes.
    public let wallClock: WallClock
    let bodyReader: RequestBodyReader
    /// Jobs waiting in the queue, read at most every 250 ms; nil without ``APIOptions/maxQueuedJobs``.
    let queueDepth: CachedReading<Int>?
    let enqueued = Counter(label: APIMetrics.enqueued)

    /// Creates the front.
    /// - Parameters:
    ///   - clock: measures the queue-depth re-read interval.
    ///   - wallClock: Unix time, for record timestamps and rate-limit minutes.
    public init(
        queue: Queue,
        authenticator: Authenticator<Keys>,
        blobs: Blobs,
        routing: VideoRouting,
        options: APIOptions = .init(),
        clock: IntervalClock = .continuous,
        wallClock: WallClock = .system,
        threadPool: NIOThreadPool = .singleton
    ) {
        self.queue = queue
        self.authenticator = authenticator
        self.blobs = blobs
        self.routing = routing
        self.options = options
        self.wallClock = wallClock
        self.bodyReader = RequestBodyReader(
            maxUploadBytes: options.maxUploadBytes,
            maxFieldBytes: options.maxFieldBytes,
            makeTemporaryPath: { [blobs] in blobs.makeTemporaryPath() },
            threadPool: threadPool
        )
        self.queueDepth = options.maxQueuedJobs.map { _ in
            CachedReading(ttl: .milliseconds(250), clock: clock) { [queue] in
                let stats = try await queue.stats()
                return (stats.counts[.ready] ?? 0) + (stats.counts[.scheduled] ?? 0)
            }
        }
    }

    /// Virtual keys.
    public var keys: Keys { authenticator.keys }

    /// Checks, before any work, that the caller may start another job: its rate and the queue's capacity (its
    /// in-flight cap is checked by the enqueue itself). Each refusal is a 429 with `retry-after`.
    func admit(_ caller: Caller) async throws {
        try await authenticator.admitRate(caller)
        if let limit = options.maxQueuedJobs, let depth = try await queueDepth?.value(), depth >= limit {
            throw APIError(.queueFull, "The queue is at capacity (\(limit) jobs waiting). Please retry later.", retryAfter: .seconds(5))
        }
    }
}

extension VideoFront {
    /// A caller's object by managed ID, with its job. Unknown, forged, foreign and deleted IDs are all the same 404.
    func ownedRecord(_ id: String, object: VideoRecord.Object, caller: Caller) async throws -> (record: VideoRecord, job: JobSnapshot) {
        let notFound = APIError(
            .notFound,
            object == .video ? "Video with id '\(id)' not found." : "Character with id '\(id)' not found.",
            param: object == .video ? "video_id" : "character_id"
        )
        guard let managed = routing.codec.decode(id, as: object == .video ? .video : .character),
            let job = try await queue.job(id: managed.objectID),
            let record = VideoRecord(job: job),
            record.id == id, record.object == object, record.owner == caller.id,
            !record.deleted, !job.cancelRequested, job.state != .cancelled
        else { throw notFound }
        return (record, job)
    }
}

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
