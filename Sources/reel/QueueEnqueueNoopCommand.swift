import ArgumentParser
import Foundation
import ReelQueue

/// `reel queue enqueue-noop`: enqueues no-op jobs, pipelined (demo, benchmark, process tests).
struct QueueEnqueueNoopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue-noop",
        abstract: "Enqueues no-op jobs (demo and benchmark helper).",
        shouldDisplay: false
    )

    @OptionGroup var connection: QueueConnectionOptions

    @Option(help: "How many jobs.")
    var count = 1_000

    @Option(help: "Jobs per pipelined round trip.")
    var pipeline = 500

    @Option(help: "Job id prefix (ids are PREFIX-0, PREFIX-1, …); default: a random one.")
    var prefix = "noop-\(UUID().uuidString.prefix(8).lowercased())"

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard pipeline >= 1 else { throw ValidationError("--pipeline must be at least 1") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        try await connection.withQueue { queue in
            try await queue.bootstrap()
            // Two round trips in flight at a time: one per pooled connection.
            try await withThrowingTaskGroup(of: Void.self) { group in
                var inFlight = 0
                for chunk in stride(from: 0, to: count, by: pipeline) {
                    if inFlight == 2 {
                        try await group.next()
                        inFlight -= 1
                    }
                    let jobs = (chunk..<min(chunk + pipeline, count)).map { NewJob(id: "\(prefix)-\($0)", type: "noop", payload: "{}") }
                    group.addTask { _ = try await queue.enqueue(jobs) }
                    inFlight += 1
                }
                try await group.waitForAll()
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        print("enqueued=\(count) seconds=\(String(format: "%.3f", seconds)) jobs_per_s=\(Int(Double(count) / seconds))")
    }
}
