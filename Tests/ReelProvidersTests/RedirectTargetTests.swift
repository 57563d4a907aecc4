import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ReelHTTP
import ReelProviders
import ReelVideo
import ReelTesting
import Testing

/// A provider's download redirect may not lead the worker into its own network or off HTTP, and what it
/// fetched never shows up in an error.
struct RedirectTargetTests {
    static let targets = [
        "http://127.0.0.1:{port}/cdn/x", "http://[::1]:{port}/cdn/x", "http://10.1.2.3/x", "http://192.168.0.10/x",
        "http://172.16.5.4/x", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:{port}/cdn/x",
        "http://[fe80::1]/x", "http://[fd00::1]/x", "file:///etc/passwd", "gopher://example.com/x",
    ]

    @Test func redirectsIntoPrivateNetworksOrOtherProtocolsAreRefused() async throws {
        let router = Router()
        router.get("/v1/videos/{id}/content") { request, context in
            let id = try context.parameters.require("id")
            let index = Int(id.dropFirst("video_".count)) ?? 0
            let port = request.head.authority?.split(separator: ":").last.map(String.init) ?? ""
            let target = Self.targets[index].replacingOccurrences(of: "{port}", with: port)
            return Response(status: .found, headers: [.location: target])
        }
        router.get("/cdn/x") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "secret internal bytes"))) }
        let makeApplication = { (logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void) in
            Application(
                router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: onServerRunning, logger: logger
            )
        }
        try await withLoopbackServer(makeApplication) { port in
            // The API itself is on loopback (an operator's choice); its redirects are not.
            let provider = OpenAIVideoProvider(
                configuration: .init(baseURL: "http://localhost:\(port)/v1", apiKey: "sk-test"),
                transport: CurlTransport()
            )
            for (index, target) in Self.targets.enumerated() {
                let path = temporaryPath(".mp4")
                defer { try? FileManager.default.removeItem(atPath: path) }
                let error = await #expect(throws: ProviderError.self, "\(target)") {
                    try await provider.downloadContent(videoID: "video_\(index)", variant: .video, to: path)
                }
                #expect(error?.kind == .permanent, "\(target): \(String(describing: error))")
                #expect(error?.message.contains("secret") == false)
                #expect(!FileManager.default.fileExists(atPath: path), "\(target)")
            }
        }
    }
}
