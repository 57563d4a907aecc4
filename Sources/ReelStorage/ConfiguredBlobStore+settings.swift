public import ReelConfiguration


extension ConfiguredBlobStore {
    /// The store `reel_settings.storage` describes: its S3 bucket when `s3` is set (temporary files then go to
    /// `<directory>/.tmp`), else the directory.
    public init(settings: ReelSettings.Storage) throws {
        guard let s3 = settings.s3 else {
            self = .directory(try FileBlobStore(directory: settings.directory))
            return
        }
        let configuration = S3Configuration(
            bucket: s3.bucket, endpoint: s3.endpoint, region: s3.region, accessKeyID: s3.accessKeyID, secretAccessKey: s3.secretAccessKey,
            sessionToken: s3.sessionToken, pathStyle: s3.pathStyle, prefix: s3.prefix, presignedRedirects: s3.presignedRedirects,
            multipartThreshold: s3.multipartThreshold, partSize: min(s3.multipartThreshold, S3Configuration.defaultPartSize)
        )
        self = .s3(try S3BlobStore(configuration: configuration, temporaryDirectory: settings.directory + "/.tmp"))
    }
}
