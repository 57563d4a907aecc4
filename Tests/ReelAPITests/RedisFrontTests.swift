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

/// The front on a real Redis: the key store, and the answers while Redis is down and after it returns.
struct RedisFrontTests {
    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func virtualKeysAreStoredHashedAndRevocable() async throws {
        try await RedisTestEnvironment.withClient { client in
            let prefix = RedisTestEnvironment.uniqueKeyPrefix() + "keys"
            let store = RedisVirtualKeyStore(client: client, prefix: prefix)
            let (secret, key) = try await store.create(VirtualKeySpec(alias: "ci", models: ["openai/*"], rpmLimit: 5, maxInflightJobs: 2))
            #expect(try await store.key(secretHash: VirtualKey.hash(secret: secret)) == key)
            #expect(try await store.list().map(\.id) == [key.id])
            let names = try #require(try await client.send(["KEYS", "\(prefix):*"]).array).compactMap(\.string)
            #expect(names.count == 3)
            for name in names {
                #expect(!name.contains(secret))
                let value: String
                switch try await client.send(["TYPE", name]).string {
                case "string": value = try await client.send(["GET", name]).string ?? ""
                default: value = (try await client.send(["SMEMBERS", name]).array ?? []).compactMap(\.string).joined()
                }
                #expect(!value.contains(secret) && !value.contains(secret.dropFirst(8)))
            }
            #expect(try await store.countRequest(keyID: key.id) == 1)
            #expect(try await store.countRequest(keyID: key.id) == 2)
            #expect(try await store.revoke(id: key.id))
            #expect(try await store.key(secretHash: key.secretHash) == nil)
            _ = try await client.send(["DEL"] + (try await client.send(["KEYS", "\(prefix):*"]).array ?? []).compactMap(\.string) + ["\(prefix):none"])
        }
    }

    @Test(.enabled(if: RedisTestEnvironment.shouldRun))
    func redisDownAnswers503AndTheFrontRecoversWithoutRestart() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let front = VideoFront(
            queue: RedisJobQueue(client: client, name: "outage-\(UUID().uuidString.prefix(8))"),
            authenticator: Authenticator(keys: RedisVirtualKeyStore(client: client), masterKey: TestFront.masterKey),
            blobs: try FileBlobStore(directory: directory),
            routing: try TestFront.routing(idSecret: "test-id-secret-0123456789")
        )
        try await TestFront.withClient(of: front) { client in
            let body = #"{"prompt":"before the outage"}"#
            let created = try await client.json(.post, "/v1/videos", body: body)
            #expect(created.status == .ok)
            let id = try #require(try created.object()["id"] as? String)

            try await server.kill()
            let down = try await client.json(.post, "/v1/videos", body: body)
            #expect(down.status == .serviceUnavailable)
            #expect(down.headers[.retryAfter] != nil)
            #expect(try down.envelope()["type"] as? String == "server_error")
            #expect(try await client.json(.get, "/v1/videos/\(id)").status == .serviceUnavailable)

            try await server.start()
            let recovered = try await eventually(interval: .milliseconds(100)) {
                try await client.json(.post, "/v1/videos", body: #"{"prompt":"after the outage"}"#).status == .ok
            }
            #expect(recovered)
        }
        try await server.kill()
    }
}
