import ReelRedis
import ReelTesting
import Testing

@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisPubSubTests {
    @Test func deliversMessagesInOrderAndUnsubscribesWhenTheStreamIsDropped() async throws {
        try await RedisTestEnvironment.withClient { client in
            let channel = RedisTestEnvironment.uniqueKeyPrefix() + "events"
            let other = channel + ":other"
            do {
                let stream = client.subscribe(channels: [channel, other])
                try await client.waitForSubscribers(1, on: channel)
                for index in 1...3 { _ = try await client.send(["PUBLISH", channel, "message \(index)"]) }
                _ = try await client.send(["PUBLISH", other, "elsewhere"])

                let messages = try await first(4, of: stream)
                #expect(messages.map(\.channel) == [channel, channel, channel, other])
                #expect(messages.map(\.string) == ["message 1", "message 2", "message 3", "elsewhere"])
            }
            // The stream is gone: the subscription ends and its connection goes away.
            try await client.waitForSubscribers(0, on: channel)
        }
    }

    @Test func resubscribesAfterRedisRestarts() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let stream = client.subscribe(channels: ["config"])
        try await client.waitForSubscribers(1, on: "config")

        try await server.kill()
        try await server.start()
        try await client.waitForSubscribers(1, on: "config")
        _ = try await client.send(["PUBLISH", "config", "version 2"])
        #expect(try await first(1, of: stream).map(\.string) == ["version 2"])
    }

    @Test func firstConnectionFailureEndsTheStreamWithTheError() async throws {
        let client = try RedisClient(url: "redis://127.0.0.1:1")
        defer { client.close() }
        let error = await #expect(throws: RedisError.self) { _ = try await first(1, of: client.subscribe(channels: ["x"])) }
        #expect(error?.code == .connectionFailed)
    }

    @Test func closingTheClientEndsTheStream() async throws {
        try await RedisTestEnvironment.withClient { client in
            let channel = RedisTestEnvironment.uniqueKeyPrefix() + "events"
            let stream = client.subscribe(channels: [channel])
            try await client.waitForSubscribers(1, on: channel)
            client.close()
            var iterator = stream.makeAsyncIterator()
            #expect(try await iterator.next() == nil)
        }
    }

    /// The first `count` messages, or a failure after thirty seconds (a bound on a failure only).
    private func first(_ count: Int, of stream: AsyncThrowingStream<RedisMessage, any Error>) async throws -> [RedisMessage] {
        try await withThrowingTaskGroup(of: [RedisMessage]?.self) { group in
            group.addTask {
                var messages: [RedisMessage] = []
                for try await message in stream {
                    messages.append(message)
                    if messages.count == count { break }
                }
                return messages
            }
            group.addTask {
                try await Task.sleep(for: .testWaitLimit)
                return nil
            }
            let result = try await group.next()!
            group.cancelAll()
            return try #require(result, "no \(count) messages within \(Duration.testWaitLimit)")
        }
    }
}
