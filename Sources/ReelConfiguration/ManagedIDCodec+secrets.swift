public import ReelRouting

extension ManagedIDCodec {
    /// Creates a codec from `reel_settings.secrets`.
    public init(secrets: ReelSettings.Secrets) throws(ConfigurationError) {
        try self.init(secret: secrets.idSecret, previousSecrets: secrets.idPreviousSecrets)
    }
}
