import Foundation
import ReelHTTP
import ReelProviders
import ReelSim
import ReelTesting
import Testing
import ReelVideo

/// Uploads and downloads of 20 MB through the adapter must not hold the file in memory.
///
/// The transfer runs in a child process (this test binary, filtered to `memoryProbe`) so that other tests running
/// in parallel here cannot disturb the measurement: the child resets its peak RSS (`/proc/self/clear_refs`),
/// uploads the file as an edit's `video` part, downloads a 20 MB `video` variant, and reports its peak RSS growth.
struct FlatMemoryTests {
    static let fileSize = 20 << 20
    static let environmentKey = "REEL_MEMORY_PROBE"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/clear_refs")))
    func twentyMegabyteUploadAndDownloadKeepMemoryFlat() async throws {
        let upload = try makeTemporaryFile(size: Self.fileSize, suffix: ".mp4")
        let download = temporaryPath(".mp4")
        let report = temporaryPath(".txt")
        defer {
            for path in [upload, download, report] { try? FileManager.default.removeItem(atPath: path) }
        }
        try await withSim(SimConfiguration(port: 0, renderSeconds: 0, videoBytes: Self.fileSize)) { simulator, provider, baseURL in
            let video = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "big"), idempotencyKey: nil)
            _ = try await waitUntilCompleted(provider, id: video.id)

            let child = try ChildProcess(
                try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
                ["--testing-library", "swift-testing", "--filter", "memoryProbe"],
                environment: ProcessInfo.processInfo.environment.merging(
                    [Self.environmentKey: [baseURL, video.id, upload, download, report].joined(separator: "\n")]
                ) { $1 }
            )
            #expect(try await child.waitForExit() == .exited(0), "the memory probe failed")

            let fields = try String(contentsOfFile: report, encoding: .utf8).split(separator: " ").compactMap { Int($0) }
            try #require(fields.count == 2)
            let (growth, downloaded) = (fields[0], fields[1])
            #expect(downloaded == Self.fileSize)
            #expect(try FileManager.default.attributesOfItem(atPath: download)[.size] as? Int == Self.fileSize)
            #expect(growth < Self.fileSize / 4, "peak RSS grew by \(growth) bytes moving a \(Self.fileSize)-byte file each way")
            #expect(simulator.stats.routes["POST /videos/edits"] == 1)
        }
    }

    /// The child half of the test above; runs only when the parent sets the probe environment.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[environmentKey] != nil))
    func memoryProbe() async throws {
        let settings = try #require(ProcessInfo.processInfo.environment[Self.environmentKey]).split(separator: "\n").map(String.init)
        try #require(settings.count == 5)
        let (baseURL, videoID, upload, download, report) = (settings[0], settings[1], settings[2], settings[3], settings[4])
        let provider = OpenAIVideoProvider(configuration: .init(baseURL: baseURL, apiKey: "sk-test"), transport: CurlTransport())
        // Warm up code paths and the connection before taking the baseline.
        _ = try await provider.retrieveVideo(id: videoID)
        let baseline = try memoryStatus("VmRSS")
        try "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)  // resets VmHWM to the current RSS

        let file = ProviderFile(path: upload, filename: "big.mp4", contentType: "video/mp4")
        _ = try await provider.editVideo(EditVideoRequest(prompt: "big upload", video: .file(file)), idempotencyKey: nil)
        let downloaded = try await provider.downloadContent(videoID: videoID, variant: .video, to: download)

        let peak = try memoryStatus("VmHWM")
        try "\(peak - baseline) \(downloaded)".write(toFile: report, atomically: true, encoding: .utf8)
    }

    /// A `/proc/self/status` field in bytes.
    private func memoryStatus(_ field: String) throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix(field + ":") })
        let kilobytes = try #require(Int(line.split(separator: " ").dropFirst().first ?? ""))
        return kilobytes * 1024
    }
}
