import NIOCore

extension FirehoseUpstream {
    /// One connection: once the request's head is in, the answer's head, then events while the channel is writable.
    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let upstream: FirehoseUpstream
        private var request = ByteBuffer()
        private var nextEvent: Int?

        init(upstream: FirehoseUpstream) {
            self.upstream = upstream
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard nextEvent == nil else { return }  // the request's body, if any, is not needed
            var bytes = unwrapInboundIn(data)
            request.writeBuffer(&bytes)
            guard request.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8)) != nil else { return }
            nextEvent = 0
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: \(upstream.bodySize)\r\n\r\n"
            context.write(wrapOutboundOut(ByteBuffer(string: head)), promise: nil)
            writeEvents(context: context)
        }

        func channelWritabilityChanged(context: ChannelHandlerContext) {
            guard context.channel.isWritable, nextEvent != nil else { return }
            upstream.resumed()
            writeEvents(context: context)
        }

        func channelInactive(context: ChannelHandlerContext) {
            upstream.closed()
            context.fireChannelInactive()
        }

        private func writeEvents(context: ChannelHandlerContext) {
            guard var index = nextEvent, index < upstream.eventCount else { return }
            while context.channel.isWritable, index < upstream.eventCount {
                let event = upstream.event(index)
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: event)), promise: nil)
                upstream.wrote(event.count)
                index += 1
            }
            nextEvent = index
            if index == upstream.eventCount { upstream.finished() } else { upstream.stalled() }
        }
    }
}
