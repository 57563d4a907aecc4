public import Foundation
import ReelCrypto

/// Where uploads and results live, under keys derived from managed IDs.
///
/// Writers put bytes into a temporary file from ``makeTemporaryPath()`` (streaming, never whole in
/// memory) and ``commit(temporaryPath:as:)`` it, which publishes the blob atomically: a reader sees the
/// whole blob or none, and writing the same key twice is harmless. Readers either get the blob's content to
/// serve (``content(of:range:)``) or a local file for the length of a call (``withLocalFile(for:_:)``).
///
/// ```swift
/// let store = try FileBlobStore(directory: "/var/lib/reel/blobs")
/// let temporary = store.makeTemporaryPath()
/// // … write the download to `temporary` …
/// let size = try await store.commit(temporaryPath: temporary, as: "results/job1/video")
/// ```
public protocol BlobStore: Sendable {
    /// The local directory of the files being written (see ``makeTemporaryPath()``), on the filesystem where
    /// committing one is cheapest.
    var temporaryDirectory: String { get }

    /// Publishes a finished temporary file under `key` (replacing any blob there), removes the temporary file, and
    /// returns the blob's size. On failure the temporary file stays for the caller to remove.
    func commit(temporaryPath: String, as key: String) async throws -> Int64

    /// How to serve the blob under `key` to a client, nil when there is none (as far as the store can tell without
    /// a request: a redirect is returned without looking).
    /// - Parameter range: The client's `Range` header, passed on where the blob is served remotely.
    func content(of key: String, range: String?) async throws -> BlobContent?

    /// Calls `body` with the path of a local file holding the blob under `key`, and returns its result; nil (without
    /// calling `body`) when there is none. A copy made for the call is removed when `body` returns or throws.
    func withLocalFile<Value: Sendable>(for key: String, _ body: (String) async throws -> Value) async throws -> Value?

    /// The size of the blob under `key`, or nil when there is none.
    func size(of key: String) async throws -> Int64?

    /// Removes the blob under `key`; removing a missing blob is not an error.
    func delete(key: String) async throws

    /// Removes every blob whose key starts with `prefix` followed by `/`.
    func deleteAll(under prefix: String) async throws

    /// Calls `body` with the names of the folders right under `prefix` (keys `prefix/<name>/…`), a batch at a time
    /// and in no given order, so a store of any size is walked without holding every name at once.
    func forEachFolderBatch(under prefix: String, _ body: ([String]) async throws -> Void) async throws
}

extension BlobStore {
    /// A fresh path for a local file being written, in ``temporaryDirectory``.
    public func makeTemporaryPath() -> String {
        "\(temporaryDirectory)/\(SecureRandom.identifier())"
    }

    /// Removes temporary files nobody wrote to for `idle` (their upload or download was dropped, or its process
    /// died) and returns how many. Files being written are kept: every write moves their modification time.
    @discardableResult
    public func removeTemporaries(idleFor idle: Duration, now: Date) -> Int {
        let limit = now.addingTimeInterval(-Double(idle.components.seconds))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporaryDirectory)) ?? []
        var removed = 0
        for name in names {
            let path = temporaryDirectory + "/" + name
            let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            guard let modified, modified < limit else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}
