import ReelQueue
import ReelRedis
import ReelTesting
import Testing
import Foundation

/// `JobQueueOptions.replicaAcks`: an enqueue waits for replicas, and says so when too few acknowledged.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL (scripts/test sets it)"))
struct QueueReplicaAcknowledgementTests {
    @Test func anEnqueueWaitsForTheReplica() async throws {
        let deployment = try await RedisSentinelTestDeployment.launch()
        let client = try RedisClient(url: deployment.url)
        defer { client.close() }
        let queue = RedisJobQueue.redis(client, name: "acks", options: JobQueueOptions(replicaAcks: 1, replicaAckTimeout: .seconds(10)))
        #expect(try await queue.enqueue(NewJob(id: "a", type: "noop", payload: "{}")) == .enqueued(id: "a"))
        let replica = try RedisClient(url: try #require(deployment.replica).url)
        defer { replica.close() }
        #expect(try await replica.send(["EXISTS", "reel:{acks}:job:a"]).int == 1)
    }

    @Test func tooFewReplicasIsAnErrorAfterTheWrite() async throws {
        try await RedisTestEnvironment.withClient { client in
            let queue = RedisJobQueue.redis(
                client, name: "acks-\(UUID().uuidString)", options: JobQueueOptions(replicaAcks: 1, replicaAckTimeout: .milliseconds(20))
            )
            let error = await #expect(throws: QueueError.self) { try await queue.enqueue(NewJob(id: "a", type: "noop", payload: "{}")) }
            #expect(error?.code == .notReplicated)
            #expect(error?.message?.contains("0 of 1 replicas") == true)
            let queued = try await queue.job(id: "a")
            #expect(queued != nil)
        }
    }
}
