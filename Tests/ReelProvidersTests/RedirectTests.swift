import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ReelHTTP
import ReelProviders
import ReelTesting
import Testing
import ReelVideo

struct RedirectTests {
    @Test func downloadFollowsRedirectsAndKeepsCredentialsOnTheAPIsOrigin() async throws {
        let router = Router()
        router.get("/v1/videos/{id}/content") { request, context in
            guard request.headers[.authorization] == "Bearer sk-test" else { return Response(status: .unauthorized) }
            let id = try context.parameters.require("id")
            return Response(status: .found, headers: [.location: "/v1/signed/\(id)"])
        }
        // Same origin: the credentials come along. The next hop is `localhost`, another origin than 127.0.0.1.
        router.get("/v1/signed/{id}") { request, context in
            guard request.headers[.authorization] == "Bearer sk-test" else { return Response(status: .unauthorized) }
            let id = try context.parameters.require("id")
            let authority = (request.head.authority ?? "").replacingOccurrences(of: "127.0.0.1", with: "localhost")
            return Response(status: .temporaryRedirect, headers: [.location: "http://\(authority)/cdn/\(id)"])
        }
        router.get("/cdn/{id}") { request, context in
            guard request.headers[.authorization] == nil else { return Response(status: .forbidden) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "bytes of \(try context.parameters.require("id"))")))
        }
        router.get("/v1/videos/loop/content") { _, _ in Response(status: .found, headers: [.location: "/v1/videos/loop/content"]) }

        let makeApplication = { (logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void) in
            let configuration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))
            return Application(router: router, configuration: configuration, onServerRunning: onServerRunning, logger: logger)
        }
        try await withLoopbackServer(makeApplication) { port in
            let provider = OpenAIVideoProvider(
                configuration: .init(baseURL: "http://127.0.0.1:\(port)/v1", apiKey: "sk-test", allowPrivateRedirectTargets: true),
                transport: CurlTransport()
            )
            let path = temporaryPath(".mp4")
            defer { try? FileManager.default.removeItem(atPath: path) }
            let written = try await provider.downloadContent(videoID: "video_1", variant: .video, to: path)
            #expect(written == 16)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "bytes of video_1")

            let loop = await #expect(throws: ProviderError.self) { try await provider.downloadContent(videoID: "loop", variant: .video, to: path) }
            #expect(loop?.message.contains("redirects") == true)
        }
    }
}
