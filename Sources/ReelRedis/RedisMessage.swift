/// A message received on a subscribed channel (see ``RedisClient/subscribe(channels:)``).
public struct RedisMessage: Sendable, Hashable {
    /// The channel the message was published to.
    public var channel: String
    /// The message, as published.
    public var payload: [UInt8]

    /// Creates a message.
    /// - Parameters:
    ///   - channel: The channel.
    ///   - payload: The message bytes.
    public init(channel: String, payload: [UInt8]) {
        self.channel = channel
        self.payload = payload
    }

    /// The payload decoded as UTF-8.
    public var string: String { String(decoding: payload, as: UTF8.self) }
}
