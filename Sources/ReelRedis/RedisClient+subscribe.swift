import Synchronization

extension RedisClient {
    /// Subscribes to channels on a connection of its own and streams the messages published to them.
    ///
    /// The subscription reconnects and subscribes again after Redis restarts; messages published while it is
    /// disconnected are lost (as with any Redis pub/sub). The stream throws only when the first connection
    /// fails (a dead port, a wrong password). It ends when the consumer stops iterating or the client closes.
    ///
    /// ```swift
    /// for try await message in client.subscribe(channels: ["reel:config"]) {
    ///     print(message.channel, message.string)
    /// }
    /// ```
    /// - Parameter channels: The channel names; at least one.
    /// - Returns: The messages, in the order Redis delivers them.
    public func subscribe(channels: [String]) -> AsyncThrowingStream<RedisMessage, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: RedisMessage.self)
        guard !channels.isEmpty else {
            continuation.finish(throwing: RedisError(.protocolError, message: "subscribe needs at least one channel"))
            return stream
        }
        let subscription = Subscription(
            target: "\(configuration.endpoint)",
            logger: logger,
            channels: channels,
            connect: connector.connect,
            prepare: { _ in },
            report: { event in
                guard case .message(let channel, let payload) = event, let bytes = payload.bytes else { return }
                continuation.yield(RedisMessage(channel: channel, payload: bytes))
            },
            finish: { error in continuation.finish(throwing: error) }
        )
        guard addSubscription(subscription) else {
            continuation.finish(throwing: RedisError(.closed))
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            subscription.terminate()
            self?.removeSubscription(subscription)
        }
        subscription.start()
        return stream
    }

    /// Reports every change to keys under the given prefixes, for a process that keeps copies of them in memory,
    /// until the task is cancelled or the client closes.
    ///
    /// This is Redis's server-assisted client-side caching in broadcasting mode (`CLIENT TRACKING ON BCAST`),
    /// on a connection of its own that receives its own invalidation messages. Redis reports a write, delete,
    /// expiry or eviction of a tracked key after the command that made it has run, so a copy taken from a read
    /// that started before a reported change must not be kept (see ``KeyInvalidation``). After a broken
    /// connection it reports ``KeyInvalidation/interrupted``, reconnects, and reports
    /// ``KeyInvalidation/tracking`` once changes flow again.
    ///
    /// `onInvalidation` runs on the connection's own thread, in the order Redis sends the reports, with no hop to
    /// another thread: it must be quick and must not block.
    ///
    /// - Parameters:
    ///   - prefixes: The key prefixes to track; at least one.
    ///   - onInvalidation: Called with each report, starting with ``KeyInvalidation/tracking``.
    /// - Throws: ``RedisError`` when the first connection fails or the server refuses tracking (Redis before 6.0).
    public func trackInvalidations(prefixes: [String], onInvalidation: @escaping @Sendable (KeyInvalidation) -> Void) async throws {
        guard !prefixes.isEmpty else { throw RedisError(.protocolError, message: "tracking needs at least one prefix") }
        let prepare: Subscription.Preparation = { context throws(RedisError) in
            guard let id = try context.run(["CLIENT", "ID"]).int else {
                throw RedisError(.protocolError, message: "CLIENT ID answered no integer")
            }
            let options = prefixes.flatMap { ["PREFIX", $0] }
            _ = try context.run(["CLIENT", "TRACKING", "ON", "REDIRECT", String(id), "BCAST"] + options)
        }
        // Ends when the subscription does: with the first connection's error, or when terminated.
        let (ended, end) = AsyncThrowingStream.makeStream(of: Never.self)
        let subscription = Subscription(
            target: "\(configuration.endpoint)",
            logger: logger,
            channels: ["__redis__:invalidate"],
            connect: connector.connect,
            prepare: prepare,
            report: { event in
                switch event {
                case .subscribed: onInvalidation(.tracking)
                case .interrupted: onInvalidation(.interrupted)
                case .message(_, let payload):
                    // An array of keys; a null payload means the whole database was flushed.
                    onInvalidation(payload.array.map { .changed($0.compactMap(\.string)) } ?? .flushed)
                }
            },
            finish: { error in end.finish(throwing: error) }
        )
        guard addSubscription(subscription) else { throw RedisError(.closed) }
        defer {
            subscription.terminate()
            removeSubscription(subscription)
        }
        subscription.start()
        // Iterating stops at the task's cancellation too.
        for try await _ in ended {}
    }

    private func addSubscription(_ subscription: Subscription) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.subscriptions[ObjectIdentifier(subscription)] = subscription
            return true
        }
    }

    private func removeSubscription(_ subscription: Subscription) {
        _ = state.withLock { $0.subscriptions.removeValue(forKey: ObjectIdentifier(subscription)) }
    }
}
