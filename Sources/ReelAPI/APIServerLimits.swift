/// Limits of the front's HTTP server, so slow or numerous clients cannot hold it (and its temporary files) forever.
public struct APIServerLimits: Sendable {
    /// A connection that sends nothing for this long (between requests or inside a body) is closed.
    public var idleTimeout: Duration
    /// A request body still arriving after this long is refused with 408.
    public var requestTimeout: Duration
    /// Connections open at once; more are closed as they arrive.
    public var maxConnections: Int

    /// Creates limits; the defaults let a 100 MB upload through a slow link and a few hundred clients at once.
    public init(idleTimeout: Duration = .seconds(60), requestTimeout: Duration = .seconds(600), maxConnections: Int = 1024) {
        precondition(idleTimeout > .zero && requestTimeout > .zero && maxConnections > 0)
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
        self.maxConnections = maxConnections
    }
}
