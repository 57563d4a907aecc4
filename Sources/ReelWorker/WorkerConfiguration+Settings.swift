import ReelQueue

extension WorkerConfiguration {
    /// The `reel_settings.worker` block of the YAML configuration; every key is optional.
    ///
    /// Keys: `concurrency`, `lease_seconds`, `heartbeat_seconds`, `claim_wait_seconds`, `shutdown_grace_seconds`,
    /// `poll` (`initial_seconds`, `multiplier`, `max_seconds`, `jitter`, `input_seconds`) and
    /// `deadlines` (seconds per job kind: `generate`, `remix`, `edit`, `extend`, `create_character`, `delete`).
    ///
    /// ```yaml
    /// reel_settings:
    ///   worker: {concurrency: 16, poll: {initial_seconds: 1, max_seconds: 15}, deadlines: {generate: 3600}}
    /// ```
    public struct Settings: Sendable, Equatable, Decodable {
        /// `poll` keys.
        public struct Poll: Sendable, Equatable, Decodable {
            /// `initial_seconds`.
            public var initialSeconds: Double?
            /// `multiplier`.
            public var multiplier: Double?
            /// `max_seconds`.
            public var maxSeconds: Double?
            /// `jitter`.
            public var jitter: Double?
            /// `input_seconds`.
            public var inputSeconds: Double?

            enum CodingKeys: String, CodingKey {
                case initialSeconds = "initial_seconds", multiplier, maxSeconds = "max_seconds", jitter, inputSeconds = "input_seconds"
            }
        }

        /// `concurrency`.
        public var concurrency: Int?
        /// `lease_seconds`.
        public var leaseSeconds: Double?
        /// `heartbeat_seconds`.
        public var heartbeatSeconds: Double?
        /// `claim_wait_seconds`.
        public var claimWaitSeconds: Double?
        /// `shutdown_grace_seconds`.
        public var shutdownGraceSeconds: Double?
        /// `poll`.
        public var poll: Poll?
        /// `deadlines`: seconds per job kind.
        public var deadlines: [String: Double]?

        enum CodingKeys: String, CodingKey {
            case concurrency, leaseSeconds = "lease_seconds", heartbeatSeconds = "heartbeat_seconds"
            case claimWaitSeconds = "claim_wait_seconds", shutdownGraceSeconds = "shutdown_grace_seconds", poll, deadlines
        }
    }

    /// Creates a configuration from the YAML settings, defaults filling what they leave out.
    /// - Throws: ``WorkerError`` with code `invalidConfiguration` when a value is out of range.
    public init(settings: Settings, workerID: String = WorkerConfiguration.makeWorkerID()) throws {
        let defaults = WorkerConfiguration()
        func seconds(_ value: Double?, _ key: String, default fallback: Duration) throws -> Duration {
            guard let value else { return fallback }
            guard value > 0, value.isFinite else {
                throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.\(key) must be a positive number of seconds")
            }
            return .milliseconds(Int64(value * 1000))
        }
        let concurrency = settings.concurrency ?? defaults.concurrency
        guard concurrency >= 1 else {
            throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.concurrency must be at least 1")
        }
        let lease = try seconds(settings.leaseSeconds, "lease_seconds", default: defaults.leaseDuration)
        let heartbeat = try seconds(settings.heartbeatSeconds, "heartbeat_seconds", default: min(defaults.heartbeatInterval, lease / 3))
        guard heartbeat < lease else {
            throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.heartbeat_seconds must be shorter than lease_seconds")
        }
        let poll = settings.poll
        let initial = try seconds(poll?.initialSeconds, "poll.initial_seconds", default: defaults.polling.initialInterval)
        let maxInterval = try seconds(poll?.maxSeconds, "poll.max_seconds", default: max(defaults.polling.maxInterval, initial))
        guard maxInterval >= initial else {
            throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.poll.max_seconds must not be below initial_seconds")
        }
        let multiplier = poll?.multiplier ?? defaults.polling.multiplier
        guard multiplier >= 1 else {
            throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.poll.multiplier must be at least 1")
        }
        let jitter = poll?.jitter ?? defaults.polling.jitter
        guard jitter >= 0, jitter < 1 else {
            throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.poll.jitter must be in [0, 1)")
        }
        var deadlines: [String: Duration] = [:]
        for (kind, value) in settings.deadlines ?? [:] {
            guard VideoJobKind(rawValue: kind) != nil else {
                throw WorkerError(.invalidConfiguration, message: "reel_settings.worker.deadlines.\(kind) names no job kind")
            }
            deadlines[kind] = try seconds(value, "deadlines.\(kind)", default: .zero)
        }
        self.init(
            workerID: workerID,
            concurrency: concurrency,
            leaseDuration: lease,
            heartbeatInterval: heartbeat,
            claimWait: try seconds(settings.claimWaitSeconds, "claim_wait_seconds", default: defaults.claimWait),
            polling: .init(
                initialInterval: initial,
                multiplier: multiplier,
                maxInterval: maxInterval,
                jitter: jitter,
                inputInterval: try seconds(poll?.inputSeconds, "poll.input_seconds", default: defaults.polling.inputInterval)
            ),
            shutdownGracePeriod: try seconds(settings.shutdownGraceSeconds, "shutdown_grace_seconds", default: defaults.shutdownGracePeriod),
            deadlines: deadlines
        )
    }
}
