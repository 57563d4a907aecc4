import ReelRedis
import ReelTesting
import Testing

@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RedisKeyTrackingTests {
    @Test func reportsChangesToKeysUnderTheTrackedPrefixesOnly() async throws {
        try await RedisTestEnvironment.withClient { client in
            let base = RedisTestEnvironment.uniqueKeyPrefix()
            let tracked = base + "job:"
            let events = InvalidationEvents(client: client, prefixes: [tracked])
            #expect(try await events.next() == .tracking)

            // Written first: were it reported, its report would come before the others.
            _ = try await client.send(["SET", base + "other", "1"])
            _ = try await client.send(["HSET", tracked + "a", "state", "queued"])
            _ = try await client.send(["SET", tracked + "b", "1", "PX", "20"])
            _ = try await client.send(["DEL", tracked + "a"])

            var changed: [String] = []
            while changed.count < 3 {
                guard case .changed(let keys) = try await events.next() else { Issue.record("not a change"); return }
                changed += keys
            }
            // The write of a, the write of b, then the delete of a or the expiry of b, in whichever order they happen.
            #expect(changed.prefix(2) == [tracked + "a", tracked + "b"])
            #expect(Set(changed).isSubset(of: [tracked + "a", tracked + "b"]))
            #expect(!changed.contains(base + "other"))
        }
    }

    @Test func reportsFlushesAndInterruptionsAndTracksAgainAfterARestart() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let events = InvalidationEvents(client: client, prefixes: ["job:"])
        #expect(try await events.next() == .tracking)

        _ = try await client.send(["FLUSHALL"])
        #expect(try await events.next() == .flushed)

        try await server.kill()
        #expect(try await events.next() == .interrupted)
        try await server.start()
        #expect(try await events.next() == .tracking)
        _ = try await client.send(["SET", "job:1", "x"])
        #expect(try await events.next() == .changed(["job:1"]))
    }

    @Test func cancellingTheTaskEndsTrackingAndItsConnection() async throws {
        let server = try await RedisTestServer.launch()
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        let tracking = Task { try await client.trackInvalidations(prefixes: ["job:"]) { _ in } }
        try await client.waitForSubscribers(1, on: "__redis__:invalidate")
        tracking.cancel()
        try await tracking.value
        try await client.waitForSubscribers(0, on: "__redis__:invalidate")
    }

    @Test func aDeadServerFailsTrackingWithTheConnectionError() async throws {
        let client = try RedisClient(url: "redis://127.0.0.1:1")
        defer { client.close() }
        let events = InvalidationEvents(client: client, prefixes: ["job:"])
        let error = await #expect(throws: RedisError.self) { _ = try await events.next() }
        #expect(error?.code == .connectionFailed)
    }
}
