import Foundation
import ReelQueue
import ReelRedis
import ReelTesting
import Testing

/// How the Redis queue stores finished jobs: packed, logged in streams, with indexes trimmed by the calls that add to
/// them; jobs and indexes written by earlier versions (a full hash, sorted sets) still read and are swept.
struct FinishedJobStorageTests {
    /// A record the size of a video's (~550 bytes), past `hash-max-listpack-value`.
    private static let record = #"{"id":"video_\#(String(repeating: "A", count: 100))","object":"video","status":"completed","prompt":"\#(String(repeating: "p", count: 380))"}"#

    private static func withQueue(_ body: (RedisJobQueue, RedisClient) async throws -> Void) async throws {
        try await RedisTestEnvironment.withClient { client in
            try await body(RedisJobQueue.redis(client, name: "finished-\(UUID().uuidString)"), client)
        }
    }

    private static func memoryUsage(_ key: String, _ client: RedisClient) async throws -> Int {
        try #require(try await client.send(["MEMORY", "USAGE", key, "SAMPLES", "0"]).int)
    }

    @Test func aCompletedJobTakesUnderHalfTheBytesOfItsHash() async throws {
        try await Self.withQueue { queue, client in
            _ = try await queue.enqueue(NewJob(id: "v", type: "generate", payload: String(repeating: "x", count: 200), record: Self.record, owner: "o"))
            let claimed = try #require(try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            try await queue.snooze(claimed.lease, delay: .zero, stepState: String(repeating: "s", count: 120), record: nil)
            let again = try #require(try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).first)
            let key = queue.jobKeyPrefix + "v"
            let working = try await Self.memoryUsage(key, client)
            try await queue.complete(again.lease, record: Self.record)

            #expect(try await client.send(["TYPE", key]).string == "string")
            let finished = try await Self.memoryUsage(key, client)
            #expect(finished * 2 < working, "finished \(finished) B, working \(working) B")
            let ttl = try #require(try await client.send(["PTTL", key]).int)
            #expect(ttl > 0, "a finished job expires")
            #expect(try await queue.job(id: "v")?.record == Self.record)
        }
    }

    @Test func finishingAJobTrimsTheFinishedLogAndTheOwnerIndexPastRetention() async throws {
        try await Self.withQueue { queue, client in
            let prefix = "reel:{\(queue.name)}:"
            for id in ["old", "new"] { _ = try await queue.enqueue(NewJob(id: id, type: "generate", payload: "{}", record: Self.record, owner: "o")) }
            let claimed = try await queue.claim(workerID: "w", max: 2, lease: .seconds(30), wait: .zero)
            try #require(claimed.map(\.job.id) == ["old", "new"])
            try await queue.complete(claimed[0].lease, record: nil)
            // As if it had finished long ago: only its log entry's id (a time) says so, no clock is waited for.
            _ = try await client.send(["DEL", prefix + "done:log"])
            _ = try await client.send(["XADD", prefix + "done:log", "1-1", "job", "old", "owner", "o"])
            try await queue.complete(claimed[1].lease, record: nil)
            let log = try #require(try await client.send(["XRANGE", prefix + "done:log", "-", "+"]).array)
            #expect(log.compactMap { $0.array?[1].array?[1].string } == ["new"])
            #expect(try await queue.stats().counts[.done] == 1)
            #expect(try await client.send(["ZRANGE", prefix + "owner:o", "0", "-1"]).array?.compactMap(\.string) == ["new"])
            #expect(try await queue.job(id: "old") == nil)
            #expect(try await queue.jobs(owner: "o", after: nil, limit: 10, descending: false).jobs.map(\.id) == ["new"])
        }
    }

