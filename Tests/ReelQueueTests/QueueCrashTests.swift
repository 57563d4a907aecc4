import Foundation
import ReelQueue
import ReelRedis
import ReelTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Crashes under the queue: a worker process killed with SIGKILL, and Redis restarted under a claim loop.
struct QueueCrashTests {
    private static func lines(of file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func aWorkerProcessKilledMidJobLosesNothingAndNoJobCompletesTwice() async throws {
        guard let reel = try ReelExecutable.path(), let redisURL = try RedisTestEnvironment.url() else { return }
        let client = try RedisClient(url: redisURL)
        defer { client.close() }
        do {
            let name = "crash-\(UUID().uuidString)"
            let queue = RedisJobQueue.redis(client, name: name)
            // Enough that A, at 200 ms a batch of 10, cannot finish them all before it is caught holding some.
            let count = 1_000
            _ = try await queue.enqueue((0..<count).map { NewJob(id: "job-\($0)", type: "noop", payload: "{}") })
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let logA = directory.appendingPathComponent("a.log")
            let logB = directory.appendingPathComponent("b.log")

            func worker(_ log: URL, _ extra: [String]) throws -> ChildProcess {
                try ChildProcess(
                    reel,
                    [
                        "queue", "work-noop", "--redis-url", redisURL, "--queue", name, "--batch", "10", "--lease-ms", "1000",
                        "--completions", log.path,
                    ] + extra
                )
            }

            // Worker A holds each batch for 200 ms; kill it while it holds one. A is frozen (SIGSTOP) before the queue
            // is asked, so it cannot complete its batch between the answer and the kill; caught between two batches,
            // it is let go and caught again.
            let a = try worker(logA, ["--hold-ms", "200", "--worker-id", "A"])
            try #require(try await eventually { Self.lines(of: logA).count >= 30 }, "A never got going")
            let caughtHolding = try await eventually {
                a.send(SIGSTOP)
                if try await queue.stats().counts[.active] ?? 0 > 0 { return true }
                a.send(SIGCONT)
                return false
            }
            try #require(caughtHolding, "A was never caught holding a job")
            a.send(SIGKILL)
            #expect(try await a.waitForExit() == .signalled(SIGKILL))
            let heldByTheDead = try await queue.stats().counts[.active] ?? 0
            #expect(heldByTheDead > 0, "A was killed while holding no job")

            // Worker B reaps A's expired leases and finishes everything.
            let b = try worker(logB, ["--exit-when-idle", "--worker-id", "B"])
            let bExited = try await eventually { !b.isRunning }
            b.send(SIGKILL)
            let bEnded = try await b.waitForExit()
            #expect(bExited && bEnded == .exited(0))

            let stats = try await queue.stats()
            #expect(stats.counts[.done] == count)
            #expect(stats.counts[.ready] == 0 && stats.counts[.active] == 0 && stats.counts[.dead] == 0)
            let completedByA = Self.lines(of: logA)
            let completedByB = Self.lines(of: logB)
            let all = completedByA + completedByB
            #expect(Set(all).count == all.count, "a job completed twice")
            #expect(!completedByB.isEmpty)
            // A may die after a complete and before logging it; at most one batch goes unlogged.
            #expect(all.count >= count - 10 && all.count <= count)
            var reaped = 0
            for i in 0..<count where try await queue.job(id: "job-\(i)")?.stalls == 1 { reaped += 1 }
            #expect(reaped == heldByTheDead)
        }
    }

    @Test func functionsLostByRedisAreLoadedAgain() async throws {
        let server = try await RedisTestServer.launch()
        let client = RedisClient(configuration: try RedisConfiguration(url: server.url))
        defer { client.close() }
        let queue = RedisJobQueue.redis(client, name: "reload")
        _ = try await queue.enqueue(NewJob(id: "a", type: "noop", payload: "{}"))
        // A restart without persistence, or an operator's FUNCTION FLUSH.
        _ = try await client.send(["FUNCTION", "FLUSH"])
        #expect(try await queue.stats().counts[.ready] == 1)
        #expect(try await queue.claim(workerID: "w", max: 1, lease: .seconds(30), wait: .zero).map(\.job.id) == ["a"])
    }

    @Test func aClaimLoopCarriesOnWhenRedisRestarts() async throws {
        // SIGKILL, not SIGTERM: with every write fsynced to the AOF, even a crash loses nothing.
        let server = try await RedisTestServer.launch(arguments: ["--appendonly", "yes", "--appendfsync", "always"])
        var configuration = try RedisConfiguration(url: server.url)
        configuration.commandTimeout = .seconds(1)
        configuration.connectTimeout = .milliseconds(500)
        let client = RedisClient(configuration: configuration)
        defer { client.close() }
        let queue = RedisJobQueue.redis(client, name: "restart-\(UUID().uuidString)")
        let count = 2_000
        _ = try await queue.enqueue((0..<count).map { NewJob(id: "job-\($0)", type: "noop", payload: "{}") })

        let progress = Progress()
        let loop = Task {
            for try await batch in queue.claims(workerID: "w", batch: 20, lease: .seconds(2), wait: .seconds(1)) {
                try await Task.sleep(for: .milliseconds(2))
                do {
                    let completed = try await queue.complete(batch.map(\.lease))
                    await progress.completed(completed.filter { $0 }.count)
                } catch {
                    // Redis went away mid-batch: these leases expire and the jobs run again (unless Redis
                    // completed them and only the reply was lost).
                    await progress.failed()
                }
            }
        }
        try #require(try await eventually(interval: .milliseconds(1)) { await progress.done >= count / 4 })
        try await server.kill()
        let doneAtStop = await progress.done
        try await Task.sleep(for: .milliseconds(500))  // an outage of half a second, not a wait for a state
        try await server.start()
        _ = try await eventually { (try? await queue.stats().counts[.done]) == count }
        loop.cancel()
        _ = try? await loop.value

        #expect(doneAtStop < count, "Redis restarted after the loop had finished")
        let stats = try await queue.stats()
        #expect(stats.counts[.done] == count)
        // No job completed twice; a batch whose reply the crash swallowed may be missing from the loop's count.
        let confirmed = await progress.done
        #expect(confirmed <= count && confirmed >= count - 20, "\(confirmed) completions confirmed")
        #expect(stats.counts[.ready] == 0 && stats.counts[.active] == 0 && stats.counts[.scheduled] == 0)
    }
}

/// Completions seen by the claim loop of a test.
private actor Progress {
    private(set) var done = 0
    private(set) var failures = 0

    func completed(_ n: Int) { done += n }
    func failed() { failures += 1 }
}
