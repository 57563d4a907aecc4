import Logging
import ReelLogging
import Synchronization

/// Knows where the primary that Redis Sentinels monitor under one name is, and follows its failovers.
///
/// The address comes from the first sentinel that answers `SENTINEL get-master-addr-by-name` and is kept until a
/// connection to it fails (``forget(_:)``) or a sentinel announces `+switch-master`. A watcher subscribed on one
/// sentinel at a time (the next one when it breaks) hears that announcement and reports the new primary to the
/// handler given to ``onSwitch(_:)``, so that connections still on the old one are dropped at once instead of when they next fail.
final class SentinelMonitor: Sendable {
    private struct State {
        var primary: RedisConfiguration.Endpoint?
        /// The primary last logged, kept when ``primary`` is forgotten, so that a new one is logged whichever path
        /// (an announcement or a query after a failed connection) finds it first.
        var logged: RedisConfiguration.Endpoint?
        /// Bumped whenever the primary changes, so a slower query does not overwrite a newer announcement.
        var generation = 0
        var watcher: Subscription?
        var nextSentinel = 0
        var closed = false

        /// Whether `primary` is news to the log, and marks it logged.
        mutating func news(_ primary: RedisConfiguration.Endpoint) -> News {
            defer { logged = primary }
            return logged == nil ? .first : logged == primary ? .none : .switched
        }
    }

    /// What the log has to say about a primary just found.
    private enum News { case none, first, switched }

    /// The name the sentinels monitor the primary under.
    let masterName: String
    let sentinels: [RedisConfiguration.Endpoint]
    /// Settings for connections to the sentinels: the client's timeouts and TLS, but no credentials or database,
    /// which belong to the data nodes.
    private let sentinelConfiguration: RedisConfiguration
    private let logger: Logger
    private let switchHandler = Mutex<(@Sendable (RedisConfiguration.Endpoint) -> Void)?>(nil)
    private let state = Mutex(State())

    init(masterName: String, sentinels: [RedisConfiguration.Endpoint], configuration: RedisConfiguration, logger: Logger) {
        self.masterName = masterName
        self.sentinels = sentinels
        var sentinelConfiguration = configuration
        sentinelConfiguration.username = nil
        sentinelConfiguration.password = nil
        sentinelConfiguration.database = 0
        self.sentinelConfiguration = sentinelConfiguration
        self.logger = logger
    }

    /// Sets what is called, on the watcher's thread, with the new primary after a failover.
    func onSwitch(_ handler: @escaping @Sendable (RedisConfiguration.Endpoint) -> Void) {
        switchHandler.withLock { $0 = handler }
    }

    /// The primary's address: the one known, or the one the sentinels name now. Starts the watcher on first use.
    /// - Throws: ``RedisError/Code/noPrimary`` when no sentinel answers or none names a primary.
    func primary() throws(RedisError) -> RedisConfiguration.Endpoint {
        startWatcher()
        if let known = state.withLock({ $0.primary }) { return known }
        let generation = state.withLock { $0.generation }
        var failures: [String] = []
        for sentinel in sentinels {
            do throws(RedisError) {
                let context = try HiredisContext.connect(to: sentinel, configuration: sentinelConfiguration)
                guard let named = try askPrimary(context) else {
                    failures.append("\(sentinel) monitors no master named '\(masterName)'")
                    continue
                }
                let news = state.withLock { state in
                    guard state.generation == generation, !state.closed else { return News.none }
                    state.primary = named
                    return state.news(named)
                }
                log(news, named)
                return named
            } catch {
                failures.append(error.message ?? "\(sentinel): \(error.code)")
            }
        }
        throw RedisError(.noPrimary, message: "no sentinel names a primary for '\(masterName)': " + failures.joined(separator: "; "))
    }

