import ReelRedis
import ReelTesting
import Testing

@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisDedicatedConnectionTests {
    @Test func blockingPopWakesWhenAnotherClientAdds() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "ready"
            let name = "waiter-" + key.filter { $0.isLetter || $0.isNumber }
            async let popped = client.withDedicatedConnection { connection in
                _ = try await connection.send(["CLIENT", "SETNAME", name])
                return try await connection.send(["BZPOPMIN", key, "10"])
            }
            try await client.waitUntilBlocked(clientNamed: name)
            _ = try await client.send(["ZADD", key, "7", "job-1"])
            #expect(try await popped.array?.map(\.string) == [key, "job-1", "7"])
        }
    }

    @Test func blockingTimeLongerThanTheCommandTimeoutIsAllowed() async throws {
        let url = try #require(try RedisTestEnvironment.url())
        // The server answers both waits after 3 s. The dedicated connection allows 3 s plus the 2 s command timeout,
        // room enough for a busy server; the shared one gives up at 2 s, a second before any answer can come.
        let client = RedisClient(configuration: try RedisConfiguration(url: url, commandTimeout: .seconds(2)))
        defer { client.close() }
        let key = RedisTestEnvironment.uniqueKeyPrefix() + "empty"
        async let dedicated = client.withDedicatedConnection { connection in
            try await connection.send(["BZPOPMIN", key, "3"])
        }
        let error = await #expect(throws: RedisError.self) { try await client.send(["BLPOP", key, "3"]) }
        #expect(error?.code == .timeout)
        #expect(try await dedicated.isNil)
    }

    @Test func cancellingABlockedPopInterruptsIt() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "never"
            let name = "cancelled-" + key.filter { $0.isLetter || $0.isNumber }
            let waiter = Task {
                try await client.withDedicatedConnection { connection in
                    _ = try await connection.send(["CLIENT", "SETNAME", name])
                    return try await connection.send(["BLPOP", key, "0"])
                }
            }
            try await client.waitUntilBlocked(clientNamed: name)
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            // The next lease reconnects and works.
            #expect(try await client.withDedicatedConnection { try await $0.send(["PING"]) } == .simpleString("PONG"))
        }
    }

    @Test func aConnectionKeptPastItsLeaseRefusesCommands() async throws {
        try await RedisTestEnvironment.withClient { client in
            let kept = try await client.withDedicatedConnection { $0 }
            let error = await #expect(throws: RedisError.self) { try await kept.send(["PING"]) }
            #expect(error?.code == .closed)
        }
    }
}
