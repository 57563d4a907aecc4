/// The blob store a process was configured with: a local directory (the default) or an S3-compatible bucket.
public enum ConfiguredBlobStore: BlobStore {
    /// Blobs in a local (or shared) directory.
    case directory(FileBlobStore)
    /// Blobs in an S3-compatible bucket.
    case s3(S3BlobStore)

    private var store: any BlobStore {
        switch self {
        case .directory(let store): store
        case .s3(let store): store
        }
    }

    public var temporaryDirectory: String { store.temporaryDirectory }

    public func commit(temporaryPath: String, as key: String) async throws -> Int64 {
        try await store.commit(temporaryPath: temporaryPath, as: key)
    }

    public func content(of key: String, range: String?) async throws -> BlobContent? {
        try await store.content(of: key, range: range)
    }

    public func withLocalFile<Value: Sendable>(for key: String, _ body: (String) async throws -> Value) async throws -> Value? {
        switch self {
        case .directory(let store): try await store.withLocalFile(for: key, body)
        case .s3(let store): try await store.withLocalFile(for: key, body)
        }
    }

    public func size(of key: String) async throws -> Int64? { try await store.size(of: key) }

    public func delete(key: String) async throws { try await store.delete(key: key) }

    public func deleteAll(under prefix: String) async throws { try await store.deleteAll(under: prefix) }

    public func forEachFolderBatch(under prefix: String, _ body: ([String]) async throws -> Void) async throws {
        switch self {
        case .directory(let store): try await store.forEachFolderBatch(under: prefix, body)
        case .s3(let store): try await store.forEachFolderBatch(under: prefix, body)
        }
    }
}
