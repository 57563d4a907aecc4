import ReelRedis
import Testing

extension RedisClient {
    /// Polls `CLIENT LIST` until the client named `name` is blocked in a command (`flags=b`).
    func waitUntilBlocked(clientNamed name: String) async throws {
        for _ in 0..<500 {
            let clients = try await send(["CLIENT", "LIST"]).string ?? ""
            if clients.split(separator: "\n").contains(where: { $0.contains("name=\(name) ") && $0.contains("flags=b") }) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("client \(name) never blocked")
    }

    /// Polls `PUBSUB NUMSUB` until `channel` has `count` subscribers.
    func waitForSubscribers(_ count: Int, on channel: String) async throws {
        for _ in 0..<500 {
            if try await send(["PUBSUB", "NUMSUB", channel]).array?.last?.int == count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("\(channel) never had \(count) subscribers")
    }
}
