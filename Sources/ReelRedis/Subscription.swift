import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pub/sub connection on a thread of its own that feeds an `AsyncThrowingStream`.
///
/// It reconnects and subscribes again after the connection breaks (messages published meanwhile are lost, as
/// with any Redis pub/sub). Only when the very first connection fails does the stream end with that error.
final class Subscription: @unchecked Sendable {
    private let configuration: RedisConfiguration
    private let logger: Logger
    private let channels: [String]
    private let continuation: AsyncThrowingStream<RedisMessage, any Error>.Continuation

    /// Guards `terminated` and `socket`.
    private let condition = NSCondition()
    private var terminated = false
    private var socket: Int32 = -1

    init(
        configuration: RedisConfiguration,
        logger: Logger,
        channels: [String],
        continuation: AsyncThrowingStream<RedisMessage, any Error>.Continuation
    ) {
        self.configuration = configuration
        self.logger = logger
        self.channels = channels
        self.continuation = continuation
    }

    func start() {
        let thread = Thread { self.run() }
        thread.name = "reel-redis-pubsub"
        thread.start()
    }

    /// Stops the thread (interrupting its blocked read) and finishes the stream.
    func terminate() {
        condition.withLock {
            terminated = true
            if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
            condition.broadcast()
        }
    }

    private var isTerminated: Bool { condition.withLock { terminated } }

    private func run() {
        var subscribedOnce = false
        var backoff = ReconnectBackoff()
        while !isTerminated {
            do {
                let context = try HiredisContext.connect(to: configuration)
                defer { condition.withLock { socket = -1 } }
                try condition.withLock {
                    if terminated { throw RedisError(.closed) }
                    socket = context.fileDescriptor
                }
                context.append(try EncodedCommand(["SUBSCRIBE"] + channels))
                var confirmations = 0
                while true {
                    let reply = try context.readReply().array ?? []
                    guard reply.count == 3, let channel = reply[1].string else { continue }
                    switch reply[0].string {
                    case "message":
                        if let payload = reply[2].bytes { continuation.yield(RedisMessage(channel: channel, payload: payload)) }
                    case "subscribe":
                        confirmations += 1
                        guard confirmations == channels.count else { continue }
                        // Subscribed to everything: from now on, wait for messages as long as it takes.
                        context.setTimeout(nil)
                        subscribedOnce = true
                        backoff.succeeded()
                        logger.debug("Redis subscribed", metadata: [RedisLogging.channels: "\(channels)"])
                    default:
                        continue
                    }
                }
            } catch {
                if isTerminated { break }
                guard subscribedOnce else {
                    continuation.finish(throwing: error)
                    return
                }
                backoff.failed()
                logger.warning(
                    "Redis subscription broken",
                    metadata: [RedisLogging.endpoint: "\(configuration.endpoint)", RedisLogging.error: "\(error)"]
                )
                condition.withLock {
                    while !terminated, let wakeUp = backoff.wakeUpDate { _ = condition.wait(until: wakeUp) }
                }
            }
        }
        continuation.finish()
    }
}
