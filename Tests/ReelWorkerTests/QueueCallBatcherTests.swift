import Foundation
import ReelRedis
import ReelTesting
import Testing

import ReelQueue
import ReelWorker

/// Completes and snoozes of ticks that end together, batched into few queue calls, against a real Redis queue.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun))
struct QueueCallBatcherTests {
    /// A fresh queue with `count` jobs enqueued and claimed; their leases in enqueue order.
    func claimedJobs(_ count: Int, on client: RedisClient) async throws -> (RedisJobQueue, [JobLease]) {
        let queue = RedisJobQueue.redis(client, name: "batcher-\(UUID().uuidString)")
        let ids = (0..<count).map { String(format: "job-%04d", $0) }
        _ = try await queue.enqueue(ids.map { NewJob(id: $0, type: "noop", payload: "{}", record: #"{"n":-1}"#) })
        var leases: [String: JobLease] = [:]
        while leases.count < count {
            for job in try await queue.claim(workerID: "w", max: count, lease: .seconds(60), wait: .seconds(2)) { leases[job.job.id] = job.lease }
        }
        return (queue, ids.map { leases[$0]! })
    }

    @Test func jobsFinishingTogetherAreCompletedOnceEachInFewCalls() async throws {
        try await RedisTestEnvironment.withClient { client in
            let count = 300
            let (queue, leases) = try await claimedJobs(count, on: client)
            let batcher = QueueCallBatcher<JobCompletion> { try await queue.complete($0) }
            let before = client.statistics.commands
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, lease) in leases.enumerated() {
                    group.addTask { try await batcher.send(JobCompletion(lease: lease, record: #"{"n":\#(index)}"#)) }
                }
                try await group.waitForAll()
            }
            let calls = client.statistics.commands - before
            #expect(calls < count / 4, "\(calls) queue calls for \(count) jobs")
            #expect(try await queue.stats().counts[.done] == count)
            for (index, lease) in leases.enumerated() {
                let job = try #require(try await queue.job(id: lease.jobID))
                #expect(job.state == .done)
                #expect(job.record == #"{"n":\#(index)}"#)
            }
            // Each job completes once: completing again fails for every one of them, each with its own error.
            var refused = 0
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for lease in leases {
                    group.addTask {
                        do {
                            try await batcher.send(JobCompletion(lease: lease, record: #"{"n":"again"}"#))
                            return false
                        } catch let error as QueueError {
                            return error.code == .staleLease
                        }
                    }
                }
                for try await wasRefused in group where wasRefused { refused += 1 }
            }
            #expect(refused == count)
            #expect(try await queue.job(id: leases[0].jobID)?.record == #"{"n":0}"#)
        }
    }

    @Test func staleAndUnknownLeasesFailAloneInTheirBatch() async throws {
        try await RedisTestEnvironment.withClient { client in
            let (queue, leases) = try await claimedJobs(20, on: client)
            let batcher = QueueCallBatcher<JobCompletion> { try await queue.complete($0) }
            let stale = JobLease(jobID: leases[3].jobID, fence: leases[3].fence + 1, workerID: "w")
            let unknown = JobLease(jobID: "nope-\(UUID().uuidString)", fence: 1, workerID: "w")
            let attempts = leases.enumerated().map { $0.offset == 3 ? stale : $0.element } + [unknown]
            let codes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, lease) in attempts.enumerated() {
                    group.addTask {
                        do {
                            try await batcher.send(JobCompletion(lease: lease, record: nil))
                            return (index, "ok")
                        } catch let error as QueueError {
                            return (index, "\(error.code)")
                        }
                    }
                }
                var codes = Array(repeating: "", count: attempts.count)
                for try await (index, code) in group { codes[index] = code }
                return codes
            }
            #expect(codes[3] == "staleLease")
            #expect(codes[20] == "jobNotFound")
            #expect(codes.enumerated().allSatisfy { [3, 20].contains($0.offset) || $0.element == "ok" })
            #expect(try await queue.stats().counts[.done] == 19)
            #expect(try await queue.job(id: leases[3].jobID)?.state == .active)
        }
    }

    @Test func completionOfACancelledTickStillLands() async throws {
        try await RedisTestEnvironment.withClient { client in
            let (queue, leases) = try await claimedJobs(8, on: client)
            let batcher = QueueCallBatcher<JobCompletion> { try await queue.complete($0) }
            // The ticks are cancelled (a shutdown's grace period ran out) as they complete: their jobs still finish.
            let ticks = leases.map { lease in Task { try await batcher.send(JobCompletion(lease: lease, record: #"{"done":true}"#)) } }
            for tick in ticks { tick.cancel() }
            for tick in ticks { try await tick.value }
            for lease in leases {
                let job = try #require(try await queue.job(id: lease.jobID))
                #expect(job.state == .done)
                #expect(job.record == #"{"done":true}"#)
            }
        }
    }
    @Test func jobsSnoozedTogetherKeepTheirOwnStepStatesInFewCalls() async throws {
        try await RedisTestEnvironment.withClient { client in
            let count = 200
            let (queue, leases) = try await claimedJobs(count, on: client)
            let batcher = QueueCallBatcher<JobSnooze> { try await queue.snooze($0) }
            let stale = JobLease(jobID: leases[7].jobID, fence: leases[7].fence + 1, workerID: "w")
            let before = client.statistics.commands
            let codes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for (index, lease) in leases.enumerated() {
                    group.addTask {
                        let snooze = JobSnooze(lease: index == 7 ? stale : lease, delay: .seconds(60), stepState: "step-\(index)", record: #"{"n":\#(index)}"#)
                        do {
                            try await batcher.send(snooze)
                            return (index, "ok")
                        } catch let error as QueueError {
                            return (index, "\(error.code)")
                        }
                    }
                }
                var codes = Array(repeating: "", count: count)
                for try await (index, code) in group { codes[index] = code }
                return codes
            }
            let calls = client.statistics.commands - before
            #expect(calls < count / 4, "\(calls) queue calls for \(count) jobs")
            #expect(codes[7] == "staleLease")
            #expect(codes.enumerated().allSatisfy { $0.offset == 7 || $0.element == "ok" })
            #expect(try await queue.stats().counts[.scheduled] == count - 1)
            for (index, lease) in leases.enumerated() {
                let job = try #require(try await queue.job(id: lease.jobID))
                if index == 7 {
                    #expect(job.state == .active)
                    #expect(job.stepState == nil)
                } else {
                    #expect(job.state == .scheduled)
                    #expect(job.stepState == "step-\(index)")
                    #expect(job.record == #"{"n":\#(index)}"#)
                    #expect(job.polls == 1)
                    #expect(job.attempts == 0)
                }
            }
        }
    }
}
