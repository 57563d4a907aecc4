import Foundation
import ReelTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The processes tests start: how they end, what they inherit, and a program that is not there.
struct ChildProcessTests {
    private static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("reel-child-\(UUID().uuidString)").path
    }

    @Test func anExitStatusAndAnEndingSignalAreReported() async throws {
        #expect(try await ChildProcess("sh", ["-c", "exit 3"]).waitForExit() == .exited(3))
        let sleeper = try ChildProcess("sleep", ["60"])
        #expect(sleeper.isRunning)
        sleeper.send(SIGKILL)
        #expect(try await sleeper.waitForExit() == .signalled(SIGKILL))
        #expect(!sleeper.isRunning)
    }

    @Test func theChildStartsWithNoSignalBlockedOrIgnored() async throws {
        // Blocked (the signal mask) and ignored signals show in /proc as the bit masks SigBlk and SigIgn. grep reads its
        // own (a shell would not do: it blocks every signal for a moment while it forks). Signals 1–31 only: glibc
        // keeps two real-time ones to itself.
        let output = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let child = try ChildProcess("grep", ["-E", "^Sig(Blk|Ign)", "/proc/self/status"], standardOutput: .file(output))
        #expect(try await child.waitForExit() == .exited(0))
        let masks = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap { line in
            line.split(separator: "\t").last.flatMap { UInt64($0, radix: 16) }
        }
        #expect(masks.count == 2)
        for mask in masks { #expect(mask & 0x7fff_ffff == 0, "\(String(mask, radix: 16))") }
    }

    @Test func theChildInheritsNoDescriptorButTheStandardOnes() async throws {
        let output = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // One more descriptor open in the test process, not close-on-exec.
        let held = open("/dev/null", O_RDONLY)
        try #require(held > STDERR_FILENO)
        defer { close(held) }
        let child = try ChildProcess("sh", ["-c", "ls /proc/$$/fd"], standardOutput: .file(output))
        #expect(try await child.waitForExit() == .exited(0))
        let descriptors = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.sorted() == [0, 1, 2], "\(descriptors)")
    }

    @Test func theEnvironmentIsTheOneGiven() async throws {
        let output = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let child = try ChildProcess("sh", ["-c", "echo \"$GREETING\""], environment: ["GREETING": "hello"], standardOutput: .file(output))
        #expect(try await child.waitForExit() == .exited(0))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "hello\n")
    }

    @Test func aProgramThatIsNotThereIsAnError() {
        #expect(throws: POSIXError.self) { try ChildProcess("reel-no-such-program", []) }
    }
}
