import ReelRouting

extension ReelConfiguration {
    /// `reel_settings.storage.s3`: bucket, endpoint, region and keys are required; the secret key and the session
    /// token must come from the environment (`os.environ/NAME`), never from the file.
    static func s3Settings(_ raw: ConfigFile.ReelSection.S3, resolver: EnvironmentResolver) throws(ConfigurationError) -> ReelSettings.Storage.S3 {
        func required(_ value: String?, _ name: String) throws(ConfigurationError) -> String {
            guard let resolved = try resolver.resolve(value, at: "reel_settings.storage.s3.\(name)"), !resolved.isEmpty else {
                throw resolver.invalid("reel_settings.storage.s3.\(name) is required")
            }
            return resolved
        }
        for (name, value) in [("secret_access_key", raw.secret_access_key), ("session_token", raw.session_token)] {
            if let value, !value.hasPrefix("os.environ/") {
                throw resolver.invalid("reel_settings.storage.s3.\(name) must be os.environ/NAME: secrets are not written in the file")
            }
        }
        let threshold = raw.multipart_threshold ?? 64 << 20
        guard threshold >= 5 << 20 else { throw resolver.invalid("reel_settings.storage.s3.multipart_threshold must be at least 5 MiB (5242880)") }
        return ReelSettings.Storage.S3(
            bucket: try required(raw.bucket, "bucket"),
            endpoint: try required(raw.endpoint, "endpoint"),
            region: try required(raw.region, "region"),
            accessKeyID: try required(raw.access_key_id, "access_key_id"),
            secretAccessKey: try required(raw.secret_access_key, "secret_access_key"),
            sessionToken: try resolver.resolve(raw.session_token, at: "reel_settings.storage.s3.session_token"),
            pathStyle: raw.path_style ?? false,
            prefix: try resolver.resolve(raw.prefix, at: "reel_settings.storage.s3.prefix") ?? "",
            presignedRedirects: raw.presigned_redirects ?? false,
            multipartThreshold: threshold
        )
    }
}
