public import Foundation
import ReelRedis

#if canImport(Glibc)
import Glibc
#endif

/// A private `redis-server` process for tests that kill, restart or pause Redis.
///
/// It listens on a free loopback port and on a unix socket, keeps its data in a temporary directory that
/// survives restarts (so `--appendonly yes` keeps data across ``kill()`` and ``start()``), and is killed when
/// the value is released. When the tests run over TLS (``RedisTestEnvironment/usesTLS``), or when asked to, its
/// TCP port speaks TLS only, with the certificates of ``RedisTestEnvironment/tlsDirectory``, and ``url`` is a
/// `rediss://` URL that trusts their CA.
///
/// ```swift
/// let server = try await RedisTestServer.launch()
/// let client = try RedisClient(url: server.url)
/// try await server.kill()      // SIGKILL
/// try await server.start()     // the same port and data directory
/// ```
public actor RedisTestServer {
    /// Why a server could not be started.
    public struct LaunchError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The TCP port.
    public nonisolated let port: Int
    /// The data directory (AOF and RDB files, the log, the unix socket).
    public nonisolated let directory: URL
    /// The certificate directory when the TCP port speaks TLS, or `nil`.
    public nonisolated let tlsDirectory: URL?
    private let extraArguments: [String]
    private var process: ChildProcess?

    /// `redis://127.0.0.1:PORT`, or `rediss://127.0.0.1:PORT?ca_file=…` over TLS.
    public nonisolated var url: String { url(userInfo: nil) }

    /// ``url`` with credentials and a database: `redis://USERINFO@127.0.0.1:PORT/DATABASE`.
    /// - Parameters:
    ///   - userInfo: `user:password`, `:password` or `nil`, already percent-encoded.
    ///   - database: The database number, or `nil`.
    public nonisolated func url(userInfo: String?, database: Int? = nil) -> String {
        let authority = (userInfo.map { "\($0)@" } ?? "") + "127.0.0.1:\(port)" + (database.map { "/\($0)" } ?? "")
        guard let tlsDirectory else { return "redis://\(authority)" }
        return "rediss://\(authority)?ca_file=\(tlsDirectory.appendingPathComponent("ca.crt").path)"
    }
    /// `unix:///…/redis.sock`.
    public nonisolated var unixSocketURL: String { "unix://\(directory.appendingPathComponent("redis.sock").path)" }

    private init(port: Int, directory: URL, tlsDirectory: URL?, extraArguments: [String]) {
        self.port = port
        self.directory = directory
        self.tlsDirectory = tlsDirectory
        self.extraArguments = extraArguments
    }

    deinit {
        process?.send(SIGKILL)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts a server on a free loopback port.
    /// - Parameters:
    ///   - arguments: Extra `redis-server` options, such as `["--requirepass", "secret"]` or
    ///     `["--appendonly", "yes"]`; they override the defaults (no persistence).
    ///   - tls: Whether the TCP port speaks TLS (with `--tls-auth-clients no` unless `arguments` say otherwise).
    /// - Returns: The running server.
    /// - Throws: ``LaunchError`` when `redis-server` is missing or does not start, or TLS is asked for without
    ///   ``RedisTestEnvironment/tlsDirectory``.
    public static func launch(arguments: [String] = [], tls: Bool = RedisTestEnvironment.usesTLS) async throws -> RedisTestServer {
        var tlsDirectory: URL?
        if tls {
            guard let directory = RedisTestEnvironment.tlsDirectory else {
                throw LaunchError(description: "a TLS test server needs REDIS_TLS_DIR (scripts/test sets it)")
            }
            tlsDirectory = directory
        }
        for _ in 0..<20 {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-redis-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let server = RedisTestServer(
                // Below Linux's ephemeral range (32768 and up), so that while the server is down for a restart no
                // outgoing connection of another test can be given its port.
                port: Int.random(in: 20_000...32_000),
                directory: directory,
                tlsDirectory: tlsDirectory,
                extraArguments: arguments
            )
            if try await server.run() { return server }
        }
        throw LaunchError(description: "redis-server did not start on any of 20 random ports")
    }

    /// Starts the server again after ``kill()`` or ``stop()``, on the same port with the same data directory.
    /// - Throws: ``LaunchError`` when it does not come up.
    public func start() async throws {
        guard process == nil else { return }
        for _ in 0..<100 {
            if try await run() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LaunchError(description: "redis-server did not restart on port \(port)")
    }

    /// Kills the server with SIGKILL (a crash: no shutdown, no final save) and waits until it is gone.
    public func kill() async throws {
        try await signal(SIGKILL)
    }

    /// Stops the server with SIGTERM (a clean shutdown) and waits until it is gone.
    public func stop() async throws {
        try await signal(SIGTERM)
    }

    /// Freezes the server (SIGSTOP): connections stay open but nothing is answered.
    public func suspend() {
        process?.send(SIGSTOP)
    }

    /// Thaws a server frozen by ``suspend()`` (SIGCONT).
    public func resume() {
        process?.send(SIGCONT)
    }

    private func signal(_ signal: Int32) async throws {
        guard let process else { return }
        self.process = nil
        process.send(SIGCONT)
        process.send(signal)
        _ = try await process.waitForExit()
    }

    /// Starts one of Redis's programs, its output discarded.
    /// - Throws: ``LaunchError`` when it is not installed.
    static func spawn(_ program: String, _ arguments: [String]) throws -> ChildProcess {
        do {
            return try ChildProcess(program, arguments, standardError: .discarded)
        } catch let error as POSIXError where error.code == .ENOENT {
            throw LaunchError(description: "\(program) is not installed")
        }
    }

    /// Launches redis-server and waits until it answers `PING`; `false` if it exited (the port is taken).
    private func run() async throws -> Bool {
        var listening = ["--port", String(port)]
        if let tlsDirectory {
            func file(_ name: String) -> String { tlsDirectory.appendingPathComponent(name).path }
            listening = [
                "--port", "0", "--tls-port", String(port), "--tls-cert-file", file("server.crt"), "--tls-key-file", file("server.key"),
                "--tls-ca-cert-file", file("ca.crt"), "--tls-auth-clients", "no",
            ]
        }
        let arguments =
            listening
            + [
                "--bind", "127.0.0.1", "--dir", directory.path,
                "--unixsocket", directory.appendingPathComponent("redis.sock").path, "--unixsocketperm", "700",
                "--save", "", "--appendonly", "no", "--daemonize", "no",
                "--logfile", directory.appendingPathComponent("redis.log").path,
            ] + extraArguments
        let process = try Self.spawn("redis-server", arguments)
        let probe = RedisClient(
            configuration: RedisConfiguration(
                endpoint: .unixSocket(path: directory.appendingPathComponent("redis.sock").path),
                connectTimeout: .milliseconds(200),
                commandTimeout: .milliseconds(500),
                poolSize: 1
            )
        )
        defer { probe.close() }
        // A loaded machine may take seconds to start it; the bound only ends a launch that went wrong.
        let started = try await eventually(interval: .milliseconds(20)) { () async throws -> Bool? in
            guard process.isRunning else { return false }
            do {
                _ = try await probe.send(["PING"])
                return true
            } catch let error as RedisError where error.code == .authenticationFailed {
                return true  // up, and it wants a password
            } catch {
                return nil
            }
        }
        if let started {
            if started { self.process = process }
            return started
        }
        process.send(SIGKILL)
        throw LaunchError(description: "redis-server on port \(port) did not answer within \(Duration.testWaitLimit)")
    }
}
