import ReelAPICore
import Foundation
import NIOCore
import NIOPosix
import ReelCrypto

/// Writes one uploaded file to a temporary path, chunk by chunk, on a thread pool (file writes block).
struct PartWriter: Sendable {
    /// A file fully written.
    struct Finished: Sendable {
        var file: UploadedFile
        /// Hex SHA-256 of the bytes, for the request's idempotency fingerprint.
        var digest: String
    }

    private let handle: FileHandle
    private let threadPool: NIOThreadPool
    private let hasher = SHA256Hasher()
    private var file: UploadedFile

    init(path: String, threadPool: NIOThreadPool) async throws {
        self.threadPool = threadPool
        self.handle = try await threadPool.runIfActive {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        self.file = UploadedFile(field: "", filename: "", contentType: "", temporaryPath: path, size: 0)
    }

    mutating func describe(field: String, filename: String, contentType: String) {
        file.field = field
        file.filename = filename
        file.contentType = contentType
    }

    mutating func write(_ buffer: ByteBuffer) async throws {
        let data = Data(buffer.readableBytesView)
        data.withUnsafeBytes { hasher.update($0) }
        let handle = handle
        try await threadPool.runIfActive { try handle.write(contentsOf: data) }
        file.size += Int64(data.count)
    }

    func close() async throws -> Finished {
        let handle = handle
        try await threadPool.runIfActive { try handle.close() }
        return Finished(file: file, digest: Hex.encode(hasher.finalize()))
    }

    /// Closes and deletes the file of a part that will not be finished.
    func abandon() async {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: file.temporaryPath)
    }
}
