import ReelRedis
import ReelTesting
import Testing

@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisClientTests {
    @Test func valuesOfEveryKindRoundTrip() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix()

            #expect(try await client.send(["SET", key + "s", "héllo wörld"]) == .simpleString("OK"))
            #expect(try await client.send(["GET", key + "s"]).string == "héllo wörld")
            #expect(try await client.send(["INCRBY", key + "n", "41"]) == .integer(41))
            #expect(try await client.send(["GET", key + "n"]).int == 41)
            #expect(try await client.send(["GET", key + "missing"]).isNil)
            #expect(try await client.send(["PING"]) == .simpleString("PONG"))

            _ = try await client.send(["RPUSH", key + "l", "a", "", "c"])
            let list = try await client.send(["LRANGE", key + "l", "0", "-1"])
            #expect(list == .array([.bulkString(Array("a".utf8)), .bulkString([]), .bulkString(Array("c".utf8))]))
            #expect(list.array?.map(\.string) == ["a", "", "c"])

            _ = try await client.send(["HSET", key + "h", "field", "value"])
            #expect(try await client.send(["HGETALL", key + "h"]).array?.compactMap(\.string) == ["field", "value"])

            _ = try await client.send(["ZADD", key + "z", "2.5", "member"])
            #expect(try await client.send(["ZSCORE", key + "z", "member"]).double == 2.5)

            let binary: [UInt8] = [0, 255, 13, 10, 36, 42, 0]
            _ = try await client.send([Array("SET".utf8), Array((key + "b").utf8), binary])
            #expect(try await client.send(["GET", key + "b"]).bytes == binary)

            let nested = try await client.send(["EVAL", "return {1, {2, 'x'}, false}", "0"])
            #expect(nested == .array([.integer(1), .array([.integer(2), .bulkString(Array("x".utf8))]), .null]))
            _ = try await client.send(["DEL", key + "s", key + "n", key + "l", key + "h", key + "z", key + "b"])
        }
    }

    @Test func largeBinaryValuesRoundTrip() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "large"
            let value = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let replies = try await withThrowingTaskGroup(of: RESPValue.self) { group in
                group.addTask { try await client.send([Array("SET".utf8), Array(key.utf8), value]) }
                for _ in 0..<10 { group.addTask { try await client.send(["PING"]) } }
                return try await group.reduce(into: [RESPValue]()) { $0.append($1) }
            }
            #expect(replies.filter { $0 == .simpleString("PONG") }.count == 10)
            #expect(replies.contains(.simpleString("OK")))
            #expect(try await client.send(["GET", key]).bytes == value)
            _ = try await client.send(["DEL", key])
        }
    }

    @Test func errorReplyThrowsReplyErrorWithTheServerMessage() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "list"
            let unknown = await #expect(throws: RedisError.self) { try await client.send(["NOSUCHCOMMAND", "x"]) }
            #expect(unknown?.code == .replyError)
            #expect(unknown?.message?.hasPrefix("ERR unknown command") == true)

            _ = try await client.send(["RPUSH", key, "a"])
            let wrongType = await #expect(throws: RedisError.self) { try await client.send(["INCR", key]) }
            #expect(wrongType?.message?.hasPrefix("WRONGTYPE") == true)

            let empty = await #expect(throws: RedisError.self) { try await client.send([String]()) }
            #expect(empty?.code == .protocolError)
            // The connection is still in step after the errors.
            #expect(try await client.send(["LLEN", key]) == .integer(1))
            _ = try await client.send(["DEL", key])
        }
    }

    @Test func pipelineRepliesInOrderWithErrorsAsValues() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "counter"
            let before = client.statistics
            var commands = (1...100).map { _ in ["INCR", key] }
            commands.insert(["HGET", key, "field"], at: 50)
            let replies = try await client.pipeline(commands)
            #expect(replies.count == 101)
            #expect(replies[..<50].map(\.int) == (1...50).map { $0 })
            #expect(replies[50].errorMessage?.hasPrefix("WRONGTYPE") == true)
            #expect(replies[51...].map(\.int) == (51...100).map { $0 })
            #expect(client.statistics.roundTrips - before.roundTrips == 1)
            #expect(client.statistics.commands - before.commands == 101)
            #expect(try await client.pipeline([]) == [])
            _ = try await client.send(["DEL", key])
        }
    }

    @Test func concurrentSendsShareRoundTrips() async throws {
        try await RedisTestEnvironment.withClient { client in
            let key = RedisTestEnvironment.uniqueKeyPrefix() + "counter"
            _ = try await client.send(["PING"])
            let before = client.statistics
            let replies = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<1_000 { group.addTask { try await client.send(["INCR", key]).int } }
                return try await group.reduce(into: [Int?]()) { $0.append($1) }
            }
            let after = client.statistics
            #expect(Set(replies.compactMap { $0 }) == Set(1...1_000))
            #expect(after.commands - before.commands == 1_000)
            // Every command was written, in far fewer round trips than commands.
            #expect(after.roundTrips - before.roundTrips <= 250)
            #expect(try await client.send(["GET", key]).int == 1_000)
            _ = try await client.send(["DEL", key])
        }
    }

    @Test func functionLoadAndFcall() async throws {
        try await RedisTestEnvironment.withClient { client in
            let prefix = RedisTestEnvironment.uniqueKeyPrefix()
            let suffix = prefix.filter { $0.isLetter || $0.isNumber }.lowercased()
            let library = "lib_\(suffix)"
            let function = "greet_\(suffix)"
            let source = """
                #!lua name=\(library)
                redis.register_function('\(function)', function(keys, args)
                    redis.call('SET', keys[1], args[1])
                    return redis.call('GET', keys[1]) .. args[2]
                end)
                """
            #expect(try await client.functionLoad(source, replace: false) == library)
            #expect(try await client.fcall(function, keys: [prefix + "k"], arguments: ["hello", "!"]).string == "hello!")
            #expect(try await client.send(["GET", prefix + "k"]).string == "hello")
            _ = try await client.send(["DEL", prefix + "k"])

            let again = await #expect(throws: RedisError.self) { try await client.functionLoad(source, replace: false) }
            #expect(again?.code == .replyError)
            #expect(again?.message?.contains("already exists") == true)
            try await client.functionLoad(source.replacing("args[2]", with: "'?'"), replace: true)
            #expect(try await client.fcall(function, keys: [prefix + "k"], arguments: ["hi", "!"]).string == "hi?")
            _ = try await client.send(["DEL", prefix + "k"])

            let missing = await #expect(throws: RedisError.self) { try await client.fcall("no_such_\(suffix)", keys: [], arguments: []) }
            #expect(missing?.code == .replyError)
            #expect(missing?.message?.contains("Function not found") == true)
            _ = try await client.send(["FUNCTION", "DELETE", library])
        }
    }

    @Test func loadFunctionsReplacesAnOlderLibraryAndKeepsANewerOne() async throws {
        try await RedisTestEnvironment.withClient { client in
            let suffix = RedisTestEnvironment.uniqueKeyPrefix().filter { $0.isLetter || $0.isNumber }.lowercased()
            let versionFunction = "version_\(suffix)"
            func source(_ version: Int) -> String {
                """
                #!lua name=lib_\(suffix)
                redis.register_function('\(versionFunction)', function() return \(version) end)
                """
            }
            func loaded() async throws -> Int? { try await client.fcall(versionFunction, keys: [], arguments: []).int }

            #expect(try await client.loadFunctions(source(2), version: 2, versionFunction: versionFunction))
            #expect(try await loaded() == 2)
            // A process of an older release starting during a rolling deploy leaves the newer library in place.
            #expect(try await client.loadFunctions(source(1), version: 1, versionFunction: versionFunction) == false)
            #expect(try await client.loadFunctions(source(2), version: 2, versionFunction: versionFunction) == false)
            #expect(try await loaded() == 2)
            #expect(try await client.loadFunctions(source(3), version: 3, versionFunction: versionFunction))
            #expect(try await loaded() == 3)
            _ = try await client.send(["FUNCTION", "DELETE", "lib_\(suffix)"])
        }
    }
}

