public import ReelRedis
import Foundation

/// A private replicated Redis for failover tests: a primary, optionally a replica, and three `redis-sentinel`s
/// that monitor them under ``masterName``, all on loopback (over TLS when ``RedisTestEnvironment/usesTLS``).
///
/// The sentinels judge a server down after 500 ms, so a failover takes a few seconds. ``launch(withReplica:)``
/// returns once every sentinel knows the replica and the other two sentinels, so a failover can start at once.
///
/// ```swift
/// let deployment = try await RedisSentinelTestDeployment.launch()
/// let client = try RedisClient(url: deployment.url)
/// try await deployment.failover()      // SENTINEL FAILOVER: the replica becomes the primary
/// ```
public final class RedisSentinelTestDeployment: Sendable {
    /// The name the sentinels monitor the primary under.
    public static let masterName = "reel-primary"

    /// The server that is the primary at launch.
    public let primary: RedisTestServer
    /// The server that replicates it at launch, if asked for.
    public let replica: RedisTestServer?
    private let sentinels: [SentinelTestProcess]
    private let tlsQuery: String

    private init(primary: RedisTestServer, replica: RedisTestServer?, sentinels: [SentinelTestProcess], tlsQuery: String) {
        self.primary = primary
        self.replica = replica
        self.sentinels = sentinels
        self.tlsQuery = tlsQuery
    }

    /// `redis-sentinel://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3/reel-primary`, or `rediss-sentinel://…?ca_file=…`.
    public var url: String {
        let hosts = sentinels.map { "127.0.0.1:\($0.port)" }.joined(separator: ",")
        return (tlsQuery.isEmpty ? "redis-sentinel://" : "rediss-sentinel://") + hosts + "/\(Self.masterName)" + tlsQuery
    }

    /// Launches the servers and the sentinels and waits until the sentinels have found each other and the replica.
    /// - Parameter withReplica: Whether to start a replica (without one, no failover can happen).
    /// - Throws: ``RedisTestServer/LaunchError`` when a process does not start or the sentinels do not settle.
    public static func launch(withReplica: Bool = true) async throws -> RedisSentinelTestDeployment {
        let tls = RedisTestEnvironment.usesTLS
        let primary = try await RedisTestServer.launch(arguments: tls ? ["--tls-replication", "yes"] : [])
        var replica: RedisTestServer?
        if withReplica {
            replica = try await RedisTestServer.launch(
                arguments: ["--replicaof", "127.0.0.1", String(primary.port)] + (tls ? ["--tls-replication", "yes"] : [])
            )
        }
        var settings = [
            "sentinel down-after-milliseconds \(masterName) 500",
            "sentinel failover-timeout \(masterName) 5000",
        ]
        var tlsQuery = ""
        if let directory = primary.tlsDirectory {
            func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
            settings += [
                "tls-cert-file \(file("server.crt"))", "tls-key-file \(file("server.key"))",
                "tls-ca-cert-file \(file("ca.crt"))", "tls-auth-clients no", "tls-replication yes",
            ]
            tlsQuery = "?ca_file=\(file("ca.crt"))"
        }
        let tlsSettings = primary.tlsDirectory.map { RedisConfiguration.TLS(caFile: $0.appendingPathComponent("ca.crt").path) }
        let probe: @Sendable (Int) throws -> RedisClient = { port in
            RedisClient(
                configuration: RedisConfiguration(
                    endpoint: .tcp(host: "127.0.0.1", port: port),
                    connectTimeout: .milliseconds(500),
                    commandTimeout: .seconds(2),
                    poolSize: 1,
                    tls: tlsSettings
                )
            )
        }
        var sentinels: [SentinelTestProcess] = []
        for _ in 0..<3 {
            sentinels.append(try await SentinelTestProcess.launch(
                    masterName: masterName, primaryPort: primary.port, settings: settings, tls: tls, probe: probe
                ))
        }
        let deployment = RedisSentinelTestDeployment(primary: primary, replica: replica, sentinels: sentinels, tlsQuery: tlsQuery)
        try await deployment.waitUntilSettled(probe: probe)
        return deployment
    }

    /// Sends a command to the first sentinel, such as `["SENTINEL", "FAILOVER", masterName]`.
    public func sendToSentinel(_ arguments: [String]) async throws -> RESPValue {
        let client = try RedisClient(url: sentinelURL(sentinels[0].port))
        defer { client.close() }
        return try await client.send(arguments)
    }

    /// The port of the server the sentinels name as the primary now.
    public func primaryPort() async throws -> Int? {
        try await sendToSentinel(["SENTINEL", "get-master-addr-by-name", Self.masterName]).array?.last?.string.flatMap { Int($0) }
    }

    /// Makes the replica the primary (`SENTINEL FAILOVER`) and waits until the sentinels name it.
    /// - Throws: ``RedisTestServer/LaunchError`` without a replica or when the failover does not end within ``Swift/Duration/testWaitLimit``.
    public func failover() async throws {
        guard let replica else { throw RedisTestServer.LaunchError(description: "a failover needs a replica") }
        _ = try await sendToSentinel(["SENTINEL", "FAILOVER", Self.masterName])
        guard try await eventually(interval: .milliseconds(20), { try await primaryPort() == replica.port }) else {
            throw RedisTestServer.LaunchError(description: "the sentinels did not name the replica as primary within \(Duration.testWaitLimit)")
        }
    }

    private func sentinelURL(_ port: Int) -> String {
        (tlsQuery.isEmpty ? "redis://" : "rediss://") + "127.0.0.1:\(port)" + tlsQuery
    }

    /// With a replica, waits until it is in sync and every sentinel knows it and the two other sentinels: only then
    /// can the sentinels agree on a failover and find a replica to promote. Without one no failover can happen,
    /// and a sentinel names the primary as soon as it answers.
    private func waitUntilSettled(probe: @Sendable (Int) throws -> RedisClient) async throws {
        guard let replica else { return }
        let client = try RedisClient(url: replica.url)
        defer { client.close() }
        let synced = try await eventually(interval: .milliseconds(20)) {
            (try? await client.send(["ROLE"]).array)?.dropFirst(3).first?.string == "connected"
        }
        guard synced else { throw RedisTestServer.LaunchError(description: "the replica did not sync within \(Duration.testWaitLimit)") }
        for sentinel in sentinels {
            let client = try probe(sentinel.port)
            defer { client.close() }
            let settled = try await eventually(interval: .milliseconds(50)) {
                let known = try? await client.pipeline([["SENTINEL", "REPLICAS", Self.masterName], ["SENTINEL", "SENTINELS", Self.masterName]])
                // A replica the sentinel has only heard of from the primary is no candidate for promotion yet: it
                // must have answered the sentinel itself, with its link to the primary up.
                let fields = (known?[0].array?.first?.array ?? []).compactMap(\.string)
                let linkUp = zip(fields, fields.dropFirst()).contains { $0 == "master-link-status" && $1 == "ok" }
                return known?[0].array?.count == 1 && linkUp && known?[1].array?.count == 2
            }
            guard settled else { throw RedisTestServer.LaunchError(description: "the sentinels did not find each other within \(Duration.testWaitLimit)") }
        }
    }
}
