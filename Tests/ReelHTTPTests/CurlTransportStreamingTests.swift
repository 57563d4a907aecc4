import Foundation
import Hummingbird
import NIOCore
import ReelHTTP
import ReelTesting
import Synchronization
import Testing

struct CurlTransportStreamingTests {
    /// Counts what the server's stream routes saw, and holds the slow stream until the client has its first chunk.
    final class StreamLog: Sendable {
        let written = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let aborted = Atomic<Int>(0)
        let firstChunkRead = TestExpectation()
    }

    /// `GET /slow`: 20 chunks of `chunk-<n>\n`; after the first it waits until the client has read it
    /// (`log.firstChunkRead`), then writes the others 100 ms apart. `GET /endless`: a chunk every 20 ms until the
    /// client goes away (at most 1,500). `GET /error`: 418 with a small JSON body.
    static func router(_ log: StreamLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("slow") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody { writer in
                    do {
                        for index in 0..<20 {
                            if index == 1 { _ = await log.firstChunkRead.wait() }
                            if index > 1 { try await Task.sleep(for: .milliseconds(100)) }
                            log.written.add(1, ordering: .relaxed)
                            try await writer.write(ByteBuffer(string: "chunk-\(index)\n"))
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
        router.get("endless") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody { writer in
                    do {
                        for index in 0..<1_500 {
                            if index > 0 { try await Task.sleep(for: .milliseconds(20)) }
                            log.written.add(1, ordering: .relaxed)
                            try await writer.write(ByteBuffer(string: "chunk-\(index)\n"))
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
                if text.isEmpty {
                    writtenAtFirstChunk = log.written.load(ordering: .relaxed)
                    log.firstChunkRead.fulfill()
                }
                text += String(decoding: chunk, as: UTF8.self)
            }
            #expect(writtenAtFirstChunk == 1, "the first chunk came while the server was waiting to write the second")
            #expect(text == (0..<20).map { "chunk-\($0)\n" }.joined())
            #expect(log.finished.load(ordering: .relaxed) == 1)
        }
    }

    @Test func lettingGoOfTheBodyAbortsTheTransfer() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            do {
                let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/endless"))
                var iterator = response.body.makeAsyncIterator()
                _ = try await iterator.next()
            }
            #expect(try await eventually { log.aborted.load(ordering: .relaxed) == 1 }, "the server went on writing")
            #expect(log.finished.load(ordering: .relaxed) == 0)
        }
    }

    @Test func cancellingTheReadingTaskAbortsTheTransfer() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/endless"))
            let reading = TestExpectation()
            let reader = Task {
                var count = 0
                for try await _ in response.body {
                    count += 1
                    reading.fulfill()
                }
                return count
            }
            #expect(await reading.wait(), "no chunk arrived")
            reader.cancel()
            _ = try? await reader.value
            #expect(try await eventually { log.aborted.load(ordering: .relaxed) == 1 }, "the server went on writing")
            #expect(log.finished.load(ordering: .relaxed) == 0)
        }
    }

    @Test func errorBodiesAndUnreachableServersAreClear() async throws {
        let log = StreamLog()
        try await withTestServer(Self.router(log)) { port in
            let transport = CurlTransport()
            let response = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/error"))
            #expect(response.status == 418)
            #expect(String(decoding: try await response.collect(upTo: 1024), as: UTF8.self) == #"{"error":"teapot"}"#)
            log.firstChunkRead.fulfill()  // the slow stream does not wait for a reader here
            let short = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/slow"))
            await #expect(throws: HTTPTransportError.self) { _ = try await short.collect(upTo: 16) }
        }
        let transport = CurlTransport()
        await #expect(throws: HTTPTransportError.self) { _ = try await transport.stream(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:1/")) }
    }
}
