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

    @Option(help: "Seconds a connection may stay silent (between requests or inside a body) before it is closed.")
    var idleTimeout = 60.0

    @Option(help: "Seconds a request body may take to arrive before it is refused with 408.")
    var requestTimeout = 600.0

    @Option(help: "Connections open at once; more are closed as they arrive.")
    var maxConnections = 1024

    func validate() throws {
        for (name, value) in [("--idle-timeout", idleTimeout), ("--request-timeout", requestTimeout)] where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be a number of seconds in (0, 86400], got \(value).")
        }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1, got \(maxConnections).") }
    }

    func run() async throws {
        let configuration: ReelConfiguration
        do {
            configuration = try ReelConfiguration.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        let limits = APIServerLimits(
            idleTimeout: .milliseconds(Int64(idleTimeout * 1000)),
            requestTimeout: .milliseconds(Int64(requestTimeout * 1000)),
            maxConnections: maxConnections
        )
        try await makeAPIServiceGroup(configuration: configuration, host: host, port: port, limits: limits).run()
    }
}
