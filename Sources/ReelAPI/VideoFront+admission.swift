import ReelAPICore
import ReelQueue

extension VideoFront {
    /// Checks, before any work, that the caller may start another job: its rate and the queue's capacity (its
    /// in-flight cap is checked by the enqueue itself). Each refusal is a 429 with `retry-after`.
    func admit(_ caller: Caller) async throws {
        try await authenticator.admitRate(caller)
        try await capacity.check()
    }
}
