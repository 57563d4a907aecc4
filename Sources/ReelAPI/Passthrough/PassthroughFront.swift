public import ReelHTTP
public import ReelRouting
public import ReelRoutingRedis
public import ReelConfiguration

/// What the passthrough routes share — the Responses API (``ResponsesController``) and Realtime
/// (``RealtimeController``): routing, managed IDs, the upstream transport and the realtime token codec.
///
/// ```swift
/// let passthrough = try PassthroughFront(table: table, secrets: configuration.reel.secrets, routerState: state)
/// let app = buildApplication(front: front, configuration: configuration, passthrough: passthrough)
/// ```
public struct PassthroughFront: Sendable {
    /// Deployments, catalog and router settings (reloadable).
    public let table: RoutingTable
    /// Mints and verifies `resp_…`, `encitem_…` and `reelenc_…`.
    public let codec: ManagedIDCodec
    /// Cooldowns, limits and in-flight counts shared through Redis; nil chooses without shared state.
    public let routerState: SharedRouterState?
    /// Seals realtime tokens; nil when `reel_settings.secrets.realtime_secret` is not set (realtime answers 404).
    public let realtimeTokens: RealtimeTokenCodec?
    /// Calls the providers.
    public let transport: CurlTransport
    /// Largest request body accepted, and largest non-streamed upstream answer, in bytes.
    public let maxBodyBytes: Int
    /// Time limits of upstream calls: no total limit (reasoning and streams take long), but a provider silent
    /// for 10 minutes is given up.
    public let upstreamTimeouts = HTTPTimeouts(connect: .seconds(10), total: nil, lowSpeedLimit: 1, lowSpeedTime: .seconds(600))

    /// Creates the shared dependencies.
    /// - Parameters:
    ///   - table: the routing table.
    ///   - secrets: `reel_settings.secrets` (ID secret, previous ID secrets, realtime secret).
    ///   - routerState: the shared router state, or nil (one process, no cooldowns).
    ///   - transport: the upstream transport.
    ///   - maxBodyBytes: body size limit (default 32 MiB).
    public init(
        table: RoutingTable,
        secrets: ReelSettings.Secrets,
        routerState: SharedRouterState?,
        transport: CurlTransport = CurlTransport(configuration: .init(maxInMemoryBodySize: 64 << 20)),
        maxBodyBytes: Int = 32 << 20
    ) throws {
        self.table = table
        self.codec = try ManagedIDCodec(secrets: secrets)
        self.routerState = routerState
        self.realtimeTokens = try secrets.realtimeSecret.map { try RealtimeTokenCodec(secret: $0) }
        self.transport = transport
        self.maxBodyBytes = maxBodyBytes
    }
}
