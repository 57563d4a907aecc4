/// What a ``Subscription``'s connection reports to the stream built on it.
enum SubscriptionEvent {
    /// Subscribed to every channel: messages flow from now on (again, after an interruption).
    case subscribed
    /// A message: its channel and payload as Redis sent it (a bulk string, or an array of keys for invalidations).
    case message(channel: String, payload: RESPValue)
    /// The connection broke; messages are lost until the next `subscribed`.
    case interrupted
}
