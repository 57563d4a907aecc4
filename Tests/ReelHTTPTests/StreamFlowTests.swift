import Foundation
import Hummingbird
import NIOCore
import ReelHTTP
import Synchronization
import Testing

struct StreamFlowTests {
    static let size = 8 << 20
    static let block = 256 << 10

    /// `GET /big`: `size` bytes, the same `block` pattern bytes over and over (made once, so the server is fast).
    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        let pattern = ByteBuffer(bytes: (0..<block).map(patternByte))
        router.get("big") { _, _ in
            Response(
                status: .ok, headers: [.contentLength: String(size)],
                body: ResponseBody { writer in
                    for _ in 0..<(size / block) { try await writer.write(pattern) }
                    try await writer.finish(nil)
                }
            )
        }
        return router
    }

    @Test func aReaderSlowerThanTheNetworkPausesTheTransferInsteadOfBufferingTheBody() async throws {
        try await withTestServer(Self.router()) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/big"))
            var offset = 0
            var intact = true
            for try await chunk in response.body {
                // Checking every byte keeps this reader well behind a loopback transfer.
                for (index, byte) in chunk.enumerated() where byte != patternByte((offset + index) % Self.block) { intact = false }
                offset += chunk.count
            }
            #expect(offset == Self.size && intact)
            let peak = response.body.flow.peak.load(ordering: .relaxed)
            #expect(peak >= StreamFlow.limit, "the reader did fall behind (else this test shows nothing)")
            #expect(peak <= StreamFlow.limit + (64 << 10), "at most the limit and one chunk waited, not \(peak) bytes")
        }
    }
}
