import Foundation
import Hummingbird
import NIOCore
import ReelHTTP
import Synchronization
import Testing

struct CurlTransportStreamingTests {
    /// Counts what the server's slow stream route saw.
    final class StreamLog: Sendable {
        let written = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let aborted = Atomic<Int>(0)
    }

    /// `GET /slow`: 20 chunks of `chunk-<n>\n`, 100 ms apart. `GET /error`: 418 with a small JSON body.
    static func router(_ log: StreamLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("slow") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody { writer in
                    do {
                        for index in 0..<20 {
                            if index > 0 { try await Task.sleep(for: .milliseconds(100)) }
                            try await writer.write(ByteBuffer(string: "chunk-\(index)\n"))
                            log.written.add(1, ordering: .relaxed)
                        }
                        try await writer.finish(nil)
                        log.finished.add(1, ordering: .relaxed)
                    } catch {
                        log.aborted.add(1, ordering: .relaxed)
                        throw error
                    }
                }
            )
        }
        router.get("error") { _, _ in
            Response(
                status: .init(code: 418), headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"error":"teapot"}"#)))
        }
        return router
    }

    @Test func theHeadAndFirstChunksArriveBeforeTheBodyEnds() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
            #expect(response.status == 200 && response.headers["content-type"] == "text/plain")
            var text = ""
            var writtenAtFirstChunk = -1
            for try await chunk in response.body {
                if text.isEmpty { writtenAtFirstChunk = log.written.load(ordering: .relaxed) }
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect((1..<20).contains(writtenAtFirstChunk), "the first chunk came while the server was still writing")
            #expect(text == (0..<20).map { "chunk-\($0)\n" }.joined())
            #expect(log.finished.load(ordering: .relaxed) == 1)
        }
    }

    @Test func lettingGoOfTheBodyAbortsTheTransfer() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            do {
                let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
                var iterator = response.body.makeAsyncIterator()
                _ = try await iterator.next()
            }
            for _ in 0..<50 where log.aborted.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(log.aborted.load(ordering: .relaxed) == 1)
            #expect(log.written.load(ordering: .relaxed) < 20)
        }
    }

    @Test func cancellingTheReadingTaskAbortsTheTransfer() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
            let reader = Task {
                var count = 0
                for try await _ in response.body { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(250))
            reader.cancel()
            _ = try? await reader.value
            for _ in 0..<50 where log.aborted.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(log.aborted.load(ordering: .relaxed) == 1)
        }
    }

    @Test func errorBodiesAndUnreachableServersAreClear() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/error"))
            #expect(response.status == 418)
            #expect(String(decoding: try await response.collect(upTo: 1024), as: UTF8.self) == #"{"error":"teapot"}"#)
            let short = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
            await #expect(throws: HTTPTransportError.self) { _ = try await short.collect(upTo: 16) }
        }
        let transport = CurlTransport()
        await #expect(throws: HTTPTransportError.self) { _ = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:1/")) }
    }
}
