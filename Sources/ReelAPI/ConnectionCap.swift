import NIOCore
import Synchronization

/// Closes connections beyond a cap as they arrive; one instance counts for the whole server.
final class ConnectionCap: Sendable {
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Connections counted now.
    var count: Int { open.load(ordering: .relaxed) }

    /// A handler for one connection's pipeline.
    func handler() -> Handler { Handler(cap: self) }

    /// Counts its connection while it is open and closes it at once when the cap is reached.
    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny
        private let cap: ConnectionCap
        private var counted = false

        init(cap: ConnectionCap) { self.cap = cap }

        func handlerAdded(context: ChannelHandlerContext) {
            if context.channel.isActive { admit(context) }
        }

        func channelActive(context: ChannelHandlerContext) {
            admit(context)
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        func handlerRemoved(context: ChannelHandlerContext) { release() }

        private func admit(_ context: ChannelHandlerContext) {
            guard !counted else { return }
            counted = true
            if cap.open.add(1, ordering: .relaxed).newValue > cap.limit { context.close(promise: nil) }
        }

        private func release() {
            guard counted else { return }
            counted = false
            cap.open.subtract(1, ordering: .relaxed)
        }
    }
}
