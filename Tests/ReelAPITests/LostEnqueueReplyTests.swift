import Foundation
import Hummingbird
import ReelAPI
import ReelQueue
import ReelVideo
import ReelStorage
import Testing
import ReelTesting
import ReelAPICore

/// A memory queue whose enqueue reply gets lost: the job is written, then the call throws, as when the
/// connection to Redis breaks between the command and its reply.
struct LostReplyQueue: JobQueueDriver {
    struct ReplyLost: Error {}
    let inner = MemoryJobQueue.memory()

    func enqueue(_ job: NewJob) async throws -> EnqueueResult {
        _ = try await inner.enqueue(job)
        throw ReplyLost()
    }
    func claim(workerID: String, max: Int, lease: Duration, wait: Duration) async throws -> [ClaimedJob] {
        try await inner.claim(workerID: workerID, max: max, lease: lease, wait: wait)
    }
    func heartbeat(_ leases: [JobLease], extendBy: Duration) async throws -> [Result<HeartbeatResult, QueueError>] {
        try await inner.heartbeat(leases, extendBy: extendBy)
    }
    func complete(_ completions: [JobCompletion]) async throws -> [Result<Void, QueueError>] { try await inner.complete(completions) }
    func snooze(_ snoozes: [JobSnooze]) async throws -> [Result<Void, QueueError>] { try await inner.snooze(snoozes) }
    func fail(_ lease: JobLease, failure: JobFailure, record: String?, stepState: String?) async throws -> FailOutcome {
        try await inner.fail(lease, failure: failure, record: record, stepState: stepState)
    }
    func release(_ lease: JobLease) async throws { try await inner.release(lease) }
    func cancel(id: String) async throws -> CancelOutcome { try await inner.cancel(id: id) }
    func signal(id: String) async throws -> Bool { try await inner.signal(id: id) }
    func updateRecord(_ lease: JobLease, record: String) async throws { try await inner.updateRecord(lease, record: record) }
    func replaceFinishedRecord(id: String, record: String) async throws -> Bool { try await inner.replaceFinishedRecord(id: id, record: record) }
    func job(id: String) async throws -> JobSnapshot? { try await inner.job(id: id) }
    func jobs(owner: String, after: String?, limit: Int, descending: Bool) async throws -> JobPage {
        try await inner.jobs(owner: owner, after: after, limit: limit, descending: descending)
    }
    func stats() async throws -> QueueStats { try await inner.stats() }
    func deadJobs(limit: Int) async throws -> [JobSnapshot] { try await inner.deadJobs(limit: limit) }
    func replay(id: String) async throws -> Bool { try await inner.replay(id: id) }
    func setPaused(_ paused: Bool) async throws { try await inner.setPaused(paused) }
    func setConcurrencyLimit(_ limit: Int?) async throws { try await inner.setConcurrencyLimit(limit) }
    func reap() async throws -> ReapReport { try await inner.reap() }
}

struct LostEnqueueReplyTests {
    @Test func aJobWrittenDespiteALostReplyIsAnsweredAndKeepsItsUpload() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-lost-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let queue = LostReplyQueue()
        let front = VideoFront(
            queue: queue,
            authenticator: Authenticator(keys: MemoryVirtualKeyStore(), masterKey: TestFront.masterKey),
            blobs: try FileBlobStore(directory: directory),
            routing: try TestFront.routing(idSecret: "test-id-secret-0123456789")
        )
        try await TestFront.withClient(of: front) { client in
            var form = Multipart()
            form.field("prompt", "A cat")
            form.file("input_reference", filename: "ref.png", contentType: "image/png", Array(repeating: 7, count: 500))
            let response = try await client.multipart("/v1/videos", form)
            #expect(response.status == .ok, "\(String(buffer: response.body))")

            let job = try #require(try await queue.inner.jobs(owner: "master", after: nil, limit: 10, descending: true).jobs.first)
            #expect(try response.object()["id"] as? String != nil)
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(job.payload.utf8))
            guard case .upload(let blob)? = payload.inputReference else {
                Issue.record("expected an uploaded input reference")
                return
            }
            #expect(try front.blobs.path(for: blob.key) != nil, "the upload of a job that exists was deleted")
        }
    }
}
