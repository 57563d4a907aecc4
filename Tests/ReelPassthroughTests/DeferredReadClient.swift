import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 client that sends one request and reads nothing of the answer until ``readResponse()``: a client that
/// does not read. Its socket's small receive buffer keeps what the kernel holds for it small too.
struct DeferredReadClient {
    /// The status and body of a complete answer.
    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
    }

    private let channel: any Channel
    private let answer: EventLoopFuture<Answer>

    /// Connects to 127.0.0.1:`port` and sends `method` `path` with `headers` and `body`.
    init(port: Int, method: String, path: String, headers: [(String, String)], body: [UInt8]) async throws {
        let promise = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Answer.self)
        channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_rcvbuf), value: 16 << 10)
            .channelOption(.autoRead, value: false)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(Collector(answer: promise))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        answer = promise.futureResult
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: "127.0.0.1:\(port)")
        head.headers.add(name: "Content-Length", value: String(body.count))
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil))
    }

    /// Starts reading and returns the whole answer; closes the connection.
    func readResponse() async throws -> Answer {
        try await channel.setOption(ChannelOptions.autoRead, value: true).get()
        do {
            let result = try await answer.get()
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }
}
