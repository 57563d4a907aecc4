import Foundation

/// A ``BlobStore`` in a directory: one file per key, published by rename.
///
/// Several processes on one machine can share the directory; across machines it must be a shared
/// filesystem. Temporary files live in `.tmp/` inside the directory so that commit is a rename on
/// one filesystem.
public struct FileBlobStore: BlobStore {
    /// The root directory.
    public let directory: String

    /// Opens (and creates, if needed) a store in `directory`.
    public init(directory: String) throws {
        self.directory = (directory as NSString).standardizingPath
        do {
            try FileManager.default.createDirectory(atPath: self.temporaryDirectory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.ioFailed, message: "cannot create blob directory \(self.directory): \(error.localizedDescription)")
        }
    }

    private var temporaryDirectory: String { directory + "/.tmp" }

    public func makeTemporaryPath() -> String {
        "\(temporaryDirectory)/\(UUID().uuidString)"
    }

    public func commit(temporaryPath: String, as key: String) async throws -> Int64 {
        let destination = try filePath(for: key)
        let manager = FileManager.default
        guard manager.fileExists(atPath: temporaryPath) else {
            throw StorageError(.missingFile, message: "no file at \(temporaryPath) to store as \(key)")
        }
        do {
            try manager.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // rename(2) replaces the destination atomically; FileManager.moveItem refuses to replace.
            guard rename(temporaryPath, destination) == 0 else {
                throw StorageError(.ioFailed, message: "cannot store \(key): \(String(cString: strerror(errno)))")
            }
            let attributes = try manager.attributesOfItem(atPath: destination)
            return (attributes[.size] as? NSNumber)?.int64Value ?? 0
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.ioFailed, message: "cannot store \(key): \(error.localizedDescription)")
        }
    }

    public func path(for key: String) throws -> String? {
        let path = try filePath(for: key)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    public func size(of key: String) async throws -> Int64? {
        guard let path = try path(for: key) else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value
    }

    public func delete(key: String) async throws {
        let path = try filePath(for: key)
        if unlink(path) != 0 && errno != ENOENT {
            throw StorageError(.ioFailed, message: "cannot delete \(key): \(String(cString: strerror(errno)))")
        }
    }

    public func deleteAll(under prefix: String) async throws {
        let path = try filePath(for: prefix)
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw StorageError(.ioFailed, message: "cannot delete \(prefix)/: \(error.localizedDescription)")
        }
    }

    /// Maps a key to its file, refusing keys that could leave the directory.
    private func filePath(for key: String) throws -> String {
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        let valid =
            !segments.isEmpty
            && segments.allSatisfy { segment in
                !segment.isEmpty && segment != "." && segment != ".." && !segment.hasPrefix(".")
                    && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
            }
        guard valid else { throw StorageError(.invalidKey, message: "invalid blob key '\(key)'") }
        return directory + "/" + key
    }
}
