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

/// The front on Redis through Sentinel: 503 while no primary is known, 200 again once one is, without a restart.
struct SentinelFrontTests {
    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func noPrimaryAnswers503AndTheFrontRecoversWithoutRestart() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch(withReplica: false)
        let redis = try RedisClient(url: deployment.url)
        defer { redis.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = VideoFront(
            queue: RedisJobQueue(client: redis, name: "sentinel"),
            authenticator: Authenticator(keys: RedisVirtualKeyStore(client: redis), masterKey: TestFront.masterKey),
            blobs: try FileBlobStore(directory: directory),
            routing: try TestFront.routing(idSecret: "test-id-secret-0123456789")
        )
        try await TestFront.withClient(of: front) { client in
            let body = #"{"prompt":"through sentinel"}"#
            #expect(try await client.json(.post, "/v1/videos", body: body).status == .ok)

            // The sentinels still name the dead primary and have no replica to promote.
            try await deployment.primary.kill()
            let down = try await client.json(.post, "/v1/videos", body: body)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] != nil)

            try await deployment.primary.start()
            let recovered = try await eventually { try await client.json(.post, "/v1/videos", body: body).status == .ok }
            #expect(recovered)
        }
    }
}
