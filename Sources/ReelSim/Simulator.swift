import Foundation
import Synchronization

/// The simulated provider's memory: videos, characters, counters and the fault plan.
///
/// One instance backs one application; tests that run the simulator in-process keep a reference to read
/// `stats` and to queue faults:
/// ```swift
/// let simulator = Simulator(configuration: .init(port: 0, renderSeconds: 0))
/// simulator.injectFaults([.rateLimit])          // the next API request gets a 429
/// let app = buildSimApplication(simulator: simulator)
/// ```
/// State sits behind three short-held mutexes (objects, counters, faults); no work happens per video between
/// requests, so thousands of concurrent videos cost only their dictionary entries.
public final class Simulator: Sendable {
    /// The settings it was created with.
    public let configuration: SimConfiguration
    /// The Responses and Realtime APIs' state and counters.
    public let responses = SimResponses()
    /// The Google token endpoint's keys and issued tokens.
    let googleTokens: SimGoogleTokens
    private let state = Mutex(SimState())
    private let counters = Mutex(SimStats())
    private let faultPlan: Mutex<FaultPlan>

    private struct FaultPlan {
        var random: SimRandom
        var requestFaults: [SimFault] = []
        var jobFaults: [SimFault] = []
    }

    /// Creates an empty simulator.
    public init(configuration: SimConfiguration) {
        self.configuration = configuration
        googleTokens = SimGoogleTokens(publicKeysPEM: configuration.googlePublicKeysPEM)
        let seed = configuration.seed ?? UInt64.random(in: .min ... .max)
        faultPlan = Mutex(FaultPlan(random: SimRandom(seed: seed)))
    }

    /// A snapshot of the counters.
    public var stats: SimStats { counters.withLock { $0 } }

    /// Zeroes the counters and drops queued faults; videos and characters stay.
    public func reset() {
        counters.withLock { $0 = SimStats() }
        faultPlan.withLock {
            $0.requestFaults = []
            $0.jobFaults = []
        }
    }

    /// Queues faults ahead of the random ones: request faults (`rateLimit`, `serverError`, `slow`, `hang`) hit the
    /// next API requests in order, job faults (`moderation`, `failure`) the next videos created.
    public func injectFaults(_ faults: [SimFault]) {
        faultPlan.withLock { plan in
            for fault in faults {
                if fault.isJobFault { plan.jobFaults.append(fault) } else { plan.requestFaults.append(fault) }
            }
        }
    }

    /// Runs `body` on the objects under their lock; keep it short.
    func withState<Result: Sendable>(_ body: (inout SimState) throws -> Result) rethrows -> Result {
        try state.withLock { try body(&$0) }
    }

    func count(route: String, key: String?) {
        counters.withLock { $0.count(route: route, key: key) }
    }

    func count(idempotencyKey: String) {
        counters.withLock { $0.idempotencyKeys[idempotencyKey, default: 0] += 1 }
    }

    func countCreated(video: Bool) {
        counters.withLock { if video { $0.videosCreated += 1 } else { $0.charactersCreated += 1 } }
    }

    /// The fault to inject into a request, if any: a queued one first, else one drawn at the configured rates.
    func requestFault(key: String) -> SimFault? {
        let fault: SimFault? = faultPlan.withLock { plan in
            if !plan.requestFaults.isEmpty { return plan.requestFaults.removeFirst() }
            if plan.random.chance(configuration.hangRate) { return .hang }
            if plan.random.chance(configuration.rateLimitRate) { return .rateLimit }
            if plan.random.chance(configuration.serverErrorRate) { return .serverError }
            if plan.random.chance(configuration.slowRate) { return .slow }
            return nil
        }
        if let fault { counters.withLock { $0.count(fault: fault, key: key) } }
        return fault
    }

    /// How a new video will end: a queued job fault first, else one drawn at the configured rates.
    func jobOutcome(key: String) -> SimVideo.Outcome {
        let fault: SimFault? = faultPlan.withLock { plan in
            if !plan.jobFaults.isEmpty { return plan.jobFaults.removeFirst() }
            if plan.random.chance(configuration.moderationRate) { return .moderation }
            if plan.random.chance(configuration.failRate) { return .failure }
            return nil
        }
        guard let fault else { return .success }
        counters.withLock { $0.count(fault: fault, key: key) }
        return fault == .moderation ? .moderationBlocked : .generationFailed
    }

    /// Current Unix time, with fractions.
    func now() -> Double { Date().timeIntervalSince1970 }

    /// A fresh identifier such as `video_` followed by 32 hex digits.
    func makeID(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let high = String(generator.next(), radix: 16)
        let low = String(generator.next(), radix: 16)
        return prefix + String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
