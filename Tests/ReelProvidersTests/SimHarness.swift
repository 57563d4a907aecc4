import Foundation
import Hummingbird
import Logging
import NIOCore
import ReelHTTP
import ReelProviders
import ReelSim
import ReelTesting
import Testing

/// Runs `reel sim` in-process on a free loopback port and hands `body` the simulator and an adapter pointed at it.
func withSim(
    _ configuration: SimConfiguration = SimConfiguration(port: 0, renderSeconds: 0),
    apiKey: String = "sk-test",
    _ body: @Sendable (Simulator, OpenAIVideoProvider<CurlTransport>, String) async throws -> Void
) async throws {
    let simulator = Simulator(configuration: configuration)
    try await withLoopbackServer({ buildSimApplication(simulator: simulator, logger: $0, onServerRunning: $1) }) { port in
        let baseURL = "http://127.0.0.1:\(port)/v1"
        let provider = OpenAIVideoProvider(configuration: .init(baseURL: baseURL, apiKey: apiKey), transport: CurlTransport())
        try await body(simulator, provider, baseURL)
    }
}

/// A temporary file of `size` bytes (a repeating pattern), written 1 MiB at a time; the caller removes it.
func makeTemporaryFile(size: Int, suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reel-providers-\(UUID().uuidString)\(suffix)").path
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let chunk = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) })
    var written = 0
    while written < size {
        let count = min(chunk.count, size - written)
        try handle.write(contentsOf: chunk.prefix(count))
        written += count
    }
    try handle.close()
    return path
}

func temporaryPath(_ suffix: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("reel-providers-\(UUID().uuidString)\(suffix)").path
}

/// Waits until the simulator reports the video completed or failed.
func waitUntilCompleted(_ provider: some VideoProvider, id: String) async throws -> ProviderVideo {
    let finished = try await eventually {
        let video = try await provider.retrieveVideo(id: id)
        return video.status == "completed" || video.status == "failed" ? video : nil
    }
    if let finished { return finished }
    Issue.record("video \(id) did not complete")
    return try await provider.retrieveVideo(id: id)
}
