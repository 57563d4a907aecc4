import Foundation
import HTTPTypes
import ReelAPI
import ReelQueue
import Testing
import ReelTesting
import ReelVideo

/// What clients see of jobs that workers left in unusual states.
struct RecordLifecycleTests {
    @Test func aJobDeadLetteredWithoutItsWorkerReadsAsFailed() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            // A worker takes the job; then the queue gives it up without that worker writing the record.
            let claimed = try #require(try await harness.front.queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            let failure = JobFailure(code: "stalls_exhausted", message: "the job's worker stopped answering", retryable: false)
            #expect(try await harness.front.queue.fail(claimed.lease, failure: failure, record: nil) == .deadLettered)

            let video = try await client.json(.get, "/v1/videos/\(id)")
            #expect(video.status == .ok)
            let object = try video.object()
            #expect(object["status"] as? String == "failed")
            #expect((object["error"] as? [String: Any])?["code"] as? String == "stalls_exhausted")
            #expect(object["completed_at"] as? Int != nil)
            #expect(video.headers[HTTPField.Name("openai-poll-after-ms")!] == nil)
        }
    }

    @Test func deletingAVideoBetweenPollsDeletesItAtTheProvider() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            // A worker submitted the video and snoozed until its next poll.
            let claimed = try #require(try await harness.front.queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            var record = try #require(VideoRecord(job: claimed.job))
            record.status = .inProgress
            record.providerObjectID = "video_provider_1"
            let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
            try await harness.front.queue.snooze(claimed.lease, delay: .seconds(60), stepState: "{}", record: json)

            #expect(try await client.json(.delete, "/v1/videos/\(id)").status == .ok)
            #expect(try await client.json(.get, "/v1/videos/\(id)").status == .notFound)
            let deleteJob = try #require(try await harness.front.queue.job(id: "delete-\(claimed.job.id)"))
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(deleteJob.payload.utf8))
            #expect(payload.kind == .delete && payload.sourceVideoID == id)
        }
    }

    @Test func deletingAVideoAWorkerHoldsQueuesItsDeleteAtTheProvider() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            let claimed = try #require(try await harness.front.queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            #expect(try await client.json(.delete, "/v1/videos/\(id)").status == .ok)
            // The worker's tick ends without having seen the cancel: it submitted the video and snoozes.
            var record = try #require(VideoRecord(job: claimed.job))
            record.status = .inProgress
            record.providerObjectID = "video_provider_1"
            let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
            try await harness.front.queue.snooze(claimed.lease, delay: .seconds(60), stepState: "{}", record: json)

            #expect(try await harness.front.queue.job(id: claimed.job.id)?.state == .cancelled)
            #expect(try await client.json(.get, "/v1/videos/\(id)").status == .notFound)
            let deleteJob = try #require(try await harness.front.queue.job(id: "delete-\(claimed.job.id)"))
            let payload = try JSONDecoder().decode(VideoJobPayload.self, from: Data(deleteJob.payload.utf8))
            #expect(payload.kind == .delete && payload.sourceVideoID == id)
        }
    }

    @Test func deletingAVideoNoProviderHasSeenEnqueuesNothing() async throws {
        let harness = try TestFront()
        try await harness.test { client in
            let id = try #require(try await client.json(.post, "/v1/videos", body: #"{"prompt":"x"}"#).object()["id"] as? String)
            #expect(try await client.json(.delete, "/v1/videos/\(id)").status == .ok)
            #expect(try await harness.jobCount() == 1)
        }
    }
}
