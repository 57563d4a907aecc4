import ReelRedis
import ReelTesting
import Testing

/// `send(_:awaitingReplicas:timeout:)`: `WAIT` after a write, on a connection of its own.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisReplicaAcknowledgementTests {
    @Test func waitCountsTheReplicasThatAcknowledged() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch()
        let client = try RedisClient(url: deployment.url)
        defer { client.close() }
        let (reply, replicas) = try await client.send(["SET", "durable", "1"], awaitingReplicas: 1, timeout: .seconds(10))
        #expect(reply == .simpleString("OK"))
        #expect(replicas == 1)
    }

    @Test func waitReportsTooFewReplicas() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "lonely"
            let (reply, replicas) = try await client.send(["SET", key, "1"], awaitingReplicas: 1, timeout: .milliseconds(50))
            #expect(reply == .simpleString("OK"))
            #expect(replicas == 0)
            let refused = await #expect(throws: RedisError.self) {
                try await client.send(["LPUSH", key, "x"], awaitingReplicas: 1, timeout: .milliseconds(50))
            }
            #expect(refused?.code == .replyError)
        }
    }
}
