import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ReelCrypto
import ReelSim

/// `reel sim`: runs the simulated video provider.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Runs the simulated video provider (the OpenAI video API and Google's Veo APIs on a local port).",
        discussion: "Rates are probabilities in 0...1, drawn per request (faults) or per created video (failed jobs)."
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 picks a free one).") var port = 8100
    @Option(help: "Seconds until a video completes (0: at the first read).") var renderSeconds = 5.0
    @Option(help: "Share of videos that end failed with a generation error.") var failRate = 0.0
    @Option(help: "Share of videos that end failed with moderation_blocked.") var moderationRate = 0.0
    @Option(help: "Share of requests answered 429 with retry-after.") var rateLimitRate = 0.0
    @Option(help: "Retry-after of an injected 429, in seconds.") var retryAfterSeconds = 1
    @Option(help: "Share of requests answered 500.") var serverErrorRate = 0.0
    @Option(help: "Share of requests delayed by --slow-seconds.") var slowRate = 0.0
    @Option(help: "Delay of a slow response, in seconds.") var slowSeconds = 2.0
    @Option(help: "Share of requests never answered (held until the client gives up).") var hangRate = 0.0
    @Option(help: "Upper bound of a hang, in seconds.") var hangSeconds = 3600.0
    @Option(help: "Seed of the fault generator.") var seed: UInt64?
    @Option(help: "Size in bytes of the video variant (the clip padded with an MP4 free box).") var videoBytes: Int?
    @Option(help: "Log level (trace, debug, info, notice, warning, error, critical).") var logLevel = "info"
    @Option(
        name: .customLong("google-public-key"),
        help: "PEM public key of a service account whose JWTs POST /token accepts (repeatable; for the Vertex AI routes)."
    ) var googlePublicKeys: [String] = []
    @Option(help: "Lifetime of the access tokens POST /token issues, in seconds.") var googleTokenSeconds = 3600

    func validate() throws {
        let rates = [
            ("--fail-rate", failRate), ("--moderation-rate", moderationRate), ("--rate-limit-rate", rateLimitRate),
            ("--server-error-rate", serverErrorRate), ("--slow-rate", slowRate), ("--hang-rate", hangRate),
        ]
        for (flag, rate) in rates where !(0...1).contains(rate) {
            throw ValidationError("\(flag) must be between 0 and 1, got \(rate).")
        }
        for (flag, seconds) in [("--render-seconds", renderSeconds), ("--slow-seconds", slowSeconds), ("--hang-seconds", hangSeconds)]
        where seconds < 0 || !seconds.isFinite {
            throw ValidationError("\(flag) must be a non-negative number, got \(seconds).")
        }
        guard retryAfterSeconds >= 0 else { throw ValidationError("--retry-after-seconds must not be negative, got \(retryAfterSeconds).") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port).") }
        if let videoBytes, videoBytes < 0 { throw ValidationError("--video-bytes must not be negative.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'.") }
        guard googleTokenSeconds > 0 else { throw ValidationError("--google-token-seconds must be positive.") }
        for path in googlePublicKeys {
            guard let pem = try? String(contentsOfFile: path, encoding: .utf8), (try? RSAPublicKey(pem: pem)) != nil else {
                throw ValidationError("--google-public-key \(path): not a readable PEM RSA public key.")
            }
        }
    }

    func run() async throws {
        var logger = Logger(label: "reel.sim")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let configuration = SimConfiguration(
            host: host, port: port, renderSeconds: renderSeconds, failRate: failRate, moderationRate: moderationRate,
            rateLimitRate: rateLimitRate, retryAfterSeconds: retryAfterSeconds, serverErrorRate: serverErrorRate, slowRate: slowRate,
            slowSeconds: slowSeconds, hangRate: hangRate, hangSeconds: hangSeconds, seed: seed, videoBytes: videoBytes,
            googlePublicKeysPEM: try googlePublicKeys.map { try String(contentsOfFile: $0, encoding: .utf8) },
            googleTokenSeconds: googleTokenSeconds
        )
        try await buildSimApplication(configuration: configuration, logger: logger).runService()
    }
}
