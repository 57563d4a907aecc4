import Foundation
import Logging
import ReelLogging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Redis connection owned by one dedicated thread.
///
/// Async callers queue requests; the thread takes everything queued, appends it all to the socket in one write,
/// then reads the replies in order and resumes each caller. Concurrent callers therefore share round trips
/// (automatic pipelining), and no blocking call ever runs on Swift's cooperative pool.
///
/// The thread connects lazily and reconnects after a broken connection, with a short backoff after failed
/// attempts. A broken connection fails its in-flight requests with ``RedisError/Code/connectionLost`` or
/// ``RedisError/Code/timeout``; queued requests wait for the next connection.
final class PipelinedConnection: @unchecked Sendable {
    private struct Request {
        let id: UInt64
        let commands: [EncodedCommand]
        /// The longest wait for a reply; `nil` waits indefinitely (blocking commands that block forever).
        let timeout: Duration?
        let continuation: CheckedContinuation<[RESPValue], any Error>
    }

    private let connector: RedisConnector
    private let logger: Logger
    /// Whether cancelling an in-flight request interrupts the connection (dedicated connections, where a
    /// blocking command may otherwise wait a long time).
    private let interruptsOnCancel: Bool

    /// Guards everything below it up to the thread-owned state.
    private let condition = NSCondition()
    private var queue: [Request] = []
    private var inFlight: Set<UInt64> = []
    private var cancelledInFlight: Set<UInt64> = []
    private var closed = false
    private var threadStarted = false
    private var nextID: UInt64 = 0
    /// The connected socket, or -1; cleared before the context is freed so `shutdown` never hits a reused descriptor.
    private var socket: Int32 = -1
    /// The server `socket` is connected to.
    private var connectedEndpoint: RedisConfiguration.Endpoint?
    /// Set when the primary moved: the connection must not be used again, even if it still looks healthy.
    private var mustReconnect = false
    private var counters = RedisClient.Statistics(commands: 0, roundTrips: 0)

    // Owned by the connection thread.
    private var context: HiredisContext?
    private var backoff = ReconnectBackoff()

    init(connector: RedisConnector, logger: Logger, interruptsOnCancel: Bool) {
        self.connector = connector
        self.logger = logger
        self.interruptsOnCancel = interruptsOnCancel
    }

    /// Requests queued or in flight; the pool sends new work to the least loaded connection.
    var load: Int {
        condition.withLock { queue.count + inFlight.count }
    }

    /// Commands written and batches (round trips) written so far.
    var statistics: RedisClient.Statistics {
        condition.withLock { counters }
    }

