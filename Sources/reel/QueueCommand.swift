import ArgumentParser
import Foundation
import ReelQueue

/// `reel queue`: operator tools for the job queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Operator tools for the job queue.",
        subcommands: [
            Stats.self, Dead.self, Replay.self, Pause.self, Resume.self, Limit.self, Reap.self,
            QueueEnqueueNoopCommand.self, QueueWorkNoopCommand.self, QueueFillVideosCommand.self,
        ]
    )

    /// `reel queue stats`.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prints the jobs per state, the pause flag, the concurrency cap and the retention it uses."
        )

        @OptionGroup var connection: QueueConnectionOptions

        @Flag(help: "One line: state=count pairs.")
        var oneline = false

        func run() async throws {
            let (queue, stats) = try await connection.withQueue { ($0, try await $0.stats()) }
            let states: [JobState] = [.ready, .scheduled, .active, .done, .dead, .cancelled]
            if oneline {
                let pairs = states.map { "\($0.rawValue)=\(stats.counts[$0] ?? 0)" } + ["paused=\(stats.paused ? "yes" : "no")"]
                print(pairs.joined(separator: " "))
                return
            }
            print("queue \(queue.name)")
            for state in states {
                print("  \(state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))\(stats.counts[state] ?? 0)")
            }
            print("  paused      \(stats.paused ? "yes" : "no")")
            print("  cap         \(stats.concurrencyLimit.map(String.init) ?? "none")")
            print("  retention   \(queue.options.retention.components.seconds) s")
        }
    }

    /// `reel queue dead`.
    struct Dead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists dead-lettered jobs, most recent first.")

        @OptionGroup var connection: QueueConnectionOptions

        @Option(help: "At most this many jobs (1–1000).")
        var limit = 20

        func validate() throws {
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        }

        func run() async throws {
            let (name, jobs) = try await connection.withQueue { ($0.name, try await $0.deadJobs(limit: limit)) }
            if jobs.isEmpty { print("no dead-lettered jobs in queue \(name)") }
            for job in jobs {
                let when = Date(timeIntervalSince1970: Double(job.updatedAtMs) / 1000).ISO8601Format()
                print("\(job.id)  \(job.type)  attempts=\(job.attempts) polls=\(job.polls) stalls=\(job.stalls)  \(when)")
                print("    \(job.lastError ?? "no reason recorded")")
            }
        }
    }

    /// `reel queue replay ID`.
    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Moves a dead-lettered job back to ready with fresh budgets.")

        @OptionGroup var connection: QueueConnectionOptions

        @Argument(help: "The job id.")
        var id: String

        func run() async throws {
            let (name, replayed) = try await connection.withQueue { ($0.name, try await $0.replay(id: id)) }
            guard replayed else { throw QueueCommandError(description: "job \(id) is not in the dead-letter set of queue \(name)") }
            print("replayed \(id)")
        }
    }

    /// `reel queue pause`.
    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stops claims (enqueue keeps working).")

        @OptionGroup var connection: QueueConnectionOptions

        func run() async throws {
            let name = try await connection.withQueue { queue in
                try await queue.setPaused(true)
                return queue.name
            }
            print("queue \(name) paused")
        }
    }

    /// `reel queue resume`.
    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resumes claims.")

        @OptionGroup var connection: QueueConnectionOptions

        func run() async throws {
            let name = try await connection.withQueue { queue in
                try await queue.setPaused(false)
                return queue.name
            }
            print("queue \(name) resumed")
        }
    }

    /// `reel queue limit N|none`.
    struct Limit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Caps the jobs active at once across all workers.")

        @OptionGroup var connection: QueueConnectionOptions

        @Argument(help: "The cap, or `none`.")
        var cap: String

        func validate() throws {
            guard cap == "none" || (Int(cap) ?? 0) >= 1 else { throw ValidationError("the cap must be a positive number or `none`") }
        }

        func run() async throws {
            let name = try await connection.withQueue { queue in
                try await queue.setConcurrencyLimit(Int(cap))
                return queue.name
            }
            print("queue \(name) concurrency cap: \(cap)")
        }
    }

    /// `reel queue reap`.
    struct Reap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reaps expired leases, promotes due jobs and deletes finished jobs past retention (workers do this as they claim)."
        )

        @OptionGroup var connection: QueueConnectionOptions

        func run() async throws {
            let report = try await connection.withQueue { try await $0.reap() }
            print("reaped=\(report.reaped) promoted=\(report.promoted) trimmed=\(report.trimmed)")
        }
    }
}
