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
        let subscription = Subscription(configuration: configuration, logger: logger, channels: channels, continuation: continuation)
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
