import Foundation
import HTTPTypes
import Hummingbird
import ReelAPI
import ReelAPICore
import ReelQueue
import ReelRedis
import ReelStorage
import ReelTesting
import Testing

/// `reel_settings.redis.replica_acks`: a job too few replicas acknowledged is answered 503 `not_replicated`, by id.
struct ReplicaAcknowledgementFrontTests {
    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func tooFewReplicasAnswer503NamingTheQueuedJob() async throws {
        try await RedisTestEnvironment.withClient { redis in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let front = VideoFront(
                // The test Redis has no replica: no enqueue can be acknowledged by one.
                queue: RedisJobQueue(
                    client: redis,
                    name: "acks-\(UUID().uuidString.prefix(8))",
                    options: JobQueueOptions(replicaAcks: 1, replicaAckTimeout: .milliseconds(50))
                ),
                authenticator: Authenticator(keys: RedisVirtualKeyStore(client: redis), masterKey: TestFront.masterKey),
                blobs: try FileBlobStore(directory: directory),
                routing: try TestFront.routing(idSecret: "test-id-secret-0123456789")
            )
            try await TestFront.withClient(of: front) { client in
                let response = try await client.json(.post, "/v1/videos", body: #"{"prompt":"durable?"}"#)
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.init("x-should-retry")!] == "false")
                let envelope = try response.envelope()
                #expect(envelope["code"] as? String == "not_replicated")
                let message = try #require(envelope["message"] as? String)
                // The message names the job, which is queued on the primary and can be retrieved.
                let id = try #require(message.split(separator: "'").first { $0.hasPrefix("video_") })
                #expect(try await client.json(.get, "/v1/videos/\(id)").status == .ok)
            }
        }
    }
}
