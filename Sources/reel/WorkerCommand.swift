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
        discussion: "Any number of workers, on any number of machines, can share one Redis; across machines the blobs go to a "
            + "bucket (reel_settings.storage.s3) or a shared filesystem (reel_settings.storage.directory). SIGTERM stops claiming, "
            + "lets running steps finish within the grace period and hands the rest back to the queue."
    )

    @Option(help: "The configuration file (LiteLLM-style YAML).") var config = "worker-config/config.yaml"
    @Option(help: "Jobs handled at once (default: reel_settings.worker.concurrency).") var concurrency: Int?
    @Option(help: "Address of the metrics and health endpoint.") var metricsHost = "127.0.0.1"
    @Option(help: "Port of /metrics and /health/* (0 picks any free one; default: 9101 or the next free port after it).")
    var metricsPort: Int?
    @Option(help: "Seconds running steps get to finish on SIGTERM before their jobs are handed back.") var gracePeriod = 20.0
    @Option(help: "Log level (trace, debug, info, notice, warning, error, critical).") var logLevel = "info"

    func validate() throws {
        if let concurrency, concurrency < 1 { throw ValidationError("--concurrency must be at least 1, got \(concurrency).") }
        if let metricsPort, !(0...65535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be in 0...65535, got \(metricsPort).")
        }
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
            metricsPort: try await endpointPort(),
            logger: logger
        )
        try await group.run()
    }

    /// The port of the metrics endpoint: the one given, which must be free, or the first free one from 9101.
    private func endpointPort() async throws -> Int {
        let first = WorkerEndpoint.defaultPort
        guard let metricsPort else {
            guard let port = await WorkerEndpoint.firstFreePort(host: metricsHost, from: first, count: 100) else {
                throw ValidationError("Ports \(first)...\(first + 99) on \(metricsHost) are all in use: pass --metrics-port with a free port, or 0 for any.")
            }
            return port
        }
        let isFree = metricsPort == 0 ? true : await WorkerEndpoint.isFree(host: metricsHost, port: metricsPort)
        guard isFree else {
            throw ValidationError(
                "--metrics-port \(metricsPort) on \(metricsHost) is in use (another reel worker?): pass another port, 0 for any "
                    + "free one, or leave the option out to take the first free port from \(first)."
            )
        }
        return metricsPort
    }
}
