public import Foundation
public import ReelRedis

/// The Redis server that tests run against, from the environment variable `REDIS_URL`.
///
/// When `REDIS_URL` is unset, tests that need Redis are skipped locally but fail when `CI` is set, so a green
/// CI run always means the Redis tests ran:
///
/// ```swift
/// @Test(.enabled(if: RedisTestEnvironment.shouldRun))
/// func roundTrip() async throws {
///     try await RedisTestEnvironment.withClient { client in
///         let key = RedisTestEnvironment.uniqueKeyPrefix() + "greeting"
///         _ = try await client.send(["SET", key, "hello"])
///     }
/// }
/// ```
public enum RedisTestEnvironment {
    /// The error thrown when `REDIS_URL` is unset while `CI` is set.
    public struct MissingRedis: Error, CustomStringConvertible {
        /// Explains what to set.
        public var description: String { "REDIS_URL is not set, and CI is set: Redis tests must run in CI (scripts/test starts a redis-server)" }
    }

    /// Whether Redis tests should run: `REDIS_URL` is set, or `CI` is set (then they run and fail without Redis).
    public static var shouldRun: Bool {
        environment("REDIS_URL") != nil || environment("CI") != nil
    }

    /// The Redis URL, or `nil` when tests may skip (`REDIS_URL` and `CI` both unset).
    /// - Throws: ``MissingRedis`` when `REDIS_URL` is unset and `CI` is set.
    public static func url() throws -> String? {
        if let url = environment("REDIS_URL") { return url }
        if environment("CI") != nil { throw MissingRedis() }
        return nil
    }

    /// Whether the tests run over TLS: `REDIS_URL` is a `rediss://` URL. Then ``RedisTestServer`` starts its
    /// servers with TLS too, so that every Redis test runs over TLS.
    public static var usesTLS: Bool {
        environment("REDIS_URL")?.lowercased().hasPrefix("rediss://") == true
    }

    /// The directory of the test certificates (`REDIS_TLS_DIR`, made by scripts/test): `ca.crt`, `server.crt`
    /// and `server.key` (for `localhost` and `127.0.0.1`), `client.crt` and `client.key`, and `other-ca.crt`, a CA
    /// that signed none of them. `nil` when unset.
    public static var tlsDirectory: URL? {
        environment("REDIS_TLS_DIR").map { URL(fileURLWithPath: $0) }
    }

    /// Runs `body` with a client connected to `REDIS_URL`, closing it afterwards.
    /// - Parameters:
    ///   - isolation: The caller's isolation, inherited by `body`.
    ///   - body: The test's work.
    /// - Returns: What `body` returns, or `nil` when Redis tests are skipped (no `REDIS_URL`, no `CI`).
    /// - Throws: ``MissingRedis`` in CI without `REDIS_URL`, or what `body` throws.
    @discardableResult
    public static func withClient<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (RedisClient) async throws -> T
    ) async throws -> T? {
        guard let url = try url() else { return nil }
        let client = try RedisClient(url: url)
        defer { client.close() }
        return try await body(client)
    }

    /// A key prefix no other test uses, such as `test:5F0C…:`; put it in front of every key a test touches.
    public static func uniqueKeyPrefix() -> String {
        "test:\(UUID().uuidString):"
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
