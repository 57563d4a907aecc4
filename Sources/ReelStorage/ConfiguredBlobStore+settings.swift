public import ReelConfiguration

extension ConfiguredBlobStore {
    /// The store `reel_settings.storage` describes: its S3 bucket when `s3` is set (temporary files then go to
    /// `<directory>/.tmp`), else the directory.
    public init(settings: ReelSettings.Storage) throws {
        guard let s3 = settings.s3 else {
            self = .directory(try FileBlobStore(directory: settings.directory))
            return
        }
        var configuration = s3
        configuration.partSize = min(s3.multipartThreshold, s3.partSize)
        self = .s3(try S3BlobStore(configuration: configuration, temporaryDirectory: settings.directory + "/.tmp"))
    }
}
