import ArgumentParser
import Foundation
import Logging
import ReelConfiguration
import ReelWorker
import ServiceLifecycle

/// `reel worker`: runs a worker process.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Runs a worker: claims video jobs from the queue and carries them through the provider.",
        discussion: "Any number of workers, on any number of machines, can share one Redis; across machines the blob store "
            + "directory (reel_settings.storage.directory) must be a shared filesystem. SIGTERM stops claiming, lets running steps "
            + "finish within the grace period and hands the rest back to the queue."
    )

    @Option(help: "The configuration file (LiteLLM-style YAML).") var config = "worker-config/config.yaml"
    @Option(help: "Jobs handled at once (default: reel_settings.worker.concurrency).") var concurrency: Int?
    @Option(help: "Address of the metrics and health endpoint.") var metricsHost = "127.0.0.1"
    @Option(help: "Port of /metrics and /health/* (0 picks a free one).") var metricsPort = 9101
    @Option(help: "Seconds running steps get to finish on SIGTERM before their jobs are handed back.") var gracePeriod = 20.0
    @Option(help: "Log level (trace, debug, info, notice, warning, error, critical).") var logLevel = "info"

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1, got \(concurrency).") }
        guard (0...65535).contains(metricsPort) else { throw ValidationError("--metrics-port must be in 0...65535, got \(metricsPort).") }
        guard gracePeriod >= 0, gracePeriod.isFinite else { throw ValidationError("--grace-period must be a non-negative number.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'.") }
    }

    func run() async throws {
        var logger = Logger(label: "reel.worker")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let settings: ReelConfiguration
        do {
            settings = try ReelConfiguration.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("\(error)")
        }
        var configuration = WorkerConfiguration(settings: settings.reel.worker)
        if let concurrency { configuration.concurrency = concurrency }
        configuration.shutdownGracePeriod = .milliseconds(Int64(gracePeriod * 1000))

        let group = try await makeWorkerServiceGroup(
            configuration: settings,
            worker: configuration,
            metricsHost: metricsHost,
            metricsPort: metricsPort,
            logger: logger
        )
        try await group.run()
    }
}
