import Foundation
import Testing
import Hummingbird
import Logging
import HTTPTypes
import NIOCore
import ReelTesting

/// Runs an in-process Hummingbird server on a free loopback port for the duration of `body`.
func withTestServer(_ router: Router<BasicRequestContext>, _ body: (Int) async throws -> Void) async throws {
    try await withLoopbackServer({ logger, onServerRunning in
        Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), backlog: 4096),
            onServerRunning: onServerRunning, logger: logger
        )
    }, body)
}

/// A simple content checksum: the sum of all bytes.
func byteSum(_ bytes: some Sequence<UInt8>) -> UInt64 {
    bytes.reduce(0) { $0 &+ UInt64($1) }
}

/// The byte at offset `index` of the generated test payloads.
func patternByte(_ index: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: index % 251)
}

/// Writes `size` pattern bytes to a new temporary file, 1 MiB at a time, and returns its path.
func makePatternFile(size: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reel-http-\(UUID().uuidString)").path
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    var written = 0
    while written < size {
        let end = min(size, written + (1 << 20))
        try handle.write(contentsOf: (written..<end).map(patternByte))
        written = end
    }
    try handle.close()
    return path
}

/// Lets requests through only once `target` of them are waiting, proving they were all in flight together.
actor Barrier {
    private let target: Int
    private let onFull: @Sendable () -> Void
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var arrived = 0

    init(target: Int, onFull: @escaping @Sendable () -> Void = {}) {
        self.target = target
        self.onFull = onFull
    }

    func arrive() async {
        arrived += 1
        if arrived >= target {
            if arrived == target { onFull() }
            for waiter in waiters { waiter.resume() }
            waiters = []
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }
}

/// Routes used by the transport tests.
func makeTestRouter(barrier: Barrier = Barrier(target: 1), hanging: TestExpectation = TestExpectation()) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/hello") { _, _ in
        Response(status: .ok, headers: [HTTPField.Name("X-Reply")!: "yes"], body: .init(byteBuffer: ByteBuffer(string: "hello")))
    }
    router.head("/hello") { _, _ in
        Response(status: .ok, headers: [.contentLength: "5"])
    }
    router.get("/barrier") { _, _ in
        await barrier.arrive()
        return "through"
    }
    router.get("/hang") { _, _ in
        hanging.fulfill()
        try await Task.sleep(for: .seconds(30))
        return "late"
    }
    router.get("/status/{code}") { _, context in
        let code = try context.parameters.require("code", as: Int.self)
        return Response(status: .init(code: code), body: .init(byteBuffer: ByteBuffer(string: "status \(code)")))
    }
    router.get("/headers") { request, _ in
        request.headers[HTTPField.Name("X-Probe")!] ?? "none"
    }
    // Streams the body through and answers "<byte count> <byte sum>" without holding it.
    router.post("/count") { request, _ in
        var count = 0
        var sum: UInt64 = 0
        for try await buffer in request.body {
            count += buffer.readableBytes
            sum &+= byteSum(buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? [])
        }
        return "\(count) \(sum)"
    }
    // Echoes a small body with its content type.
    router.post("/echo") { request, _ in
        let body = try await request.body.collect(upTo: 1 << 20)
        let contentType = request.headers[.contentType] ?? ""
        return Response(status: .ok, headers: [HTTPField.Name("X-Content-Type")!: contentType], body: .init(byteBuffer: body))
    }
    // Streams `size` pattern bytes in 64 KiB chunks.
    router.get("/bytes/{size}") { _, context in
        let size = try context.parameters.require("size", as: Int.self)
        return Response(status: .ok, body: ResponseBody(contentLength: size) { writer in
            var offset = 0
            while offset < size {
                let end = min(size, offset + (64 << 10))
                try await writer.write(ByteBuffer(bytes: (offset..<end).map(patternByte)))
                offset = end
            }
            try await writer.finish(nil)
        })
    }
    return router
}
