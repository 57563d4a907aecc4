/// One check of `/health/readiness`, such as "redis" (reachable) or "functions" (the queue library is loaded).
public struct ReadinessCheck: Sendable {
    /// Name shown in the answer.
    public var name: String
    /// Throws, with a reason, when not ready.
    public var check: @Sendable () async throws -> Void

    /// Creates a check.
    public init(name: String, check: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.check = check
    }
}
