import ReelRedis
import ReelTesting
import Testing

extension RedisClient {
    /// Polls `CLIENT LIST` until the client named `name` is blocked in a command (`flags=b`).
    func waitUntilBlocked(clientNamed name: String) async throws {
        let blocked = try await eventually {
            let clients = try await send(["CLIENT", "LIST"]).string ?? ""
            return clients.split(separator: "\n").contains { $0.contains("name=\(name) ") && $0.contains("flags=b") }
        }
        #expect(blocked, "client \(name) never blocked")
    }

    /// Polls `PUBSUB NUMSUB` until `channel` has `count` subscribers.
    func waitForSubscribers(_ count: Int, on channel: String) async throws {
        let subscribed = try await eventually { try await send(["PUBSUB", "NUMSUB", channel]).array?.last?.int == count }
        #expect(subscribed, "\(channel) never had \(count) subscribers")
    }
}
