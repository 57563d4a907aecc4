import Foundation
import Logging
import ReelQueue
import ServiceLifecycle
import Testing
import ReelTesting

import ReelWorker
import ReelVideo

struct WorkerServiceTests {
    /// Runs the worker in a ServiceGroup around `body`, then shuts it down gracefully and waits for it.
    func withWorker<C: Clock<Duration>>(_ harness: WorkerHarness<C>, _ body: () async throws -> Void) async throws {
        let logger = Logger(label: "test")
        let worker = WorkerService(runner: harness.runner, configuration: harness.configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [worker], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            guard let manual = harness.clock as? ManualClock else { return try await tasks.waitForAll() }
            // On a manual clock the claim loop's wait ends only when time moves: it moves until the worker has stopped.
            tasks.addTask {
                while !Task.isCancelled {
                    manual.advance(by: .milliseconds(10))
                    await Task.yield()
                }
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    @Test func workerCarriesManyJobsThroughItsSlots() async throws {
        let harness = try WorkerHarness(pollsToComplete: 3)
        var ids: [String] = []
        for _ in 0..<30 { ids.append(try await harness.enqueue(.generate)) }
        try await withWorker(harness) {
            try #require(try await eventually { try await harness.queue.stats().counts[.done] == 30 })
        }
        for id in ids { #expect(try await harness.record(id).status == .completed) }
        #expect(await harness.provider("dep-a").calls(.create) == 30)
    }

    @Test func gracefulShutdownHandsBackRunningTicksAfterTheGracePeriod() async throws {
        let harness = try WorkerHarness()
        await harness.provider("dep-a").setCreateDelay(.seconds(30))
        let id = try await harness.enqueue(.generate)
        // The create takes 30 s; a worker that waited for it instead of handing the job back would leave it done.
        // (A job claimed but not yet started when the shutdown comes is handed back as it was.)
        try await withWorker(harness) {
            try #require(try await eventually { await harness.provider("dep-a").calls(.create) == 1 })
        }
        // Handed back without an attempt, and marked as maybe created at dep-a, where it goes again.
        let snapshot = try #require(try await harness.queue.job(id: id))
        #expect(snapshot.state == .scheduled)
        #expect(snapshot.attempts == 0)
        #expect(snapshot.stalls == 0)
        let step = try JSONDecoder().decode(VideoJobStep.self, from: Data(try #require(snapshot.stepState).utf8))
        #expect(step.unconfirmedSubmitTo == "dep-a")
    }

    @Test(.timeLimit(.minutes(1))) func anIdleWorkerStopsWithoutWaitingOutItsClaim() async throws {
        // The claim waits an hour on a clock that never moves: only the shutdown can end it.
        var configuration = fastConfiguration()
        configuration.claimWait = .seconds(3600)
        let clock = ManualClock()
        let harness = try WorkerHarness(configuration: configuration, clock: clock)
        let logger = Logger(label: "test")
        let worker = WorkerService(runner: harness.runner, configuration: configuration, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [worker], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Asleep on the clock: the heartbeat loop and the claim's wait.
            await clock.waitForSleepers(2)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancelSeenAtHeartbeatStopsTheJob() async throws {
        // On a manual clock, so that the heartbeat surely comes while the create is at the provider: on the system's
        // clock a loaded machine can delay it past the create, and the cancel then meets the job at its snooze.
        let clock = ManualClock()
        let harness = try WorkerHarness(clock: clock)
        await harness.provider("dep-a").setCreateDelay(.seconds(10))
        let id = try await harness.enqueue(.generate)
        let round = harness.configuration.heartbeatInterval / 4
        try await withWorker(harness) {
            try #require(try await eventually { await harness.provider("dep-a").calls(.create) == 1 })
            #expect(try await harness.queue.cancel(id: id) == .requested)
            // Two heartbeat intervals, a round at a time, each once the create, the heartbeat loop and the claim's
            // wait are asleep again; then the create answers.
            for _ in 0..<8 {
                await clock.waitForSleepers(3)
                clock.advance(by: round)
            }
            await clock.waitForSleepers(3)
            clock.advance(by: .seconds(10))
            try #require(try await eventually { try await harness.queue.job(id: id)?.state == .done })
        }
        #expect(try await harness.record(id).deleted)
        #expect(await harness.provider("dep-a").deleted == ["dep-a_video_1"])
        #expect(await harness.provider("dep-a").calls(.retrieve) == 0)
    }

    @Test func longTicksKeepTheirLeasesThroughTheHeartbeatLoop() async throws {
        var configuration = fastConfiguration()
        configuration.leaseDuration = .seconds(3)
        let clock = ManualClock()
        let harness = try WorkerHarness(configuration: configuration, clock: clock)
        // Each create takes 10 s of the test's clock, more than three leases.
        await harness.provider("dep-a").setCreateDelay(.seconds(10))
        var ids: [String] = []
        for _ in 0..<configuration.concurrency { ids.append(try await harness.enqueue(.generate)) }
        let round = configuration.heartbeatInterval / 4
        try await withWorker(harness) {
            // Every slot is taken, so the claim loop waits for one without a timer: asleep on the clock are the creates
            // and the heartbeat loop. Time moves a heartbeat round at a time, each once the loop sleeps again.
            for _ in 0..<Int(Duration.seconds(10) / round) {
                await clock.waitForSleepers(configuration.concurrency + 1)
                clock.advance(by: round)
                // A rival worker would take over any lease let expire.
                #expect(try await harness.queue.claim(workerID: "rival", max: 1, lease: .seconds(3), wait: .zero).isEmpty)
            }
            // The creates have answered; each tick ends in a snooze, taken on the lease it was claimed with.
            try #require(try await eventually { try await harness.queue.stats().counts[.scheduled] == ids.count })
        }
        for id in ids {
            let job = try #require(try await harness.queue.job(id: id))
            #expect(job.stalls == 0)
        }
        #expect(await harness.provider("dep-a").calls(.create) == ids.count)
    }

    @Test func shutdownWhileManyJobsCompleteLosesNone() async throws {
        var configuration = fastConfiguration()
        configuration.concurrency = 16
        let harness = try WorkerHarness(pollsToComplete: 1, configuration: configuration)
        var ids: [String] = []
        for _ in 0..<120 { ids.append(try await harness.enqueue(.generate)) }
        try await withWorker(harness) {
            try #require(try await eventually { try await harness.queue.stats().counts[.done, default: 0] >= 10 })
        }
        // Stopped mid-stream: no job is left holding a lease, and every finished one has its completed record.
        #expect(try await harness.queue.stats().counts[.active, default: 0] == 0)
        for id in ids where try await harness.queue.job(id: id)?.state == .done {
            #expect(try await harness.record(id).status == .completed)
        }
        try await withWorker(harness) {
            try #require(try await eventually { try await harness.queue.stats().counts[.done] == ids.count })
        }
        for id in ids { #expect(try await harness.record(id).status == .completed) }
        // A job handed back while its create was unanswered is sent once more, under the same idempotency key, so
        // the provider may see more create calls than jobs; it must hold one video per job, made under that job's key.
        let provider = harness.provider("dep-a")
        #expect(await provider.createsPerKey.keys.sorted() == ids.map { "reel-\($0)" }.sorted())
        #expect(await provider.objects.count == ids.count)
    }
}
