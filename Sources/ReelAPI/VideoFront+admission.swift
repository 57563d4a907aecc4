import ReelQueue

extension VideoFront {
    /// Checks, before any work, that the caller may start another job: its rate and the queue's capacity (its
    /// in-flight cap is checked by the enqueue itself). Each refusal is a 429 with `retry-after`.
    func admit(_ caller: Caller) async throws {
        try await admitRate(caller)
        try await capacity.check()
    }

    /// Refuses with 429 a request beyond the caller's `rpm_limit` in the current minute.
    func admitRate(_ caller: Caller) async throws {
        if let key = caller.key, let limit = key.rpmLimit {
            let count = try await keys.countRequest(keyID: key.id)
            if count > limit {
                let wait = 60 - Int(Self.now % 60)
                throw APIError(
                    .rateLimited,
                    "Rate limit reached for key \(key.id): \(limit) requests per minute. Please retry after \(wait) seconds.",
                    retryAfter: .seconds(wait)
                )
            }
        }
    }
}
