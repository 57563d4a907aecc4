import Foundation
import InMemoryLogging
import Logging
import ReelRedis
import ReelTesting
import Testing

/// The client finds the primary through Redis Sentinel and follows it across failovers (each test runs a
/// primary, a replica and three sentinels of its own). One test at a time: started all at once, their dozens of
/// processes would starve the other suites' timed tests on a two-core machine.
@Suite(.serialized, .enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisSentinelTests {
    @Test func findsThePrimaryThroughTheSentinels() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch(withReplica: false)
        let client = try RedisClient(url: deployment.url)
        defer { client.close() }
        _ = try await client.send(["SET", "greeting", "hello"])

        let primary = try RedisClient(url: deployment.primary.url)
        defer { primary.close() }
        #expect(try await primary.send(["GET", "greeting"]).string == "hello")
    }

    @Test func poolWaiterAndSubscriptionFollowAFailover() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch()
        let replica = try #require(deployment.replica)
        let client = try RedisClient(url: deployment.url)
        defer { client.close() }
        _ = try await client.pipeline([["SET", "before", "1"], ["SET", "before", "2"]])  // opens the pooled connections

        let waiter = Task {
            // A blocked waiter fails once when its primary goes away, then waits again on the new one.
            while true {
                do {
                    return try await client.withDedicatedConnection { connection in
                        _ = try await connection.send(["CLIENT", "SETNAME", "waiter"])
                        return try await connection.send(["BLPOP", "jobs", "0"])
                    }
                } catch is RedisError {
                    continue
                }
            }
        }
        defer { waiter.cancel() }
        let listener = Task {
            for try await message in client.subscribe(channels: ["news"]) where message.string == "after" { return true }
            return false
        }
        defer { listener.cancel() }
        try await client.waitUntilBlocked(clientNamed: "waiter")
        try await client.waitForSubscribers(1, on: "news")

        try await deployment.failover()

        let newPrimary = try RedisClient(url: replica.url)
        defer { newPrimary.close() }
        #expect(try await newPrimary.send(["ROLE"]).array?.first?.string == "master")
        // Pool: a write lands on the new primary once the client has heard of the switch.
        let written = try await eventually {
            _ = try? await client.send(["SET", "after", "1"])
            return try await newPrimary.send(["GET", "after"]).string == "1"
        }
        #expect(written)
        // Subscription: it subscribes again, on the new primary.
        #expect(try await eventually { try await newPrimary.send(["PUBLISH", "news", "after"]).int == 1 })
        #expect(try await listener.value)
        // Waiter: it waits again, on the new primary.
        _ = try await newPrimary.send(["RPUSH", "jobs", "x"])
        #expect(try await waiter.value.array?.map(\.string) == ["jobs", "x"])
    }

    @Test func theReplicaTakesOverWhenThePrimaryDies() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch()
        let replica = try #require(deployment.replica)
        let logs = InMemoryLogHandler()
        let client = try RedisClient(url: deployment.url, logger: Logger(label: "test") { _ in logs })
        defer { client.close() }
        // Acknowledged by the replica, so the write survives the primary's death.
        #expect(try await client.send(["SET", "before", "1"], awaitingReplicas: 1, timeout: .seconds(10)).replicas == 1)

        try await deployment.primary.kill()
        let down = await #expect(throws: RedisError.self) { try await client.send(["GET", "before"]) }
        #expect(down?.code == .noPrimary || down?.code == .connectionLost, "\(down.map { "\($0)" } ?? "")")

        // The sentinels agree the primary is down (500 ms) and promote the replica: the client carries on.
        let after = try await eventually(interval: .milliseconds(50)) { try? await client.send(["GET", "before"]) }
        #expect(after?.string == "1")
        #expect(try await deployment.primaryPort() == replica.port)
        // The log names the primary found at start and the one it switched to, whether the sentinels' announcement or
        // the client's own query after the failed connection found it first.
        func logged(_ message: String, port: Int) -> Bool {
            logs.entries.contains { $0.message == "\(message)" && $0.metadata["reel.redis.endpoint"] == "127.0.0.1:\(port)" }
        }
        #expect(logged("Redis primary found", port: deployment.primary.port))
        #expect(try await eventually { logged("Redis primary switched", port: replica.port) })
    }

    @Test func commandsFailFastWhileNoPrimaryIsKnownThenRecover() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch(withReplica: false)
        let client = try RedisClient(url: deployment.url)
        defer { client.close() }
        _ = try await client.send(["SET", "before", "1"])

        try await deployment.primary.kill()
        // The sentinels still name the dead primary and have no replica to promote.
        // Fast: the refusal is `noPrimary` (the connection was refused), not a command's `timeout`.
        let error = try await eventually { () async throws -> RedisError? in
            do {
                _ = try await client.send(["GET", "before"])
                return nil
            } catch let error as RedisError where error.code == .noPrimary {
                return error
            } catch {
                return nil
            }
        }
        #expect(error?.message?.contains("'\(RedisSentinelTestDeployment.masterName)'") == true, "\(error.map { "\($0)" } ?? "")")

        try await deployment.primary.start()
        let after = try await eventually { try? await client.send(["PING"]) }
        #expect(after == .simpleString("PONG"))
    }

    @Test func aDemotedPrimaryIsLeftEvenWithoutAnAnnouncement() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch(withReplica: false)
        // One connection, so that each command below takes the same one.
        let client = RedisClient(configuration: try RedisConfiguration(url: deployment.url, poolSize: 1))
        defer { client.close() }
        _ = try await client.send(["SET", "before", "1"])
        let direct = try RedisClient(url: deployment.primary.url)
        defer { direct.close() }

        // Demoted behind the sentinels' back (a replica of a port where nothing listens): no +switch-master.
        _ = try await direct.send(["REPLICAOF", "127.0.0.1", "1"])
        let refused = await #expect(throws: RedisError.self) { try await client.send(["SET", "during", "1"]) }
        #expect(refused?.message?.hasPrefix("READONLY") == true)
        // That reply drops the connection; the next one asks the sentinels and checks the role.
        let noPrimary = await #expect(throws: RedisError.self) { try await client.send(["SET", "during", "1"]) }
        #expect(noPrimary?.code == .noPrimary)
        #expect(noPrimary?.message?.contains("but it is a replica") == true, "\(noPrimary.map { "\($0)" } ?? "")")

        _ = try await direct.send(["REPLICAOF", "NO", "ONE"])
        let after = try await eventually { try? await client.send(["SET", "after", "1"]) }
        #expect(after == .simpleString("OK"))
    }

    @Test func anUnknownMasterNameIsAClearError() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch(withReplica: false)
        let url = deployment.url.replacingOccurrences(of: "/\(RedisSentinelTestDeployment.masterName)", with: "/unknown")
        let client = try RedisClient(url: url)
        defer { client.close() }
        let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(error?.code == .noPrimary)
        #expect(error?.message?.contains("monitors no master named 'unknown'") == true, "\(error.map { "\($0)" } ?? "")")
    }
}
