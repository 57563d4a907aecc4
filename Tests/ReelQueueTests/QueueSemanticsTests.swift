import Foundation
import ReelTesting
import Testing

import ReelQueue

/// The queue's semantics, against every backend (the Redis functions library and the memory queue).
///
/// No test measures how long something took: a test that waits for a job waits as long as it takes (the time limit
/// only bounds a failure), and times are compared on the queue's own clock.
@Suite(.timeLimit(.minutes(3)))
struct QueueSemanticsTests {
    private static func newJob(
        _ id: String = UUID().uuidString,
        owner: String? = nil,
        priority: Int = 0,
        delay: Duration = .zero,
        limits: JobLimits = .init(),
        groupCap: GroupCap? = nil
    ) -> NewJob {
        NewJob(
            id: id, type: "noop", payload: #"{"n":1}"#, record: #"{"status":"queued"}"#, owner: owner, priority: priority,
            delay: delay, limits: limits, groupCap: groupCap
        )
    }

    private static func keyed(_ id: String, fingerprint: String) -> NewJob {
        var job = newJob(id)
        job.idempotencyKey = "key-1"
        job.idempotencyFingerprint = fingerprint
        return job
    }

    private static func claimOne(_ queue: some JobQueueDriver, worker: String = "w", lease: Duration = .seconds(30),
                                 wait: Duration = .seconds(30)) async throws -> ClaimedJob {
        try #require(try await queue.claim(workerID: worker, max: 1, lease: lease, wait: wait).first)
    }

