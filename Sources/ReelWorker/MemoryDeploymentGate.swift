import ReelTime

/// A ``DeploymentGate`` for one process: rpm as a sliding minute, max_parallel as a counter, and a cooldown after
/// `allowedFails` failures within a minute.
public actor MemoryDeploymentGate: DeploymentGate {
    /// Limits of one deployment.
    public struct Limits: Sendable, Equatable {
        /// Requests per minute; nil for no limit.
        public var rpm: Int?
        /// Calls in flight at once; nil for no limit.
        public var maxParallel: Int?

        /// Creates limits.
        public init(rpm: Int? = nil, maxParallel: Int? = nil) {
            self.rpm = rpm
            self.maxParallel = maxParallel
        }
    }

    /// Instants are durations since the gate was made, on its clock.
    private struct State {
        var recent: [Duration] = []
        var inFlight = 0
        var failures: [Duration] = []
        var coolingUntil: Duration?
    }

    private let limits: [String: Limits]
    private let allowedFails: Int
    private let cooldown: Duration
    private var states: [String: State] = [:]
    /// The gate's clock: time since the gate was made.
    private let clock: IntervalClock

    /// Creates a gate.
    /// - Parameters:
    ///   - limits: Limits per deployment id; deployments not listed are unlimited.
    ///   - allowedFails: Failures within a minute that start a cooldown.
    ///   - cooldown: How long a deployment cools down.
    ///   - clock: The gate's time: rate windows and cooldowns follow it.
    public init<C: Clock<Duration>>(limits: [String: Limits] = [:], allowedFails: Int = 3, cooldown: Duration = .seconds(30), clock: C = ContinuousClock()) {
        self.limits = limits
        self.allowedFails = allowedFails
        self.cooldown = cooldown
        self.clock = IntervalClock(clock)
    }

    /// Takes a slot when the deployment is not cooling down and within its limits.
    public func acquire(deploymentID: String) -> GateDecision {
        let now = self.clock.elapsed
        var state = states[deploymentID, default: State()]
        defer { states[deploymentID] = state }
        if let until = state.coolingUntil, until > now { return .refused(retryAfter: until - now) }
        state.recent.removeAll { $0 <= now - .seconds(60) }
        let limit = limits[deploymentID] ?? Limits()
        if let rpm = limit.rpm, state.recent.count >= rpm, let oldest = state.recent.first {
            return .refused(retryAfter: oldest + .seconds(60) - now)
        }
        if let maxParallel = limit.maxParallel, state.inFlight >= maxParallel { return .refused(retryAfter: .milliseconds(200)) }
        state.recent.append(now)
        state.inFlight += 1
        return .granted(GatePermit(deploymentID: deploymentID, token: "", acquiredAt: .now))
    }

    /// Gives a slot back, counting a transient failure.
    public func release(_ permit: GatePermit, transientFailure: Bool) {
        states[permit.deploymentID, default: State()].inFlight -= 1
        if transientFailure { recordFailure(deploymentID: permit.deploymentID) }
    }

    /// Counts a failure; `allowedFails` of them within a minute start a cooldown.
    public func recordFailure(deploymentID: String) {
        let now = self.clock.elapsed
        var state = states[deploymentID, default: State()]
        state.failures.removeAll { $0 <= now - .seconds(60) }
        state.failures.append(now)
        if state.failures.count >= allowedFails {
            state.coolingUntil = now + cooldown
            state.failures.removeAll()
        }
        states[deploymentID] = state
    }
}
