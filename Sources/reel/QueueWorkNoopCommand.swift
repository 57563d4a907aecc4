import ArgumentParser
import Foundation
import Logging
import ReelQueue

/// `reel queue work-noop`: a worker process that completes no-op jobs (demo, benchmark, process tests).
struct QueueWorkNoopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work-noop",
        abstract: "Claims and completes no-op jobs (demo and benchmark helper).",
        shouldDisplay: false
    )

    @OptionGroup var connection: QueueConnectionOptions

    @Option(help: "Claim loops in this process.")
    var concurrency = 1

    @Option(help: "Jobs per claim.")
    var batch = 100

    @Option(name: .customLong("lease-ms"), help: "Lease of each claimed job, in milliseconds.")
    var leaseMs = 30_000

    @Option(name: .customLong("hold-ms"), help: "How long each batch \"works\" before it completes, in milliseconds.")
    var holdMs = 0

    @Option(help: "Worker id (default: noop-PID).")
    var workerID = "noop-\(ProcessInfo.processInfo.processIdentifier)"

    @Option(help: "Append the id of every job this worker completed to this file.")
    var completions: String?

    @Flag(help: "Exit once nothing is ready, scheduled or active.")
    var exitWhenIdle = false

    func validate() throws {
        guard concurrency >= 1, batch >= 1, leaseMs >= 1, holdMs >= 0 else {
            throw ValidationError("--concurrency, --batch and --lease-ms must be at least 1, --hold-ms at least 0")
        }
    }

    func run() async throws {
        let log = try completions.map { path in
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
            handle.seekToEndOfFile()
            return handle
        }
        let tally = Tally()
        try await connection.withQueue { queue in
            try await queue.bootstrap()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for loop in 0..<concurrency {
                    group.addTask {
                        let claims = queue.claims(workerID: "\(workerID)-\(loop)", batch: batch, lease: .milliseconds(leaseMs), wait: .seconds(1))
                        for try await jobs in claims {
                            await tally.claimed()
                            if holdMs > 0 { try await Task.sleep(for: .milliseconds(holdMs)) }
                            let completed = try await queue.complete(jobs.map(\.lease))
                            let ids = zip(jobs, completed).filter(\.1).map(\.0.job.id)
                            log?.write(Data(ids.map { $0 + "\n" }.joined().utf8))
                            await tally.add(ids.count)
                        }
                    }
                }
                if exitWhenIdle {
                    group.addTask {
                        // Operator-side idle check (the claim path itself never polls).
                        while true {
                            try await Task.sleep(for: .milliseconds(100))
                            let counts = try await queue.stats().counts
                            if (counts[.ready] ?? 0) + (counts[.scheduled] ?? 0) + (counts[.active] ?? 0) == 0 { return }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
                try await group.waitForAll()
            }
        }
        let summary = await tally.summary
        print("worker=\(workerID) done=\(summary.done) first_ms=\(summary.firstMs) last_ms=\(summary.lastMs)")
    }
}

/// Jobs completed by this process, when the first batch was claimed and when the last one completed (ms since the epoch).
private actor Tally {
    private var done = 0
    private var firstMs: Int64 = 0
    private var lastMs: Int64 = 0

    private static var nowMs: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    func claimed() {
        if firstMs == 0 { firstMs = Self.nowMs }
    }

    func add(_ n: Int) {
        done += n
        lastMs = Self.nowMs
    }

    var summary: (done: Int, firstMs: Int64, lastMs: Int64) { (done, firstMs, lastMs) }
}
