import ArgumentParser

/// `reel queue`: operator tools for the job queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "Operator tools for the job queue.")

    func run() async throws {
        throw ValidationError("`reel queue` is not available in this build yet.")
    }
}
