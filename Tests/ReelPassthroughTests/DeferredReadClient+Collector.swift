import NIOCore
import NIOHTTP1

extension DeferredReadClient {
    /// Gathers the answer's status and body, and completes `answer` at its end (or fails it when the connection
    /// breaks first).
    final class Collector: ChannelInboundHandler {
        typealias InboundIn = HTTPClientResponsePart

        private let answer: EventLoopPromise<Answer>
        private var collected = Answer(status: 0, body: [])

        init(answer: EventLoopPromise<Answer>) {
            self.answer = answer
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                collected.status = Int(head.status.code)
            case .body(let buffer):
                collected.body += buffer.readableBytesView
            case .end:
                answer.succeed(collected)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            answer.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            answer.fail(ChannelError.eof)  // no effect once the answer is complete
        }
    }
}
