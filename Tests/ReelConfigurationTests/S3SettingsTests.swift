import ReelConfiguration
import ReelRouting
import Testing

struct S3SettingsTests {
    static func yaml(_ s3: String) -> String {
        """
        model_list: []
        reel_settings:
          storage: {directory: /var/lib/reel, s3: \(s3)}
          secrets: {id_secret: s3-settings-secret-0123}
        """
    }

    let environment = ["S3_SECRET": "secret-key", "S3_TOKEN": "session-token", "S3_KEY_ID": "AKIA123"]

    @Test func readsEveryKeyWithSecretsFromTheEnvironment() throws {
        let configuration = try ReelConfiguration(yaml: Self.yaml("""
            {bucket: reel-blobs, endpoint: "https://s3.eu-west-1.amazonaws.com", region: eu-west-1, access_key_id: os.environ/S3_KEY_ID,
             secret_access_key: os.environ/S3_SECRET, session_token: os.environ/S3_TOKEN, path_style: true, prefix: prod/reel,
             presigned_redirects: true, multipart_threshold: 8388608}
            """), environment: environment)
        #expect(configuration.reel.storage.directory == "/var/lib/reel")
        #expect(
            configuration.reel.storage.s3 == ReelSettings.Storage.S3(
                bucket: "reel-blobs", endpoint: "https://s3.eu-west-1.amazonaws.com", region: "eu-west-1", accessKeyID: "AKIA123",
                secretAccessKey: "secret-key", sessionToken: "session-token", pathStyle: true, prefix: "prod/reel",
                presignedRedirects: true, multipartThreshold: 8 << 20
            )
        )
    }

    @Test func defaultsToVirtualHostsWithoutPrefixOrRedirects() throws {
        let configuration = try ReelConfiguration(yaml: Self.yaml("""
            {bucket: b, endpoint: "http://127.0.0.1:9000", region: us-east-1, access_key_id: k, secret_access_key: os.environ/S3_SECRET}
            """), environment: environment)
        let s3 = try #require(configuration.reel.storage.s3)
        #expect(!s3.pathStyle && s3.prefix.isEmpty && !s3.presignedRedirects && s3.sessionToken == nil && s3.multipartThreshold == 64 << 20)
    }

    @Test(arguments: [
        ("{endpoint: \"http://h\", region: r, access_key_id: k, secret_access_key: os.environ/S3_SECRET}", "bucket is required"),
        ("{bucket: b, endpoint: \"http://h\", region: r, access_key_id: k, secret_access_key: plain-secret}", "must be os.environ/NAME"),
        ("{bucket: b, endpoint: \"http://h\", region: r, access_key_id: k, secret_access_key: os.environ/S3_SECRET, session_token: t}",
         "session_token must be os.environ/NAME"),
        ("{bucket: b, endpoint: \"http://h\", region: r, access_key_id: k, secret_access_key: os.environ/MISSING}", "MISSING is not set"),
        ("{bucket: b, endpoint: \"http://h\", region: r, access_key_id: k, secret_access_key: os.environ/S3_SECRET, multipart_threshold: 1024}",
         "at least 5 MiB"),
    ])
    func refusesIncompleteOrUnsafeSettings(s3: String, message: String) {
        let error = #expect(throws: ConfigurationError.self) { try ReelConfiguration(yaml: Self.yaml(s3), environment: environment) }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
}
