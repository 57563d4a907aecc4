/// A fault the simulator can inject; `Simulator.injectFaults(_:)` queues them for the next requests.
public struct SimFault: Hashable, Sendable, CustomStringConvertible {
    enum Base: String, CaseIterable {
        case rateLimit = "rate_limit"
        case serverError = "server_error"
        case slow
        case hang
        case moderation
        case failure
    }

    let base: Base

    /// 429 with `retry-after`.
    public static var rateLimit: Self { .init(base: .rateLimit) }
    /// 500 `server_error`.
    public static var serverError: Self { .init(base: .serverError) }
    /// The response is delayed by the configured slow delay.
    public static var slow: Self { .init(base: .slow) }
    /// The request is never answered.
    public static var hang: Self { .init(base: .hang) }
    /// The next video created ends `failed` with `moderation_blocked`.
    public static var moderation: Self { .init(base: .moderation) }
    /// The next video created ends `failed` with a generic generation error.
    public static var failure: Self { .init(base: .failure) }

    /// Parses the wire name (`rate_limit`, `server_error`, `slow`, `hang`, `moderation`, `failure`).
    public init?(name: String) {
        guard let base = Base(rawValue: name) else { return nil }
        self.base = base
    }

    init(base: Base) { self.base = base }

    /// The wire name, as `/sim/stats` and `/sim/faults` spell it.
    public var description: String { base.rawValue }

    /// Faults that end a job rather than a request.
    var isJobFault: Bool { base == .moderation || base == .failure }
}
