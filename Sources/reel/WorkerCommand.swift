import ArgumentParser

/// `reel worker`: runs a worker.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Runs a worker.")

    func run() async throws {
        throw ValidationError("`reel worker` is not available in this build yet.")
    }
}
