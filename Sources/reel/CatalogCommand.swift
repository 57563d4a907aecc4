import ArgumentParser

/// `reel catalog`: model catalog administration.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "Model catalog administration.")

    func run() async throws {
        throw ValidationError("`reel catalog` is not available in this build yet.")
    }
}