    /// Forgets `endpoint` as the primary (a connection to it failed, or it is no longer a master), so the next
    /// ``primary()`` asks the sentinels again.
    func forget(_ endpoint: RedisConfiguration.Endpoint) {
        state.withLock { state in
            if state.primary == endpoint { state.primary = nil }
        }
    }

    /// Stops the watcher.
    func close() {
        let watcher = state.withLock { state in
            state.closed = true
            defer { state.watcher = nil }
            return state.watcher
        }
        watcher?.terminate()
    }

    /// `SENTINEL get-master-addr-by-name`: the primary's address, or `nil` when the sentinel monitors no such name.
    private func askPrimary(_ context: HiredisContext) throws(RedisError) -> RedisConfiguration.Endpoint? {
        let reply = try context.run(["SENTINEL", "get-master-addr-by-name", masterName])
        guard let parts = reply.array, parts.count == 2, let host = parts[0].string, !host.isEmpty,
            let port = parts[1].string.flatMap({ Int($0) }), (1...65535).contains(port)
        else { return nil }
        return .tcp(host: host, port: port)
    }

    /// Records a primary a sentinel named or announced, and reports it when it differs from the one known.
    private func learn(_ primary: RedisConfiguration.Endpoint) {
        let news: News? = state.withLock { state in
            guard !state.closed, state.primary != primary else { return nil }
            state.primary = primary
            state.generation += 1
            return state.news(primary)
        }
        guard let news else { return }
        log(news, primary)
        switchHandler.withLock { $0 }?(primary)
    }

    private func log(_ news: News, _ primary: RedisConfiguration.Endpoint) {
        let metadata: Logger.Metadata = [LogKey.redisEndpoint: "\(primary)", LogKey.redisMasterName: "\(masterName)"]
        switch news {
        case .none: break
        case .first: logger.info("Redis primary found", metadata: metadata)
        case .switched: logger.info("Redis primary switched", metadata: metadata)
        }
    }

    private func startWatcher() {
        let watcher: Subscription? = state.withLock { state in
            guard !state.closed, state.watcher == nil else { return nil }
            let watcher = Subscription(
                target: "sentinels of \(masterName)",
                logger: logger,
                channels: ["+switch-master"],
                connect: { [weak self] () throws(RedisError) -> HiredisContext in
                    guard let self else { throw RedisError(.closed) }
                    return try self.connectToNextSentinel()
                },
                // On every (re)connection: a failover may have happened while no watcher listened.
                prepare: { [weak self] context throws(RedisError) in
                    if let self, let named = try self.askPrimary(context) { self.learn(named) }
                },
                report: { [weak self] event in
                    guard let self, case .message(_, let payload) = event, let text = payload.string else { return }
                    // `<master name> <old ip> <old port> <new ip> <new port>`
                    let words = text.split(separator: " ")
                    guard words.count == 5, words[0] == self.masterName, let port = Int(words[4]), (1...65535).contains(port) else { return }
                    self.learn(.tcp(host: String(words[3]), port: port))
                },
                finish: { [weak self] _ in
                    // The first connection failed: the next primary() starts another watcher.
                    self?.state.withLock { $0.watcher = nil }
                }
            )
            state.watcher = watcher
            return watcher
        }
        watcher?.start()
    }

    /// A connection to the sentinel after the one used last, trying each in turn.
    private func connectToNextSentinel() throws(RedisError) -> HiredisContext {
        var failures: [String] = []
        for _ in sentinels {
            let sentinel = state.withLock { state in
                defer { state.nextSentinel = (state.nextSentinel + 1) % sentinels.count }
                return sentinels[state.nextSentinel]
            }
            do throws(RedisError) {
                return try HiredisContext.connect(to: sentinel, configuration: sentinelConfiguration)
            } catch {
                failures.append(error.message ?? "\(sentinel): \(error.code)")
            }
        }
        throw RedisError(.noPrimary, message: "no sentinel of '\(masterName)' answers: " + failures.joined(separator: "; "))
    }
}
