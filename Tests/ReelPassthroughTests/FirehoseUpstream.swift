import NIOCore
import NIOPosix
import Synchronization

/// A provider on loopback that answers any request with a long event stream (`eventCount` events of
/// `response.output_text.delta`, each carrying `deltaBytes` letters) as fast as its connection takes it: it writes
/// while the channel is writable and waits when it is not. ``progress`` says how far it got; ``updates`` tells each
/// stall (the channel turned unwritable) and the end, and ends when the connection closes.
final class FirehoseUpstream: Sendable {
    /// How far the stream got.
    struct Progress: Sendable {
        /// Bytes of the body handed to the connection.
        var sent = 0
        /// How many times the connection stopped taking bytes.
        var stalls = 0
        /// Whether it is stopped now.
        var isStalled = false
        /// Whether the whole body was handed over.
        var isFinished = false
    }

    let eventCount: Int
    let deltaBytes: Int
    /// The latest stall or the end; older ones are dropped, as only the current state matters.
    let updates: AsyncStream<Progress>
    private let updatesContinuation: AsyncStream<Progress>.Continuation
    private let state = Mutex(Progress())

    var progress: Progress { state.withLock { $0 } }

    /// The size of the whole body.
    var bodySize: Int { (0..<eventCount).reduce(0) { $0 + event($1).count } }

    private init(eventCount: Int, deltaBytes: Int) {
        self.eventCount = eventCount
        self.deltaBytes = deltaBytes
        (updates, updatesContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Runs `body` with an upstream listening on a free loopback port (passed to `body`), and closes it afterwards.
    static func serve(eventCount: Int, deltaBytes: Int, _ body: (FirehoseUpstream, _ port: Int) async throws -> Void) async throws {
        let upstream = FirehoseUpstream(eventCount: eventCount, deltaBytes: deltaBytes)
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            // A small send buffer keeps what the kernel holds on the way to the front small next to the body.
            .childChannelOption(.socketOption(.so_sndbuf), value: 64 << 10)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Handler(upstream: upstream)) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            try await body(upstream, server.localAddress?.port ?? 0)
        } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }

    /// Event `index`: its sequence number, and letters that change from one event to the next.
    func event(_ index: Int) -> [UInt8] {
        Array("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":\(index),\"delta\":\"".utf8)
            + Self.delta(index, bytes: deltaBytes) + Array("\"}\n\n".utf8)
    }

    /// The text event `index` carries.
    static func delta(_ index: Int, bytes: Int) -> [UInt8] {
        [UInt8](repeating: UInt8(ascii: "a") + UInt8(index % 26), count: bytes)
    }

    /// The handler handed `count` more bytes to the connection.
    func wrote(_ count: Int) {
        state.withLock { $0.sent += count }
    }

    /// The connection stopped taking bytes.
    func stalled() {
        let progress = state.withLock { state in
            state.stalls += 1
            state.isStalled = true
            return state
        }
        updatesContinuation.yield(progress)
    }

    /// The connection takes bytes again.
    func resumed() {
        state.withLock { $0.isStalled = false }
    }

    /// The whole body was handed over.
    func finished() {
        let progress = state.withLock { state in
            state.isFinished = true
            return state
        }
        updatesContinuation.yield(progress)
    }

    /// The connection closed: no more updates (a wait on them ends instead of hanging).
    func closed() {
        updatesContinuation.finish()
    }
}
