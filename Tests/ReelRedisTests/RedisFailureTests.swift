import ReelRedis
import ReelTesting
import Testing

/// Bad configuration and broken servers give the right error and never hang (the command and connect timeouts end
/// every wait; no test measures how long that took on the wall clock).
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisFailureTests {
    @Test func malformedURLIsRefusedAtOnce() {
        let error = #expect(throws: RedisError.self) { try RedisClient(url: "redis//127.0.0.1:6379") }
        #expect(error?.code == .invalidURL)
    }

    @Test func deadPortFailsFastWithConnectionFailed() async throws {
        let client = try RedisClient(url: "redis://127.0.0.1:1")
        defer { client.close() }
        for _ in 0..<3 {
            let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
            #expect(error?.code == .connectionFailed)
            #expect(error?.message?.contains("127.0.0.1:1") == true)
        }
    }

    @Test func missingUnixSocketFailsWithConnectionFailed() async throws {
        let client = try RedisClient(url: "unix:///nonexistent/redis.sock")
        defer { client.close() }
        let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(error?.code == .connectionFailed)
    }

    @Test func unknownHostFailsWithConnectionFailed() async throws {
        let client = try RedisClient(url: "redis://no-such-host.invalid:6379")
        defer { client.close() }
        let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(error?.code == .connectionFailed)
    }

    @Test func passwordsAreCheckedOnConnect() async throws {
        let server = try await RedisTestServer.launch(arguments: ["--requirepass", "right-password"])

        let wrong = try RedisClient(url: server.url(userInfo: ":wrong-password"))
        defer { wrong.close() }
        let wrongError = await #expect(throws: RedisError.self) { try await wrong.send(["PING"]) }
        #expect(wrongError?.code == .authenticationFailed)
        #expect(wrongError?.message?.contains("AUTH") == true)

        let missing = try RedisClient(url: server.url)
        defer { missing.close() }
        let missingError = await #expect(throws: RedisError.self) { try await missing.send(["PING"]) }
        #expect(missingError?.code == .authenticationFailed)
        #expect(missingError?.message?.contains("NOAUTH") == true)

        let wrongUser = try RedisClient(url: server.url(userInfo: "nobody:right-password"))
        defer { wrongUser.close() }
        let wrongUserError = await #expect(throws: RedisError.self) { try await wrongUser.send(["PING"]) }
        #expect(wrongUserError?.code == .authenticationFailed)

        let right = try RedisClient(url: server.url(userInfo: "default:right-password", database: 3))
        defer { right.close() }
        _ = try await right.send(["SET", "k", "in-db-3"])
        let info = try await right.send(["CLIENT", "INFO"]).string ?? ""
        #expect(info.contains(" db=3 "))
        #expect(try await right.send(["GET", "k"]).string == "in-db-3")
    }

    @Test func databaseOutOfRangeFailsWithConnectionFailed() async throws {
        let url = try #require(try RedisTestEnvironment.url())
        var configuration = try RedisConfiguration(url: url)
        configuration.database = 99999
        let client = RedisClient(configuration: configuration)
        defer { client.close() }
        let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message?.contains("SELECT 99999") == true)
    }

    @Test func unresponsiveServerTimesOutInsteadOfHanging() async throws {
        let server = try await RedisTestServer.launch()
        let client = RedisClient(
            configuration: try RedisConfiguration(url: server.url, connectTimeout: .seconds(1), commandTimeout: .seconds(1))
        )
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
        await server.suspend()
        let errors = await withTaskGroup(of: RedisError.Code?.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do {
                        _ = try await client.send(["PING"])
                        return nil
                    } catch {
                        return (error as? RedisError)?.code
                    }
                }
            }
            return await group.reduce(into: [RedisError.Code?]()) { $0.append($1) }
        }
        // Every caller gets an answer from the connect and command timeouts (a reconnect to the frozen server included).
        #expect(errors.allSatisfy { $0 == .timeout || $0 == .connectionFailed })
        #expect(errors.contains(.timeout))
        await server.resume()
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
    }

    @Test func closedClientRefusesCommands() async throws {
        let url = try #require(try RedisTestEnvironment.url())
        let client = try RedisClient(url: url)
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
        client.close()
        client.close()
        let error = await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
        #expect(error?.code == .closed)
        let dedicated = await #expect(throws: RedisError.self) { try await client.withDedicatedConnection { _ in } }
        #expect(dedicated?.code == .closed)
    }

    @Test func closingInterruptsABlockedDedicatedConnection() async throws {
        let url = try #require(try RedisTestEnvironment.url())
        let client = try RedisClient(url: url)
        let key = RedisTestEnvironment.uniqueKeyPrefix() + "never"
        let name = "closing-" + key.filter { $0.isLetter || $0.isNumber }
        let waiter = Task {
            try await client.withDedicatedConnection { connection in
                _ = try await connection.send(["CLIENT", "SETNAME", name])
                return try await connection.send(["BLPOP", key, "0"])
            }
        }
        try await client.waitUntilBlocked(clientNamed: name)
        client.close()
        let error = await #expect(throws: RedisError.self) { try await waiter.value }
        #expect(error?.code == .closed)
    }
}
