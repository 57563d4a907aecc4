import Foundation
import Synchronization

#if canImport(Glibc)
public import Glibc
#endif

/// A process a test starts (a Redis server, a sentinel, a `reel` worker, the test binary itself), spawned with
/// `posix_spawnp`.
///
/// Not Foundation's `Process`: on Linux its `run()` copies the whole 256-byte name of every `/proc/self/fd` entry and
/// reads past the end of glibc's buffer when an entry ends it (swift-corelibs-foundation#5472, not fixed in Swift 6.3.1).
/// A test process holds hundreds of sockets, and a suite that spawned servers with it crashed about once in ten runs.
///
/// The child starts with no signal blocked and every signal at its default (the threads of Swift's concurrency pool
/// block SIGTERM, and a child inherits the mask), and with no descriptor of the test process but 0, 1 and 2.
///
/// ```swift
/// let server = try ChildProcess("redis-server", ["--port", "20001"])
/// server.send(SIGTERM)
/// let end = try await server.waitForExit()   // .exited(0)
/// ```
public final class ChildProcess: Sendable {
    /// Where the child's standard output or error goes.
    public enum Output: Sendable {
        /// `/dev/null`.
        case discarded
        /// The test process's own.
        case inherited
        /// A file, created when missing and appended to (so output and error may share one).
        case file(String)
    }

    /// How the child ended.
    public enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
    }

    /// The child's process ID.
    public let processIdentifier: pid_t
    /// Set once the child is reaped; its process ID may be reused after that.
    private let ended = Mutex<Termination?>(nil)

    /// Starts `executable` (looked up in `PATH` when it has no `/`) with `arguments`.
    /// - Parameters:
    ///   - environment: The child's environment; the test process's own when `nil`.
    ///   - standardOutput: Where its standard output goes.
    ///   - standardError: Where its standard error goes.
    /// - Throws: `POSIXError` when it cannot be started (`ENOENT`: no such program).
    public init(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        standardOutput: Output = .discarded,
        standardError: Output = .inherited
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, output) in [(STDOUT_FILENO, standardOutput), (STDERR_FILENO, standardError)] {
            switch output {
            case .inherited: break
            case .discarded: posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            }
        }
        // Linux has no POSIX_SPAWN_CLOEXEC_DEFAULT: every descriptor open now is closed in the child. (One that is
        // closed before the spawn fails its close action with EBADF, which posix_spawn ignores.)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
            if let descriptor = Int32(name), descriptor > STDERR_FILENO { posix_spawn_file_actions_addclose(&actions, descriptor) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        processIdentifier = pid
    }

    /// How the child ended, or `nil` while it runs.
    public var termination: Termination? { withTermination { $0 } }

    /// Whether the child still runs.
    public var isRunning: Bool { termination == nil }

    /// Sends `signal` to the child, unless it has ended.
    public func send(_ signal: Int32) {
        withTermination { if $0 == nil { _ = kill(processIdentifier, signal) } }
    }

    /// Waits until the child ends, looking every few milliseconds, without holding a thread.
    /// - Throws: `POSIXError` `ETIMEDOUT` when it still runs after ``Swift/Duration/testWaitLimit``.
    public func waitForExit() async throws -> Termination {
        guard let termination = try await eventually(interval: .milliseconds(5), { termination }) else {
            throw POSIXError(.ETIMEDOUT)
        }
        return termination
    }

    /// Runs `body` with how the child ended, reaping it first if it has; under the lock, so that nothing signals a
    /// process ID that was reaped meanwhile.
    private func withTermination<T>(_ body: (Termination?) -> T) -> T {
        ended.withLock { ended in
            if ended == nil { ended = Self.reap(processIdentifier) }
            return body(ended)
        }
    }

    /// Collects the child's status if it has ended (`waitpid` without waiting).
    private static func reap(_ pid: pid_t) -> Termination? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        // WIFSIGNALED / WTERMSIG / WEXITSTATUS, which Swift does not import.
        let signal = status & 0x7f
        return signal != 0 && signal != 0x7f ? .signalled(signal) : .exited((status >> 8) & 0xff)
    }
}
