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

    /// `.tmp/` inside ``directory``, so that a commit is a rename on one filesystem.
    public var temporaryDirectory: String { directory + "/.tmp" }

    public func commit(temporaryPath: String, as key: String) async throws -> Int64 {
        let destination = try filePath(for: key)
        // rename(2) replaces the destination atomically; FileManager.moveItem refuses to replace. The key's
        // directory is made when the first rename finds it missing.
        if rename(temporaryPath, destination) != 0 {
            guard errno == ENOENT else { throw Self.ioFailed(storing: key) }
            guard FileManager.default.fileExists(atPath: temporaryPath) else {
                throw StorageError(.missingFile, message: "no file at \(temporaryPath) to store as \(key)")
            }
            let parent = (destination as NSString).deletingLastPathComponent
            if mkdir(parent, 0o777) != 0 && errno != EEXIST {
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw StorageError(.ioFailed, message: "cannot store \(key): \(error.localizedDescription)")
                }
            }
            guard rename(temporaryPath, destination) == 0 else { throw Self.ioFailed(storing: key) }
        }
        guard let size = Self.fileSize(destination) else { throw Self.ioFailed(storing: key) }
        return size
    }

    /// The size of the file at `path`, nil when there is none (one stat(2); FileManager's attributes also look up
    /// the owner's name).
    private static func fileSize(_ path: String) -> Int64? {
        var status = stat()
        return stat(path, &status) == 0 ? Int64(status.st_size) : nil
    }

    private static func ioFailed(storing key: String) -> StorageError {
        StorageError(.ioFailed, message: "cannot store \(key): \(String(cString: strerror(errno)))")
    }

    /// The local path of the blob under `key`, or nil when there is none.
    public func path(for key: String) throws -> String? {
        let path = try filePath(for: key)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    public func content(of key: String, range: String?) async throws -> BlobContent? {
        let path = try filePath(for: key)
        return Self.fileSize(path).map { .file(path: path, size: $0) }
    }

    public func withLocalFile<Value: Sendable>(for key: String, _ body: (String) async throws -> Value) async throws -> Value? {
        guard let path = try path(for: key) else { return nil }
        return try await body(path)
    }

    public func size(of key: String) async throws -> Int64? {
        Self.fileSize(try filePath(for: key))
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

    public func forEachFolderBatch(under prefix: String, _ body: ([String]) async throws -> Void) async throws {
        let path = try filePath(for: prefix)
        guard let directory = opendir(path) else {
            if errno == ENOENT { return }
            throw StorageError(.ioFailed, message: "cannot list \(prefix)/: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var batch: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            guard name != ".", name != "..", Self.isDirectory(entry.pointee.d_type, at: path + "/" + name) else { continue }
            batch.append(name)
            if batch.count == Self.folderBatch {
                try await body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try await body(batch) }
    }

    /// Whether a directory entry of `type` is a directory (asking the file system where the entry does not say).
    private static func isDirectory(_ type: UInt8, at path: String) -> Bool {
        if Int32(type) != Int32(DT_UNKNOWN) { return Int32(type) == Int32(DT_DIR) }
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Folder names handed over at once by ``forEachFolderBatch(under:_:)``.
    public static let folderBatch = 1000

    /// Maps a key to its file, refusing keys that could leave the directory.
    private func filePath(for key: String) throws -> String {
        try BlobKey.validate(key)
        return directory + "/" + key
    }
}
