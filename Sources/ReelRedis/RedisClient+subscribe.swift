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
        stream(channels: channels) { event in
            guard case .message(let channel, let payload) = event, let bytes = payload.bytes else { return nil }
            return RedisMessage(channel: channel, payload: bytes)
        }
    }

    /// Reports every change to keys under the given prefixes, for a process that keeps copies of them in memory.
    ///
    /// This is Redis's server-assisted client-side caching in broadcasting mode (`CLIENT TRACKING ON BCAST`),
    /// on a connection of its own that receives its own invalidation messages. Redis reports a write, delete,
    /// expiry or eviction of a tracked key after the command that made it has run, so a copy taken from a read
    /// that started before a reported change must not be kept (see ``KeyInvalidation``). After a broken
    /// connection the stream reports ``KeyInvalidation/interrupted``, reconnects, and reports
    /// ``KeyInvalidation/tracking`` once changes flow again. It throws only when the first connection fails or
    /// the server refuses tracking (Redis before 6.0).
    ///
    /// - Parameter prefixes: The key prefixes to track; at least one.
    /// - Returns: The invalidations, starting with ``KeyInvalidation/tracking``.
    public func trackInvalidations(prefixes: [String]) -> AsyncThrowingStream<KeyInvalidation, any Error> {
        guard !prefixes.isEmpty else {
            return AsyncThrowingStream { $0.finish(throwing: RedisError(.protocolError, message: "tracking needs at least one prefix")) }
        }
        let prepare: Subscription.Preparation = { context throws(RedisError) in
            guard let id = try context.run(["CLIENT", "ID"]).int else {
                throw RedisError(.protocolError, message: "CLIENT ID answered no integer")
            }
            let options = prefixes.flatMap { ["PREFIX", $0] }
            _ = try context.run(["CLIENT", "TRACKING", "ON", "REDIRECT", String(id), "BCAST"] + options)
        }
        return stream(channels: ["__redis__:invalidate"], prepare: prepare) { event in
            switch event {
            case .subscribed: .tracking
            case .interrupted: .interrupted
            case .message(_, let payload):
                // An array of keys; a null payload means the whole database was flushed.
                if let keys = payload.array { .changed(keys.compactMap(\.string)) } else { .flushed }
            }
        }
    }

    /// A stream of what a ``Subscription`` reports, mapped to `Element`s (events mapped to `nil` are dropped).
    private func stream<Element: Sendable>(
        channels: [String],
        prepare: @escaping Subscription.Preparation = { _ in },
        element: @escaping @Sendable (SubscriptionEvent) -> Element?
    ) -> AsyncThrowingStream<Element, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Element.self)
        guard !channels.isEmpty else {
            continuation.finish(throwing: RedisError(.protocolError, message: "subscribe needs at least one channel"))
            return stream
        }
        let subscription = Subscription(
            configuration: configuration,
            logger: logger,
            channels: channels,
            prepare: prepare,
            report: { event in
                if let element = element(event) { continuation.yield(element) }
            },
            finish: { error in continuation.finish(throwing: error) }
        )
        let accepted = addSubscription(subscription)
        guard accepted else {
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
