import ReelRedis
import ReelTesting
import Testing

/// The client carries on after Redis restarts (each test runs a redis-server of its own).
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisReconnectTests {
    @Test func idleClientCarriesOnAfterARestart() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        _ = try await client.pipeline([["SET", "a", "1"], ["SET", "b", "2"]])  // opens the pooled connections

        try await server.kill()
        try await server.start()
        // The connections closed by the restart are noticed before writing, so nothing fails.
        #expect(try await client.send(["SET", "a", "after"]) == .simpleString("OK"))
        #expect(try await client.send(["GET", "a"]).string == "after")
    }

    @Test func commandsFailWhileRedisIsDownThenSucceed() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))

        try await server.kill()
        let down = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(down?.code == .connectionFailed || down?.code == .connectionLost)

        try await server.start()
        // Retry as a caller would: the backoff after failed attempts is short.
        let reply = try await eventually { try? await client.send(["PING"]) }
        #expect(reply == .simpleString("PONG"))
    }

    @Test func inFlightCommandFailsWithConnectionLost() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let waiter = Task {
            try await client.withDedicatedConnection { connection in
                _ = try await connection.send(["CLIENT", "SETNAME", "waiter"])
                return try await connection.send(["BLPOP", "never", "0"])
            }
        }
        try await client.waitUntilBlocked(clientNamed: "waiter")
        try await server.kill()
        let error = await #expect(throws: RedisError.self) { try await waiter.value }
        #expect(error?.code == .connectionLost)

        try await server.start()
        let popped = try await client.withDedicatedConnection { connection in
            _ = try await connection.send(["RPUSH", "list", "x"])
            return try await connection.send(["BLPOP", "list", "1"])
        }
        #expect(popped.array?.map(\.string) == ["list", "x"])
    }

    @Test func manyConcurrentCallersAcrossARestartAllFinish() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<2_000 {
                group.addTask {
                    if index == 500 { try await server.kill() }
                    if index == 1_000 { try await server.start() }
                    do {
                        _ = try await client.send(["INCR", "counter"])
                        return true
                    } catch let error as RedisError {
                        #expect([.connectionLost, .connectionFailed, .timeout].contains(error.code))
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.count == 2_000)
        // Every caller got an answer, and the client works once Redis is back.
        #expect(try await client.send(["INCR", "counter"]).int != nil)
    }
}
