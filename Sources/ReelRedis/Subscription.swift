import Foundation
import Logging
import ReelLogging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pub/sub connection on a thread of its own that reports its ``SubscriptionEvent``s to a stream.
///
/// It reconnects and subscribes again after the connection breaks (messages published meanwhile are lost, as
/// with any Redis pub/sub). Only when the very first connection fails does the stream end with that error.
final class Subscription: @unchecked Sendable {
    /// Runs on each new connection before it subscribes (to turn on key tracking, say).
    typealias Preparation = @Sendable (HiredisContext) throws(RedisError) -> Void

    /// What the subscription connects to, for logs.
    private let target: String
    private let logger: Logger
    private let channels: [String]
    private let connect: @Sendable () throws(RedisError) -> HiredisContext
    private let prepare: Preparation
    private let report: @Sendable (SubscriptionEvent) -> Void
    private let finish: @Sendable ((any Error)?) -> Void

    /// Guards `terminated`, `socket` and `connectedEndpoint`.
    private let condition = NSCondition()
    private var terminated = false
    private var socket: Int32 = -1
    private var connectedEndpoint: RedisConfiguration.Endpoint?

    /// - Parameters:
    ///   - target: What `connect` connects to, for logs.
    ///   - connect: Opens each connection.
    init(
        target: String,
        logger: Logger,
        channels: [String],
        connect: @escaping @Sendable () throws(RedisError) -> HiredisContext,
        prepare: @escaping Preparation,
        report: @escaping @Sendable (SubscriptionEvent) -> Void,
        finish: @escaping @Sendable ((any Error)?) -> Void
    ) {
        self.target = target
        self.logger = logger
        self.channels = channels
        self.connect = connect
        self.prepare = prepare
        self.report = report
        self.finish = finish
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

    /// Breaks the connection unless it is to `primary`; the subscription then reconnects (to the new primary).
    func disconnect(unlessConnectedTo primary: RedisConfiguration.Endpoint) {
        condition.withLock {
            if socket >= 0, connectedEndpoint != primary { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    private var isTerminated: Bool { condition.withLock { terminated } }

    private func run() {
        var subscribedOnce = false
        var subscribed = false
        var backoff = ReconnectBackoff()
        while !isTerminated {
            do {
                let context = try connect()
                defer {
                    condition.withLock {
                        socket = -1
                        connectedEndpoint = nil
                    }
                }
                try condition.withLock {
                    if terminated { throw RedisError(.closed) }
                    socket = context.fileDescriptor
                    connectedEndpoint = context.endpoint
                }
                try prepare(context)
                context.append(try EncodedCommand(["SUBSCRIBE"] + channels))
                var confirmations = 0
                while true {
                    let reply = try context.readReply().array ?? []
                    guard reply.count == 3, let channel = reply[1].string else { continue }
                    switch reply[0].string {
                    case "message":
                        report(.message(channel: channel, payload: reply[2]))
                    case "subscribe":
                        confirmations += 1
                        guard confirmations == channels.count else { continue }
                        // Subscribed to everything: from now on, wait for messages as long as it takes.
                        context.setTimeout(nil)
                        subscribedOnce = true
                        subscribed = true
                        backoff.succeeded()
                        logger.debug("Redis subscribed", metadata: [LogKey.redisChannels: "\(channels)"])
                        report(.subscribed)
                    default:
                        continue
                    }
                }
            } catch {
                if isTerminated { break }
                guard subscribedOnce else {
                    finish(error)
                    return
                }
                if subscribed { report(.interrupted) }
                subscribed = false
                backoff.failed()
                logger.warning(
                    "Redis subscription broken",
                    metadata: [LogKey.redisEndpoint: "\(target)", LogKey.error: "\(error)"]
                )
                condition.withLock {
                    while !terminated, let wakeUp = backoff.wakeUpDate { _ = condition.wait(until: wakeUp) }
                }
            }
        }
        finish(nil)
    }
}
