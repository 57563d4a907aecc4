import Foundation
import NIOCore
import NIOPosix

/// Writes one uploaded file to a temporary path, chunk by chunk, on a thread pool (file writes block).
struct PartWriter: Sendable {
    /// A file fully written.
    struct Finished: Sendable {
        var file: UploadedFile
    }

    private let handle: FileHandle
    private let threadPool: NIOThreadPool
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
        let handle = handle
        try await threadPool.runIfActive { try handle.write(contentsOf: data) }
        file.size += Int64(data.count)
    }

    func close() async throws -> Finished {
        let handle = handle
        try await threadPool.runIfActive { try handle.close() }
        return Finished(file: file)
    }
}
