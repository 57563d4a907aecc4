import Foundation

/// The `reel` executable that tests start as a process: `REEL_BIN` when set (scripts/test sets it to the release
/// build, what users run), else the `reel` that SwiftPM built beside the test bundle.
///
/// When there is none, tests that need it are skipped locally but fail when `CI` is set, as ``RedisTestEnvironment``
/// does for Redis:
///
/// ```swift
/// guard let reel = try ReelExecutable.path() else { return }
/// let process = try ChildProcess(reel, ["queue", "stats"])
/// ```
public enum ReelExecutable {
    /// The error thrown when no executable `reel` was found while `CI` is set.
    public struct Missing: Error, CustomStringConvertible {
        /// Where it was looked for.
        public let candidates: [String]

        /// Says where it was looked for and what to do.
        public var description: String {
            "no executable reel at \(candidates.joined(separator: " or ")), and CI is set: set REEL_BIN or build the reel product"
        }
    }

    /// The path of `reel`, or `nil` when tests may skip (none found, `CI` unset).
    /// - Throws: ``Missing`` when none was found and `CI` is set.
    public static func path() throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        let candidates: [String]
        if let given = environment["REEL_BIN"], !given.isEmpty {
            candidates = [given]
        } else {
            // The bundle is a file in the build directory, or (on macOS) a directory in it.
            let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("reel").path }
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        if environment["CI"] != nil { throw Missing(candidates: candidates) }
        return nil
    }
}
