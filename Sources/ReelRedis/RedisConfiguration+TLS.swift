extension RedisConfiguration {
    /// TLS settings for a `rediss://` connection.
    ///
    /// The server's certificate is verified by default: against ``caFile`` or, without one, the system's CA
    /// store, and its name (DNS or IP address) against ``serverName`` or the host connected to.
    ///
    /// ```swift
    /// var configuration = try RedisConfiguration(url: "rediss://redis.internal:6380")
    /// configuration.tls?.caFile = "/etc/reel/redis-ca.pem"
    /// ```
    public struct TLS: Sendable, Hashable {
        /// A PEM file of the certificate authorities to trust; `nil` trusts the system's store.
        public var caFile: String?
        /// A PEM file with the client certificate (and its chain), for servers that require one.
        public var certificateFile: String?
        /// A PEM file with the client certificate's private key; `nil` reads it from ``certificateFile``.
        public var keyFile: String?
        /// The name to send (SNI) and to check the certificate against; `nil` uses the host connected to.
        public var serverName: String?
        /// Whether the server's certificate and name are verified. Turn it off only for tests.
        public var verifiesPeer: Bool

        /// Creates TLS settings.
        /// - Parameters:
        ///   - caFile: A PEM file of trusted certificate authorities, or `nil` for the system's store.
        ///   - certificateFile: A PEM client certificate, or `nil`.
        ///   - keyFile: The client certificate's PEM private key, or `nil` to read it from `certificateFile`.
        ///   - serverName: The expected server name, or `nil` for the host connected to.
        ///   - verifiesPeer: Whether to verify the server's certificate and name.
        public init(
            caFile: String? = nil,
            certificateFile: String? = nil,
            keyFile: String? = nil,
            serverName: String? = nil,
            verifiesPeer: Bool = true
        ) {
            self.caFile = caFile
            self.certificateFile = certificateFile
            self.keyFile = keyFile
            self.serverName = serverName
            self.verifiesPeer = verifiesPeer
        }
    }
}
