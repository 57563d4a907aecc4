import ReelQueue

extension VideoFront {
    /// Checks, before any work, that the caller may start another job: its rate, its in-flight cap and the queue's
    /// capacity. Each refusal is a 429 with `retry-after`.
    func admit(_ caller: Caller) async throws {
        if let key = caller.key {
            if let limit = key.rpmLimit {
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
            if let cap = key.maxInflightJobs {
                try await checkInflight(keyID: key.id, cap: cap)
            }
        }
        try await capacity.check()
    }

    /// Counts the key's unfinished jobs, forgetting the finished ones, and refuses past the cap.
    private func checkInflight(keyID: String, cap: Int) async throws {
        let remembered = try await keys.inflight(keyID: keyID)
        guard remembered.count >= cap else { return }
        var finished: [String] = []
        for jobID in remembered {
            let state = try await queue.job(id: jobID)?.state
            if state == nil || [.done, .dead, .cancelled].contains(state) { finished.append(jobID) }
        }
        if !finished.isEmpty { try await keys.removeInflight(keyID: keyID, jobIDs: finished) }
        if remembered.count - finished.count >= cap {
            throw APIError(
                .rateLimited,
                "Key \(keyID) has \(cap) jobs in flight, its limit. Please retry when one has finished.",
                retryAfter: .seconds(10)
            )
        }
    }
}
