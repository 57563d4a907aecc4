import ArgumentParser

/// `reel sim`: runs the simulated video provider.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sim", abstract: "Runs the simulated video provider.")

    func run() async throws {
        throw ValidationError("`reel sim` is not available in this build yet.")
    }
}
