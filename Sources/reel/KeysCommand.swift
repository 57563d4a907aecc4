import ArgumentParser

/// `reel keys`: virtual-key administration.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Virtual-key administration.")

    func run() async throws {
        throw ValidationError("`reel keys` is not available in this build yet.")
    }
}