    @Test func addingAnEventTrimsTheEventsPastRetention() async throws {
        try await Self.withQueue { queue, client in
            let events = "reel:{\(queue.name)}:events"
            // Events as if written long ago: their ids (times) say so, no clock is waited for.
            _ = try await client.send(["XADD", events, "1-1", "event", "enqueued", "job", "old-1"])
            _ = try await client.send(["XADD", events, "2-1", "event", "done", "job", "old-1"])
            _ = try await queue.enqueue(NewJob(id: "fresh", type: "generate", payload: "{}", owner: "o"))
            let entries = try #require(try await client.send(["XRANGE", events, "-", "+"]).array)
            #expect(entries.compactMap { $0.array?[1].array?[3].string } == ["fresh"])
        }
    }

    @Test func enqueueDropsOwnerEntriesWhoseJobsExpired() async throws {
        try await Self.withQueue { queue, client in
            let index = "reel:{\(queue.name)}:owner:o"
            // Entries of jobs that expired while nothing trimmed them (their hashes gone, no finished-index entry).
            _ = try await client.send(["ZADD", index, "0", "gone-1", "0", "gone-2"])
            _ = try await queue.enqueue(NewJob(id: "live", type: "generate", payload: "{}", owner: "o"))
            #expect(try await client.send(["ZRANGE", index, "0", "-1"]).array?.compactMap(\.string) == ["live"])
        }
    }

    @Test func aJobWrittenInTheEarlierFullHashFormatStillReads() async throws {
        try await Self.withQueue { queue, client in
            let prefix = "reel:{\(queue.name)}:"
            // A done job exactly as library version 11 left it: every field in the hash, expiring, in both indexes.
            _ = try await client.send([
                "HSET", prefix + "job:legacy", "id", "legacy", "type", "generate", "payload", #"{"kind":"generate"}"#, "owner", "o",
                "priority", "0", "seq", "1", "attempts", "0", "polls", "4", "stalls", "0", "fence", "2", "cancel", "0",
                "step", #"{"phase":"fetch"}"#, "last_error", "", "max_attempts", "5", "max_polls", "500", "max_stalls", "3",
                "deadline_ms", "", "deadline_at", "", "backoff_base_ms", "1000", "backoff_max_ms", "60000",
                "created_at", "1765000000000", "updated_at", "1765000030000", "cap_group", "", "record", Self.record,
                "state", "done", "worker", "w1", "lease_until", "1765000060000", "run_at", "", "finished_at", "1765000030000",
            ])
            _ = try await client.send(["PEXPIRE", prefix + "job:legacy", "600000"])
            _ = try await client.send(["HSET", prefix + "meta", "seq", "1"])
            _ = try await client.send(["ZADD", prefix + "owner:o", "1", "legacy"])
            _ = try await client.send(["ZADD", prefix + "done", "1765000030000", "legacy"])

            let read = try #require(try await queue.job(id: "legacy"))
            #expect(read.state == .done && read.record == Self.record && read.owner == "o" && read.polls == 4)
            #expect(read.createdAtMs == 1_765_000_000_000 && read.updatedAtMs == 1_765_000_030_000)
            // New jobs of the same owner page after it, as before.
            _ = try await queue.enqueue(NewJob(id: "fresh", type: "generate", payload: "{}", owner: "o"))
            let page = try await queue.jobs(owner: "o", after: nil, limit: 1, descending: false)
            #expect(page.jobs.map(\.id) == ["legacy"] && page.hasMore)
            #expect(try await queue.jobs(owner: "o", after: "legacy", limit: 10, descending: false).jobs.map(\.id) == ["fresh"])
            #expect(try await queue.cancel(id: "legacy") == .alreadyFinished)
            #expect(try await queue.replaceFinishedRecord(id: "legacy", record: #"{"deleted":true}"#))
            #expect(try await queue.job(id: "legacy")?.record == #"{"deleted":true}"#)

            // Past its retention, the sweep of claims and reaps deletes it with its owner entry.
            _ = try await client.send(["ZADD", prefix + "done", "XX", "1", "legacy"])
            #expect(try await queue.reap().trimmed == 1)
            #expect(try await queue.job(id: "legacy") == nil)
            #expect(try await client.send(["ZRANGE", prefix + "owner:o", "0", "-1"]).array?.compactMap(\.string) == ["fresh"])
        }
    }
}
