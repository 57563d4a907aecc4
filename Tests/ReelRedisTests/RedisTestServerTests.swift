import ReelRedis
import ReelTesting
import Testing

/// The test server's own lifecycle: a clean stop ends the process (and keeps AOF data for the next start).
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"), .timeLimit(.minutes(1)))
struct RedisTestServerTests {
    @Test func stopEndsTheServerAndStartBringsBackItsData() async throws {
        let server = try await RedisTestServer.launch(arguments: ["--appendonly", "yes"])
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        #expect(try await client.send(["SET", "kept", "1"]) == .simpleString("OK"))

        try await server.stop()
        await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        try await server.start()
        let value = try await eventually { try? await client.send(["GET", "kept"]).string }
        #expect(value == "1")
        try await server.stop()
    }

    @Test func stopEndsASuspendedServer() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
        await server.suspend()
        try await server.stop()
        await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
    }
}
