import Foundation
import ReelQueue
import ReelTesting
import Testing

/// A queue records its retention when it bootstraps, for `reel queue` run without the processes' configuration.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct RecordedRetentionTests {
    @Test func bootstrapRecordsTheRetentionAndTheLastOneWins() async throws {
        try await RedisTestEnvironment.withClient { client in
            let name = "retention-\(UUID().uuidString)"
            #expect(try await RedisJobQueue.recordedRetention(client: client, name: name) == nil)
            try await RedisJobQueue.redis(client, name: name, options: JobQueueOptions(retention: .seconds(7200))).bootstrap()
            #expect(try await RedisJobQueue.recordedRetention(client: client, name: name) == .seconds(7200))
            try await RedisJobQueue.redis(client, name: name, options: JobQueueOptions(retention: .seconds(86_400))).bootstrap()
            #expect(try await RedisJobQueue.recordedRetention(client: client, name: name) == .seconds(86_400))
            // Another queue's record is its own.
            #expect(try await RedisJobQueue.recordedRetention(client: client, name: name + "-other") == nil)
        }
    }
}
