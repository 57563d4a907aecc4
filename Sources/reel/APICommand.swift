import ArgumentParser

/// `reel api`: runs the API front.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "api", abstract: "Runs the API front.")

    func run() async throws {
        throw ValidationError("`reel api` is not available in this build yet.")
    }
}
