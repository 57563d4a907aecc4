import ArgumentParser
import Foundation
import ReelAPI
import ReelRouting
import ServiceLifecycle
import ReelConfiguration

/// `reel api`: runs the API front.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Runs the API front.",
        discussion: "Environment overrides: REDIS_URL, REEL_MASTER_KEY, and any os.environ/NAME the config names."
    )

    @Option(help: "The configuration file (LiteLLM-style YAML).")
    var config: String

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind.")
    var port = 4000

    func run() async throws {
        let configuration: ReelConfiguration
        do {
            configuration = try ReelConfiguration.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        try await makeAPIServiceGroup(configuration: configuration, host: host, port: port).run()
    }
}
