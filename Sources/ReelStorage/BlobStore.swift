/// Where uploads and results live, under keys derived from managed IDs.
///
/// Writers put bytes into a temporary file from ``makeTemporaryPath()`` (streaming, never whole in
/// memory) and ``commit(temporaryPath:as:)`` it, which publishes the blob atomically: a reader sees the
/// whole blob or none, and writing the same key twice is harmless.
///
/// ```swift
/// let store = try FileBlobStore(directory: "/var/lib/reel/blobs")
/// let temporary = store.makeTemporaryPath()
/// // … write the download to `temporary` …
/// let size = try await store.commit(temporaryPath: temporary, as: "results/job1/video")
/// ```
public protocol BlobStore: Sendable {
    /// A fresh path for a file being written, on the same filesystem as the store.
    func makeTemporaryPath() -> String

    /// Publishes a finished temporary file under `key` (replacing any blob there) and returns its size.
    func commit(temporaryPath: String, as key: String) async throws -> Int64

    /// The local path of the blob under `key`, or nil when there is none.
    func path(for key: String) throws -> String?

    /// The size of the blob under `key`, or nil when there is none.
    func size(of key: String) async throws -> Int64?

    /// Removes the blob under `key`; removing a missing blob is not an error.
    func delete(key: String) async throws

    /// Removes every blob whose key starts with `prefix` followed by `/`.
    func deleteAll(under prefix: String) async throws
}
