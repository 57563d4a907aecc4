import Foundation
import ReelRedis

#if canImport(Glibc)
import Glibc
#endif

/// One private `redis-sentinel` process of a ``RedisSentinelTestDeployment``, killed when the value is released.
final class SentinelTestProcess: Sendable {
    /// The TCP port (TLS when the deployment's servers speak TLS).
    let port: Int
    private let directory: URL
    private let process: ChildProcess

    private init(port: Int, directory: URL, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    deinit {
        process.send(SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts a sentinel that monitors `masterName` at `127.0.0.1:primaryPort`, on a free loopback port.
    /// - Parameters:
    ///   - settings: Extra configuration lines (`sentinel down-after-milliseconds …`, TLS certificates).
    ///   - tls: Whether the port speaks TLS.
    ///   - probe: Makes a client for a port, plain or TLS like the servers.
    static func launch(
        masterName: String,
        primaryPort: Int,
        settings: [String],
        tls: Bool,
        probe: @Sendable (Int) throws -> RedisClient
    ) async throws -> SentinelTestProcess {
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...32_000)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sentinel-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let listening = tls ? ["port 0", "tls-port \(port)"] : ["port \(port)"]
            // The sentinel rewrites its configuration file as it learns about replicas and other sentinels.
            let configuration = directory.appendingPathComponent("sentinel.conf")
            let lines =
                listening + [
                    "bind 127.0.0.1", "daemonize no", "dir \(directory.path)", "logfile \(directory.appendingPathComponent("sentinel.log").path)",
                    "sentinel monitor \(masterName) 127.0.0.1 \(primaryPort) 2",
                ] + settings
            try lines.joined(separator: "\n").appending("\n").write(to: configuration, atomically: true, encoding: .utf8)
            let process = try RedisTestServer.spawn("redis-sentinel", [configuration.path])
            let sentinel = SentinelTestProcess(port: port, directory: directory, process: process)
            let client = try probe(port)
            defer { client.close() }
            let started = try await eventually(interval: .milliseconds(20)) { () async throws -> Bool? in
                guard process.isRunning else { return false }
                // Ours only if it monitors this primary: another test's server may hold the port while ours fails to bind.
                let named = try? await client.send(["SENTINEL", "get-master-addr-by-name", masterName]).array?.last?.string
                return named == String(primaryPort) ? true : nil
            }
            if started == true { return sentinel }
            if started == nil { throw RedisTestServer.LaunchError(description: "redis-sentinel on port \(port) did not answer within \(Duration.testWaitLimit)") }
        }
        throw RedisTestServer.LaunchError(description: "redis-sentinel did not start on any of 20 random ports")
    }
}
