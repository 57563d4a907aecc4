import ArgumentParser
import Foundation
import ReelHTTP
import ReelStorage
import ReelConfiguration

/// `reel blob-bench` (hidden): uploads a file into an S3-compatible bucket through ``S3BlobStore`` and reads it back,
/// streamed, and prints the rates and how far the process's resident memory grew above where it was before each
/// phase (the kernel's high-water mark, reset before each), for `scripts/bench s3`.
struct BlobBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blob-bench",
        abstract: "Measures the S3 blob store: a large upload and download, streamed.",
        shouldDisplay: false
    )

    @Option(help: "The S3 endpoint URL.") var endpoint: String
    @Option(help: "An existing bucket.") var bucket: String
    @Option(help: "The signing region.") var region = "us-east-1"
    @Option(help: "The file to upload.") var file: String
    @Option(help: "A directory for temporary files.") var temporaryDirectory: String
    @Option(help: "Multipart threshold in bytes.") var multipartThreshold: Int64 = 64 << 20

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let accessKey = environment["REEL_S3_ACCESS_KEY_ID"], let secret = environment["REEL_S3_SECRET_ACCESS_KEY"] else {
            throw ValidationError("set REEL_S3_ACCESS_KEY_ID and REEL_S3_SECRET_ACCESS_KEY")
        }
        let store = try S3BlobStore(
            configuration: S3Configuration(
                bucket: bucket, endpoint: endpoint, region: region, accessKeyID: accessKey, secretAccessKey: secret, pathStyle: true,
                prefix: "bench", multipartThreshold: multipartThreshold
            ),
            temporaryDirectory: temporaryDirectory
        )
        // A small round trip first, so that the transport's thread and buffers exist before the baseline.
        let warmUp = store.makeTemporaryPath()
        try Data(repeating: 1, count: 1 << 16).write(to: URL(fileURLWithPath: warmUp))
        _ = try await store.commit(temporaryPath: warmUp, as: "warm-up")
        _ = try await store.withLocalFile(for: "warm-up") { _ in () }

        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int64 ?? 0
        let upload = store.makeTemporaryPath()
        try FileManager.default.copyItem(atPath: file, toPath: upload)
        let clock = ContinuousClock()

        var baseline = Memory.resetPeak()
        var started = clock.now
        _ = try await store.commit(temporaryPath: upload, as: "big")
        print(Self.line("upload", size: size, elapsed: clock.now - started, growth: Memory.peak() - baseline))

        baseline = Memory.resetPeak()
        started = clock.now
        var streamed: Int64 = 0
        if case .stream(let response) = try await store.content(of: "big", range: nil) {
            for try await chunk in response.body { streamed += Int64(chunk.count) }
        }
        guard streamed == size else { throw ValidationError("streamed \(streamed) of \(size) bytes") }
        print(Self.line("download", size: size, elapsed: clock.now - started, growth: Memory.peak() - baseline))

        baseline = Memory.resetPeak()
        started = clock.now
        let copied = try await store.withLocalFile(for: "big") { path in
            try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64 ?? 0
        }
        guard copied == size else { throw ValidationError("copied \(copied ?? -1) of \(size) bytes") }
        print(Self.line("local-copy", size: size, elapsed: clock.now - started, growth: Memory.peak() - baseline))
        try await store.delete(key: "big")
        try await store.delete(key: "warm-up")
    }

    /// `phase MB/s=… seconds=… rss_growth_mb=…`.
    static func line(_ phase: String, size: Int64, elapsed: Duration, growth: Int) -> String {
        let seconds = elapsed / .seconds(1)
        let rate = Double(size) / 1_048_576 / seconds
        return "\(phase) mb_per_s=\(String(format: "%.1f", rate)) seconds=\(String(format: "%.2f", seconds)) "
            + "rss_growth_mb=\(String(format: "%.1f", Double(growth) / 1024))"
    }

    /// The resident set of this process, from `/proc/self/status` (Linux), in KiB.
    enum Memory {
        /// Resets the high-water mark to the current resident set (`/proc/self/clear_refs`) and returns it.
        static func resetPeak() -> Int {
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            return field("VmRSS")
        }

        /// The high-water mark since the last reset.
        static func peak() -> Int { field("VmHWM") }

        private static func field(_ name: String) -> Int {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
    }
}