/// Tests on a redis-server of their own, where the server's counters see only this client.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisPrivateServerTests {
    @Test func serverReadsFewerTimesThanItGetsCommands() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        func readsProcessed() async throws -> Int {
            let stats = try await client.send(["INFO", "stats"]).string ?? ""
            let line = stats.split(separator: "\r\n").first { $0.hasPrefix("total_reads_processed:") }
            return try #require(line.flatMap { Int($0.dropFirst("total_reads_processed:".count)) })
        }
        let before = try await readsProcessed()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<1_000 { group.addTask { _ = try await client.send(["SET", "key:\(index)", "value"]) } }
            try await group.waitForAll()
        }
        let reads = try await readsProcessed() - before
        #expect(try await client.send(["DBSIZE"]) == .integer(1_000))
        #expect(reads < 250, "the server read \(reads) times for 1,000 commands")
    }

    @Test func connectsOverAUnixSocketAndSelectsTheDatabase() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.unixSocketURL + "?db=2")
        defer { client.close() }
        _ = try await client.send(["SET", "where", "db 2"])
        #expect(try await client.send(["CLIENT", "INFO"]).string?.contains(" db=2 ") == true)
        let tcp = try RedisClient(url: server.url(userInfo: nil, database: 2))
        defer { tcp.close() }
        #expect(try await tcp.send(["GET", "where"]).string == "db 2")
    }
}
