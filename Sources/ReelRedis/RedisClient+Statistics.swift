extension RedisClient {
    /// Commands and round trips written by a client's shared connections so far.
    public struct Statistics: Sendable, Hashable {
        /// Commands written.
        public var commands: Int
        /// Batches written, each followed by reading all of its replies: one round trip each.
        public var roundTrips: Int
    }
}
