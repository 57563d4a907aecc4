import ArgumentParser

/// The `reel` command: every Reel process is one of its subcommands.
@main
struct Reel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A job-queue gateway for long-running video operations, speaking the OpenAI video API.",
        subcommands: [APICommand.self, WorkerCommand.self, SimCommand.self, QueueCommand.self, KeysCommand.self, CatalogCommand.self, TransportBenchCommand.self, BlobBenchCommand.self]
    )
}