    @Test(arguments: QueueBackend.allCases)
    func idempotentEnqueueReturnsTheFirstJob(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            #expect(try await queue.enqueue(Self.keyed("a", fingerprint: "body-1")) == .enqueued(id: "a"))
            #expect(try await queue.enqueue(Self.keyed("b", fingerprint: "body-1")) == .duplicate(id: "a"))
            #expect(try await queue.enqueue(Self.keyed("b", fingerprint: "body-2")) == .conflict(id: "a"))
            await #expect(throws: QueueError.self) { _ = try await queue.enqueue(Self.newJob("a")) }
            await #expect(throws: QueueError.self) { _ = try await queue.enqueue(Self.newJob("c", priority: 5000)) }
            // A refused enqueue does not claim its idempotency key.
            var reused = Self.newJob("a")
            reused.idempotencyKey = "key-2"
            let refused = reused
            await #expect(throws: QueueError.self) { _ = try await queue.enqueue(refused) }
            reused.id = "d"
            #expect(try await queue.enqueue(reused) == .enqueued(id: "d"))
            #expect(try await queue.job(id: "b") == nil)
            #expect(try await queue.stats().counts[.ready] == 2)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func higherPriorityFirstAndFIFOWithinAPriority(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            let order: [(String, Int)] = [("low-1", -5), ("mid-1", 0), ("high-1", 7), ("mid-2", 0), ("high-2", 7), ("low-2", -5)]
            for (id, priority) in order { _ = try await queue.enqueue(Self.newJob(id, priority: priority)) }
            var claimed: [String] = []
            for _ in order { claimed.append(try await Self.claimOne(queue).job.id) }
            #expect(claimed == ["high-1", "high-2", "mid-1", "mid-2", "low-1", "low-2"])
        }
    }

    /// Compared on the queue's clock: the claim stamps `updatedAtMs`, the enqueue `createdAtMs`.
    @Test(arguments: QueueBackend.allCases)
    func delayedJobRunsNotBeforeItsTime(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            // A claimer may already be waiting when the delayed job arrives: it wakes at the run-at time, not at the
            // end of its 60 s wait (which the suite's time limit would fail).
            let waiting = Task { try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .seconds(60)) }
            _ = try await queue.enqueue(Self.newJob("late", delay: .milliseconds(700)))
            let late = try #require(try await waiting.value.first?.job)
            #expect(late.id == "late")
            let off = late.updatedAtMs - late.createdAtMs - 700
            #expect(off >= 0, "ran \(-off) ms before its time")
            // And a claimer that starts after the job was scheduled.
            _ = try await queue.enqueue(Self.newJob("later", delay: .milliseconds(400)))
            let later = try await Self.claimOne(queue, wait: .seconds(60)).job
            #expect(later.id == "later")
            let offAgain = later.updatedAtMs - later.createdAtMs - 400
            #expect(offAgain >= 0, "ran \(-offAgain) ms before its time")
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func aGroupCapHoldsUnderConcurrentEnqueuesAndFreesAsJobsFinish(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            let cap = GroupCap(group: "key:k1", limit: 5)
            let results = try await withThrowingTaskGroup(of: EnqueueResult.self) { group in
                for index in 0..<50 { group.addTask { try await queue.enqueue(Self.newJob("g\(index)", groupCap: cap)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count { if case .enqueued = $0 { true } else { false } } == 5)
            #expect(results.count { $0 == .groupFull(group: "key:k1") } == 45)
            #expect(try await queue.enqueue(Self.newJob("other", groupCap: GroupCap(group: "key:k2", limit: 1))) == .enqueued(id: "other"))

            let first = try await Self.claimOne(queue)
            try await queue.complete(first.lease, record: nil)
            let second = try await Self.claimOne(queue)
            _ = try await queue.fail(second.lease, failure: JobFailure(code: "bad", message: "no", retryable: false), record: nil)
            #expect(try await queue.enqueue(Self.newJob("after-1", groupCap: cap)) == .enqueued(id: "after-1"))
            #expect(try await queue.enqueue(Self.newJob("after-2", groupCap: cap)) == .enqueued(id: "after-2"))
            #expect(try await queue.enqueue(Self.newJob("after-3", groupCap: cap)) == .groupFull(group: "key:k1"))
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func aFinishedJobKeepsWhatReadsNeedAndDropsItsWorkingState(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("v", owner: "o1", priority: 7))
            let first = try await Self.claimOne(queue)
            try await queue.snooze(first.lease, delay: .zero, stepState: #"{"step":"poll"}"#, record: #"{"status":"in_progress"}"#)
            let second = try await Self.claimOne(queue)
            try await queue.complete(second.lease, record: #"{"status":"completed","note":"naïve ✓"}"#)

            let done = try #require(try await queue.job(id: "v"))
            let expected = JobSnapshot(
                id: "v", type: "noop", state: .done, payload: "", record: #"{"status":"completed","note":"naïve ✓"}"#, owner: "o1",
                polls: 1, createdAtMs: first.job.createdAtMs, updatedAtMs: done.updatedAtMs
            )
            #expect(done == expected)
            #expect(done.updatedAtMs >= second.job.updatedAtMs)
            #expect(try await queue.jobs(owner: "o1", after: nil, limit: 10, descending: true).jobs == [expected])
            await #expect(throws: QueueError.self) { try await queue.complete(second.lease, record: nil) }
            #expect(try await queue.cancel(id: "v") == .alreadyFinished)
            #expect(try await queue.signal(id: "v") == false)
            #expect(try await queue.replay(id: "v") == false)

            #expect(try await queue.replaceFinishedRecord(id: "v", record: #"{"status":"completed","deleted":true}"#))
            #expect(try await queue.job(id: "v")?.record == #"{"status":"completed","deleted":true}"#)
            #expect(try await queue.job(id: "v")?.state == .done)

            // Cancelled before a claim: the flag stays, since the front hides such jobs.
            _ = try await queue.enqueue(Self.newJob("c", owner: "o1"))
            #expect(try await queue.cancel(id: "c") == .cancelled)
            let cancelled = try #require(try await queue.job(id: "c"))
            #expect(cancelled.state == .cancelled && cancelled.cancelRequested && cancelled.payload.isEmpty)
            #expect(cancelled.record == #"{"status":"queued"}"#)
            #expect(try await queue.jobs(owner: "o1", after: nil, limit: 10, descending: true).jobs.map(\.id) == ["c", "v"])
            #expect(try await queue.stats().counts[.done] == 1)
            #expect(try await queue.stats().counts[.cancelled] == 1)

            // A dead job keeps its working state: a replay runs it again from its step state.
            _ = try await queue.enqueue(Self.newJob("d"))
            let doomed = try await Self.claimOne(queue)
            let failure = JobFailure(code: "bad", message: "no", retryable: false)
            _ = try await queue.fail(doomed.lease, failure: failure, record: nil, stepState: #"{"step":"submit"}"#)
            let dead = try #require(try await queue.job(id: "d"))
            #expect(dead.state == .dead && dead.payload == #"{"n":1}"# && dead.stepState == #"{"step":"submit"}"#)
            #expect(try await queue.replay(id: "d"))
            #expect(try await Self.claimOne(queue).job.stepState == #"{"step":"submit"}"#)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func aRetriedFailureMayReplaceTheStepState(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("f", limits: JobLimits(baseBackoff: .milliseconds(10), maxBackoff: .milliseconds(20))))
            let first = try await Self.claimOne(queue)
            let retryable = JobFailure(code: "provider_unavailable", message: "500", retryable: true)
            _ = try await queue.fail(first.lease, failure: retryable, record: nil, stepState: #"{"unconfirmed":"dep-a"}"#)
            let second = try await Self.claimOne(queue)
            #expect(second.job.stepState == #"{"unconfirmed":"dep-a"}"#)
            #expect(second.job.attempts == 1)
            _ = try await queue.fail(second.lease, failure: retryable, record: nil)
            #expect(try await Self.claimOne(queue).job.stepState == #"{"unconfirmed":"dep-a"}"#, "nil keeps the step state")
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func snoozeKeepsStepStateAndCountsAPollNotAnAttempt(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("s"))
            let first = try await Self.claimOne(queue)
            #expect(first.job.stepState == nil)
            try await queue.snooze(
                first.lease, delay: .milliseconds(50), stepState: #"{"step":"polling","provider_id":"p1"}"#,
                record: #"{"status":"in_progress"}"#
            )
            #expect(try await queue.job(id: "s")?.state == .scheduled)
            await #expect(throws: QueueError.self) { try await queue.complete(first.lease, record: nil) }
            let second = try await Self.claimOne(queue)
            #expect(second.job.stepState == #"{"step":"polling","provider_id":"p1"}"#)
            #expect(second.job.record == #"{"status":"in_progress"}"#)
            #expect(second.job.attempts == 0)
            #expect(second.job.polls == 1)
            #expect(second.lease.fence > first.lease.fence)
            try await queue.complete(second.lease, record: #"{"status":"completed"}"#)
            let done = try #require(try await queue.job(id: "s"))
            #expect(done.state == .done)
            #expect(done.record == #"{"status":"completed"}"#)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func pollBudgetDeadLetters(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("p", limits: JobLimits(maxPolls: 1)))
            try await queue.snooze(try await Self.claimOne(queue).lease, delay: .zero, stepState: "1", record: nil)
            try await queue.snooze(try await Self.claimOne(queue).lease, delay: .zero, stepState: "2", record: nil)
            let job = try #require(try await queue.job(id: "p"))
            #expect(job.state == .dead)
            #expect(job.lastError == "poll_budget_exhausted: 1 polls")
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func retryBackoffGrowsAndEndsInTheDeadLetterSet(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            let limits = JobLimits(maxAttempts: 4, baseBackoff: .milliseconds(40), maxBackoff: .seconds(10))
            _ = try await queue.enqueue(Self.newJob("r", limits: limits))
            let failure = JobFailure(code: "provider_unavailable", message: "503 from the provider", retryable: true)
            var delays: [Int64] = []
            for attempt in 1...4 {
                let claimed = try await Self.claimOne(queue)
                #expect(claimed.job.attempts == attempt - 1)
                let outcome = try await queue.fail(claimed.lease, failure: failure, record: nil)
                if attempt == 4 {
                    #expect(outcome == .deadLettered)
                } else if case .retryScheduled(let atMs) = outcome {
                    delays.append(atMs - (try #require(try await queue.job(id: "r")).updatedAtMs))
                } else {
                    Issue.record("attempt \(attempt) was not retried: \(outcome)")
                }
            }
            // Equal jitter: retry n waits within [base·2ⁿ⁻¹/2, base·2ⁿ⁻¹].
            #expect(delays.count == 3)
            for (index, delay) in delays.enumerated() {
                let full = Int64(40 << index)
                #expect(delay >= full / 2 && delay <= full, "retry \(index + 1) waited \(delay) ms")
            }
            #expect(delays.last! > delays.first!)
            let dead = try await queue.deadJobs(limit: 10)
            #expect(dead.map(\.id) == ["r"])
            #expect(dead.first?.lastError == "attempts_exhausted: 4 attempts, last provider_unavailable: 503 from the provider")
            #expect(try await queue.stats().counts[.dead] == 1)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func retryHonoursRetryAfter(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("ra", limits: JobLimits(baseBackoff: .milliseconds(10))))
            let claimed = try await Self.claimOne(queue)
            let failure = JobFailure(code: "rate_limited", message: "429", retryable: true, retryAfter: .seconds(7))
            let outcome = try await queue.fail(claimed.lease, failure: failure, record: nil)
            let failedAt = try #require(try await queue.job(id: "ra")).updatedAtMs
            #expect(outcome == .retryScheduled(atMs: failedAt + 7_000))
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func deadlineBudgetDeadLetters(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            // The first retry would start after the deadline; the deadline itself is long enough for a loaded machine to claim first.
            _ = try await queue.enqueue(Self.newJob("dl", limits: JobLimits(deadline: .seconds(10), baseBackoff: .seconds(60), maxBackoff: .seconds(60))))
            let claimed = try await Self.claimOne(queue)
            let failure = JobFailure(code: "provider_timeout", message: "timed out", retryable: true)
            #expect(try await queue.fail(claimed.lease, failure: failure, record: nil) == .deadLettered)
            #expect(try await queue.job(id: "dl")?.lastError == "deadline_exceeded: no time left to retry after provider_timeout: timed out")
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func replayMovesADeadJobBackWithFreshBudgets(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("d"))
            let claimed = try await Self.claimOne(queue)
            let failure = JobFailure(code: "invalid_request", message: "400 bad prompt", retryable: false)
            #expect(try await queue.fail(claimed.lease, failure: failure, record: nil) == .deadLettered)
            #expect(try await queue.job(id: "d")?.lastError == "invalid_request: 400 bad prompt")
            #expect(try await queue.replay(id: "d"))
            #expect(try await queue.replay(id: "d") == false)
            #expect(try await queue.replay(id: "unknown") == false)
            #expect(try await queue.deadJobs(limit: 10).isEmpty)
            let again = try await Self.claimOne(queue)
            #expect(again.job.id == "d")
            #expect(again.job.attempts == 0)
            try await queue.complete(again.lease, record: nil)
            #expect(try await queue.job(id: "d")?.state == .done)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func pauseStopsClaimsAndResumeWakesAWaitingClaimer(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            try await queue.setPaused(true)
            _ = try await queue.enqueue(Self.newJob("x"))
            #expect(try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .milliseconds(200)).isEmpty)
            #expect(try await queue.stats().paused)
            // Waiting or arriving after the resume, the claimer gets the job; a waiting claimer that the resume did
            // not wake would sleep through its 600 s wait, and the suite's time limit fails the test.
            let waiting = Task { try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .seconds(600)) }
            try await queue.setPaused(false)
            #expect(try await waiting.value.map(\.job.id) == ["x"])
            #expect(try await queue.stats().paused == false)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func concurrencyCapHoldsWithSeveralClaimers(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            try await queue.setConcurrencyLimit(3)
            for i in 0..<24 { _ = try await queue.enqueue(Self.newJob("c\(i)")) }
            let tracker = ActiveTracker()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in 0..<5 {
                    group.addTask {
                        while await tracker.finished < 24 {
                            let jobs = try await queue.claim(workerID: "w\(w)", max: 4, lease: .seconds(30), wait: .milliseconds(300))
                            await tracker.began(jobs.count)
                            try await Task.sleep(for: .milliseconds(15))
                            await tracker.ended(jobs.count)
                            for job in jobs { try await queue.complete(job.lease, record: nil) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await tracker.peak == 3)
            let stats = try await queue.stats()
            #expect(stats.counts[.done] == 24)
            #expect(stats.concurrencyLimit == 3)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func expiredLeaseIsReapedAndTheStaleHolderIsFenced(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("f", limits: JobLimits(baseBackoff: .milliseconds(10), maxBackoff: .milliseconds(20))))
            // w1 claims and then hangs: it never heartbeats.
            let stale = try await Self.claimOne(queue, worker: "w1", lease: .milliseconds(100))
            // w2 waits; it wakes when the lease expires, reaps it and runs the job again.
            let fresh = try await Self.claimOne(queue, worker: "w2")
            #expect(fresh.job.id == "f")
            #expect(fresh.job.stalls == 1)
            #expect(fresh.lease.fence > stale.lease.fence)
            await #expect(throws: QueueError.self) { _ = try await queue.heartbeat(stale.lease, extendBy: .seconds(30)) }
            do {
                try await queue.complete(stale.lease, record: #"{"by":"w1"}"#)
                Issue.record("the stale complete was accepted")
            } catch let error as QueueError {
                #expect(error.code == .staleLease)
            }
            #expect(try await queue.complete([stale.lease, fresh.lease]) == [false, true])
            let job = try #require(try await queue.job(id: "f"))
            #expect(job.state == .done)
            #expect(job.record == #"{"status":"queued"}"#)
            let unknown = JobLease(jobID: "nope", fence: 1, workerID: "w")
            do {
                try await queue.complete(unknown, record: nil)
                Issue.record("completing an unknown job was accepted")
            } catch let error as QueueError {
                #expect(error.code == .jobNotFound)
            }
        }
    }

    /// One word per outcome of a batched call: what the lease's caller learns.
    private static func outcome<Value>(_ result: Result<Value, QueueError>) -> String {
        switch result {
        case .success(let value as HeartbeatResult): value.cancelRequested ? "cancel" : "ok"
        case .success: "ok"
        case .failure(let error): "\(error.code)"
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func batchedHeartbeatsAndCompletesAnswerPerLease(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            for id in ["a", "b", "c"] { _ = try await queue.enqueue(Self.newJob(id)) }
            let claimed = try await queue.claim(workerID: "w", max: 3, lease: .seconds(30), wait: .seconds(2))
            let leases = Dictionary(uniqueKeysWithValues: claimed.map { ($0.job.id, $0.lease) })
            let a = try #require(leases["a"]), b = try #require(leases["b"]), c = try #require(leases["c"])
            let stale = JobLease(jobID: "c", fence: c.fence + 1, workerID: "w")
            let unknown = JobLease(jobID: "nope", fence: 1, workerID: "w")
            #expect(try await queue.cancel(id: "b") == .requested)

            let beats = try await queue.heartbeat([a, b, stale, unknown], extendBy: .seconds(60))
            #expect(beats.map(Self.outcome) == ["ok", "cancel", "staleLease", "jobNotFound"])
            #expect(try await queue.heartbeat([], extendBy: .seconds(60)).isEmpty)

            let completions = [
                JobCompletion(lease: a, record: #"{"by":"a"}"#),
                JobCompletion(lease: b, record: nil),
                JobCompletion(lease: stale, record: #"{"by":"stale"}"#),
                JobCompletion(lease: unknown, record: nil),
                JobCompletion(lease: c, record: #"{"by":"c"}"#),
            ]
            #expect(try await queue.complete(completions).map(Self.outcome) == ["ok", "ok", "staleLease", "jobNotFound", "ok"])
            #expect(try await queue.job(id: "a")?.record == #"{"by":"a"}"#)
            #expect(try await queue.job(id: "b")?.record == #"{"status":"queued"}"#)
            #expect(try await queue.job(id: "c")?.record == #"{"by":"c"}"#)
            #expect(try await queue.stats().counts[.done] == 3)
            // Finished jobs are completed once: a second batch is refused lease by lease.
            #expect(try await queue.complete(completions.prefix(2).map { $0 }).map(Self.outcome) == ["staleLease", "staleLease"])
            #expect(try await queue.heartbeat([a], extendBy: .seconds(60)).map(Self.outcome) == ["staleLease"])
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func batchedSnoozesEndOrRescheduleEachJobAsASingleSnoozeWould(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("later"))
            _ = try await queue.enqueue(Self.newJob("cancelled"))
            _ = try await queue.enqueue(Self.newJob("no-polls", limits: JobLimits(maxPolls: 0)))
            let claimed = try await queue.claim(workerID: "w", max: 3, lease: .seconds(30), wait: .seconds(2))
            let leases = Dictionary(uniqueKeysWithValues: claimed.map { ($0.job.id, $0.lease) })
            #expect(try await queue.cancel(id: "cancelled") == .requested)
            let stale = JobLease(jobID: "later", fence: try #require(leases["later"]).fence + 1, workerID: "w")
            let snoozes = [
                JobSnooze(lease: try #require(leases["later"]), delay: .seconds(60), stepState: "s1", record: #"{"p":1}"#),
                JobSnooze(lease: stale, delay: .seconds(60), stepState: "stale", record: nil),
                JobSnooze(lease: try #require(leases["cancelled"]), delay: .seconds(60), stepState: "s2", record: nil),
                JobSnooze(lease: try #require(leases["no-polls"]), delay: .seconds(60), stepState: "s3", record: nil),
                JobSnooze(lease: JobLease(jobID: "nope", fence: 1, workerID: "w"), delay: .zero, stepState: "", record: nil),
            ]
            #expect(try await queue.snooze(snoozes).map(Self.outcome) == ["ok", "staleLease", "ok", "ok", "jobNotFound"])
            let later = try #require(try await queue.job(id: "later"))
            #expect(later.state == .scheduled)
            #expect(later.stepState == "s1")
            #expect(later.record == #"{"p":1}"#)
            #expect(later.polls == 1)
            #expect(try await queue.job(id: "cancelled")?.state == .cancelled)
            #expect(try await queue.job(id: "no-polls")?.state == .dead)
            #expect(try await queue.job(id: "no-polls")?.lastError == "poll_budget_exhausted: 0 polls")
            #expect(try await queue.snooze([]).isEmpty)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func stallsExhaustedDeadLetter(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("st", limits: JobLimits(maxStalls: 1)))
            _ = try await Self.claimOne(queue, lease: .milliseconds(50))
            _ = try await Self.claimOne(queue, lease: .milliseconds(50))  // after the first lease expired
            // The reaper finds the second lease once it has expired too.
            #expect(try await eventually { try await queue.reap().reaped == 1 })
            let job = try #require(try await queue.job(id: "st"))
            #expect(job.state == .dead)
            #expect(job.lastError == "stalled: the lease expired 2 times")
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func cancelWaitingAndActiveJobs(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("active"))
            _ = try await queue.enqueue(Self.newJob("later", delay: .seconds(60)))
            let claimed = try await Self.claimOne(queue)
            _ = try await queue.enqueue(Self.newJob("waiting"))
            #expect(try await queue.cancel(id: "waiting") == .cancelled)
            #expect(try await queue.cancel(id: "later") == .cancelled)
            #expect(try await queue.cancel(id: "waiting") == .alreadyFinished)
            #expect(try await queue.cancel(id: "nope") == .notFound)
            #expect(try await queue.heartbeat(claimed.lease, extendBy: .seconds(30)).cancelRequested == false)
            #expect(try await queue.cancel(id: "active") == .requested)
            #expect(try await queue.heartbeat(claimed.lease, extendBy: .seconds(30)).cancelRequested)
            #expect(try await queue.job(id: "active")?.cancelRequested == true)
            let failure = JobFailure(code: "cancelled", message: "cancelled by its owner", retryable: true)
            #expect(try await queue.fail(claimed.lease, failure: failure, record: nil) == .deadLettered)
            #expect(try await queue.job(id: "active")?.state == .cancelled)
            #expect(try await queue.claim(workerID: "w", max: 5, lease: .seconds(30), wait: .milliseconds(100)).isEmpty)
            let stats = try await queue.stats()
            #expect(stats.counts[.cancelled] == 3)
            #expect(stats.counts[.ready] == 0 && stats.counts[.scheduled] == 0 && stats.counts[.active] == 0)
            #expect(try await queue.replaceFinishedRecord(id: "waiting", record: #"{"deleted":true}"#))
            #expect(try await queue.job(id: "waiting")?.record == #"{"deleted":true}"#)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func signalWakesASnoozedJob(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            _ = try await queue.enqueue(Self.newJob("sig"))
            #expect(try await queue.signal(id: "sig") == false)
            let claimed = try await Self.claimOne(queue)
            try await queue.updateRecord(claimed.lease, record: #"{"progress":50}"#)
            #expect(try await queue.replaceFinishedRecord(id: "sig", record: "{}") == false)
            try await queue.snooze(claimed.lease, delay: .seconds(60), stepState: "poll", record: nil)
            #expect(try await queue.signal(id: "sig"))
            let again = try await Self.claimOne(queue)
            #expect(again.job.record == #"{"progress":50}"#)
            try await queue.release(again.lease)
            #expect(try await queue.job(id: "sig")?.state == .ready)
            #expect(try await Self.claimOne(queue).job.attempts == 0)
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func ownerPagingByJobID(_ backend: QueueBackend) async throws {
        try await backend.withQueue { queue async throws in
            for i in 1...5 { _ = try await queue.enqueue(Self.newJob("a\(i)", owner: "alice")) }
            for i in 1...2 { _ = try await queue.enqueue(Self.newJob("b\(i)", owner: "bob")) }
            var page = try await queue.jobs(owner: "alice", after: nil, limit: 2, descending: false)
            #expect(page.jobs.map(\.id) == ["a1", "a2"] && page.hasMore)
            page = try await queue.jobs(owner: "alice", after: "a2", limit: 2, descending: false)
            #expect(page.jobs.map(\.id) == ["a3", "a4"] && page.hasMore)
            page = try await queue.jobs(owner: "alice", after: "a4", limit: 2, descending: false)
            #expect(page.jobs.map(\.id) == ["a5"] && !page.hasMore)
            page = try await queue.jobs(owner: "alice", after: nil, limit: 3, descending: true)
            #expect(page.jobs.map(\.id) == ["a5", "a4", "a3"] && page.hasMore)
            page = try await queue.jobs(owner: "alice", after: "a3", limit: 3, descending: true)
            #expect(page.jobs.map(\.id) == ["a2", "a1"] && !page.hasMore)
            page = try await queue.jobs(owner: "bob", after: nil, limit: 10, descending: true)
            #expect(page.jobs.map(\.id) == ["b2", "b1"] && !page.hasMore)
            #expect(page.jobs.allSatisfy { $0.owner == "bob" && $0.state == .ready })
            #expect(try await queue.jobs(owner: "bob", after: "a1", limit: 10, descending: true).jobs.isEmpty)
            #expect(try await queue.jobs(owner: "carol", after: nil, limit: 10, descending: true) == JobPage(jobs: [], hasMore: false))
        }
    }

    @Test(arguments: QueueBackend.allCases)
    func finishedJobsAreDeletedAfterTheRetentionPeriod(_ backend: QueueBackend) async throws {
        try await backend.withQueue(options: JobQueueOptions(retention: .seconds(2))) { queue async throws in
            let count = 10_000
            for chunk in stride(from: 0, to: count, by: 1_000) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in chunk..<(chunk + 1_000) {
                        group.addTask { _ = try await queue.enqueue(Self.newJob("job-\(i)", owner: "owner-\(i % 7)")) }
                    }
                    try await group.waitForAll()
                }
            }
            var finished = 0
            var last: ClaimedJob?
            while finished < count {
                let jobs = try await queue.claim(workerID: "w", max: 500, lease: .seconds(30), wait: .seconds(1))
                try #require(!jobs.isEmpty)
                finished += try await queue.complete(jobs.map(\.lease)).filter { $0 }.count
                last = jobs.last
            }
            // Just finished: still readable, still listed.
            let lastID = try #require(last?.job.id)
            #expect(try await queue.job(id: lastID)?.state == .done)
            #expect(try await queue.jobs(owner: "owner-3", after: nil, limit: 5, descending: true).jobs.isEmpty == false)
            // Once the retention period has passed, reaping trims every finished job.
            let trimmed = try await eventually {
                while try await queue.reap().trimmed > 0 {}
                return try await queue.stats().counts[.done] == 0
            }
            #expect(trimmed)
            #expect(try await queue.job(id: lastID) == nil)
            #expect(try await queue.job(id: "job-1") == nil)
            #expect(try await queue.jobs(owner: "owner-3", after: nil, limit: 5, descending: true).jobs.isEmpty)
            let keys = try await backend.keyCount(of: queue)
            #expect(keys <= 4, "\(keys) keys left")
        }
    }
}

/// Counts jobs held at once by the claimers of a test.
private actor ActiveTracker {
    private(set) var active = 0
    private(set) var peak = 0
    private(set) var finished = 0

    func began(_ n: Int) {
        active += n
        peak = max(peak, active)
    }

    func ended(_ n: Int) {
        active -= n
        finished += n
    }
}