    /// Sends the commands in one round trip and returns their replies in order (error replies included).
    func execute(_ commands: [EncodedCommand], timeout: Duration?) async throws -> [RESPValue] {
        let id = condition.withLock {
            nextID += 1
            return nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                enqueue(Request(id: id, commands: commands, timeout: timeout, continuation: continuation))
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Fails queued requests with ``RedisError/Code/closed``, interrupts in-flight ones and stops the thread.
    func close() {
        let abandoned: [Request] = condition.withLock {
            guard !closed else { return [] }
            closed = true
            if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
            condition.broadcast()
            defer { queue = [] }
            return queue
        }
        for request in abandoned { request.continuation.resume(throwing: RedisError(.closed)) }
    }

    /// Drops the connection unless it is to `primary`, failing what is in flight on it with
    /// ``RedisError/Code/connectionLost``; the next request connects again (to the new primary after a failover).
    func disconnect(unlessConnectedTo primary: RedisConfiguration.Endpoint) {
        condition.withLock {
            guard socket >= 0, connectedEndpoint != primary else { return }
            mustReconnect = true
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }

    private func enqueue(_ request: Request) {
        let refusal: (any Error)? = condition.withLock {
            if closed { return RedisError(.closed) }
            // Checked under the lock: a cancellation that lands after this check finds the request queued.
            if Task.isCancelled { return CancellationError() }
            queue.append(request)
            if !threadStarted {
                threadStarted = true
                let thread = Thread { self.run() }
                thread.name = "reel-redis"
                thread.start()
            }
            condition.signal()
            return nil
        }
        if let refusal { request.continuation.resume(throwing: refusal) }
    }

    private func cancel(_ id: UInt64) {
        let queued: Request? = condition.withLock {
            if let index = queue.firstIndex(where: { $0.id == id }) { return queue.remove(at: index) }
            if interruptsOnCancel && inFlight.contains(id) {
                cancelledInFlight.insert(id)
                if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
            }
            return nil
        }
        queued?.continuation.resume(throwing: CancellationError())
    }

    // MARK: The connection thread

    private func run() {
        while let batch = nextBatch() {
            process(batch)
        }
        dropContext()
    }

    private func nextBatch() -> [Request]? {
        condition.withLock {
            while queue.isEmpty && !closed { condition.wait() }
            if closed { return nil }
            defer { queue = [] }
            inFlight = Set(queue.map(\.id))
            return queue
        }
    }

    private func process(_ requests: [Request]) {
        let context: HiredisContext
        do {
            context = try connectedContext()
        } catch {
            fail(requests[...], with: error)
            return
        }
        // A cancellation that arrived while connecting may have shut down the previous socket, not this one.
        let (batch, cancelled) = condition.withLock {
            let cancelled = requests.filter { cancelledInFlight.contains($0.id) }
            for request in cancelled {
                inFlight.remove(request.id)
                cancelledInFlight.remove(request.id)
            }
            return (requests.filter { inFlight.contains($0.id) }, cancelled)
        }
        for request in cancelled { request.continuation.resume(throwing: CancellationError()) }
        guard !batch.isEmpty else { return }
        context.setTimeout(batch.contains { $0.timeout == nil } ? nil : batch.compactMap(\.timeout).max())
        var commandCount = 0
        for request in batch {
            for command in request.commands { context.append(command) }
            commandCount += request.commands.count
        }
        condition.withLock {
            counters.commands += commandCount
            counters.roundTrips += 1
        }
        for (index, request) in batch.enumerated() {
            var replies: [RESPValue] = []
            replies.reserveCapacity(request.commands.count)
            do {
                for _ in request.commands { replies.append(try context.readReply()) }
            } catch {
                logger.warning(
                    "Redis connection broken",
                    metadata: [LogKey.redisEndpoint: "\(context.endpoint)", LogKey.error: "\(error)"]
                )
                dropContext()
                fail(batch[index...], with: error)
                return
            }
            let demoted = replies.contains { connector.demotes($0, on: context.endpoint) }
            condition.withLock {
                inFlight.remove(request.id)
                cancelledInFlight.remove(request.id)
                if demoted { mustReconnect = true }
            }
            request.continuation.resume(returning: replies)
        }
    }

    private func fail(_ requests: ArraySlice<Request>, with error: any Error) {
        let errors: [any Error] = condition.withLock {
            requests.map { request in
                inFlight.remove(request.id)
                if cancelledInFlight.remove(request.id) != nil { return CancellationError() }
                return closed ? RedisError(.closed) : error
            }
        }
        for (request, error) in zip(requests, errors) { request.continuation.resume(throwing: error) }
    }

    /// The live connection, reconnecting (after the backoff, if the last attempt failed) when there is none.
    private func connectedContext() throws -> HiredisContext {
        if let context {
            let moved = condition.withLock { mustReconnect }
            if !moved && !context.isStale { return context }
            logger.debug("Redis connection closed", metadata: [LogKey.redisEndpoint: "\(context.endpoint)"])
            dropContext()
        }
        try condition.withLock {
            while !closed, let wakeUp = backoff.wakeUpDate { _ = condition.wait(until: wakeUp) }
            if closed { throw RedisError(.closed) }
        }
        do {
            let context = try connector.connect()
            try condition.withLock {
                if closed { throw RedisError(.closed) }
                socket = context.fileDescriptor
                connectedEndpoint = context.endpoint
            }
            self.context = context
            backoff.succeeded()
            logger.debug("Redis connected", metadata: [LogKey.redisEndpoint: "\(context.endpoint)"])
            return context
        } catch {
            backoff.failed()
            logger.debug(
                "Redis connect failed",
                metadata: [LogKey.redisEndpoint: "\(connector.configuration.endpoint)", LogKey.error: "\(error)"]
            )
            throw error
        }
    }

    private func dropContext() {
        condition.withLock {
            socket = -1
            connectedEndpoint = nil
            mustReconnect = false
        }
        context = nil
    }
}
