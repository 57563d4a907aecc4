/// Settings of the simulated video provider: where it listens, how long renders take and which faults it injects.
///
/// Rates are probabilities in 0...1 drawn per request (faults) or per created video (failed jobs) from one
/// seeded generator, so a sequential run with the same seed injects the same faults.
///
/// ```swift
/// var configuration = SimConfiguration(port: 0)
/// configuration.renderSeconds = 0
/// let app = buildSimApplication(configuration: configuration)
/// ```
public struct SimConfiguration: Sendable {
    /// Address to bind.
    public var host: String
    /// Port to bind; 0 picks a free port.
    public var port: Int
    /// Seconds from creation until a video completes; 0 completes it at the first read.
    public var renderSeconds: Double
    /// Share of created videos that end `failed` with a generic generation error.
    public var failRate: Double
    /// Share of created videos that end `failed` with `moderation_blocked`.
    public var moderationRate: Double
    /// Share of requests answered 429 with `retry-after`.
    public var rateLimitRate: Double
    /// Value of the `retry-after` header on injected 429s, in seconds.
    public var retryAfterSeconds: Int
    /// Share of requests answered 500.
    public var serverErrorRate: Double
    /// Share of requests delayed by `slowSeconds` before they are served.
    public var slowRate: Double
    /// Delay of a slow response, in seconds.
    public var slowSeconds: Double
    /// Share of requests never answered: the simulator holds them until the client closes the connection
    /// (or `hangSeconds` pass, then answers 500). Needs a live server, not HummingbirdTesting's `.router` mode.
    public var hangRate: Double
    /// Upper bound of a hang, in seconds.
    public var hangSeconds: Double
    /// Seed of the fault generator; `nil` seeds from the system.
    public var seed: UInt64?
    /// Size in bytes of the `video` variant. `nil` serves the bundled clip as is; a larger value pads the
    /// clip with an MP4 `free` box (still a valid file), streamed, for tests of large downloads.
    public var videoBytes: Int?
    /// Largest request body accepted, in bytes (uploads are counted, not kept).
    public var maxUploadBytes: Int
    /// Value of the `openai-poll-after-ms` header on video reads, which paces the SDK's poll loop.
    public var pollAfterMilliseconds: Int
    /// Public keys (PEM) whose RS256 JWTs the Google token endpoint (`POST /token`) accepts: the service accounts that
    /// may call the Vertex AI routes. Keys that do not parse are ignored.
    public var googlePublicKeysPEM: [String]
    /// Lifetime of the access tokens `POST /token` issues, in seconds (`expires_in`).
    public var googleTokenSeconds: Int

    /// Creates a configuration; every parameter has a default that gives a fault-free simulator.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8100,
        renderSeconds: Double = 5,
        failRate: Double = 0,
        moderationRate: Double = 0,
        rateLimitRate: Double = 0,
        retryAfterSeconds: Int = 1,
        serverErrorRate: Double = 0,
        slowRate: Double = 0,
        slowSeconds: Double = 2,
        hangRate: Double = 0,
        hangSeconds: Double = 3600,
        seed: UInt64? = nil,
        videoBytes: Int? = nil,
        maxUploadBytes: Int = 512 << 20,
        pollAfterMilliseconds: Int = 200,
        googlePublicKeysPEM: [String] = [],
        googleTokenSeconds: Int = 3600
    ) {
        for rate in [failRate, moderationRate, rateLimitRate, serverErrorRate, slowRate, hangRate] {
            precondition((0...1).contains(rate), "rates are probabilities in 0...1")
        }
        precondition(renderSeconds >= 0 && slowSeconds >= 0 && hangSeconds >= 0, "durations are not negative")
        precondition(googleTokenSeconds > 0, "tokens live a positive number of seconds")
        self.host = host
        self.port = port
        self.renderSeconds = renderSeconds
        self.failRate = failRate
        self.moderationRate = moderationRate
        self.rateLimitRate = rateLimitRate
        self.retryAfterSeconds = retryAfterSeconds
        self.serverErrorRate = serverErrorRate
        self.slowRate = slowRate
        self.slowSeconds = slowSeconds
        self.hangRate = hangRate
        self.hangSeconds = hangSeconds
        self.seed = seed
        self.videoBytes = videoBytes
        self.maxUploadBytes = maxUploadBytes
        self.pollAfterMilliseconds = pollAfterMilliseconds
        self.googlePublicKeysPEM = googlePublicKeysPEM
        self.googleTokenSeconds = googleTokenSeconds
    }
}
