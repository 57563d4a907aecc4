import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import Testing
import ReelAPICore

import ReelAPI

/// Uploads that fail part-way leave no temporary file behind.
@Suite struct UploadCleanupTests {
    struct Dropped: Error {}

    /// A reader writing into a fresh directory, and the directory.
    static func reader(maxUploadBytes: Int64 = 1000, maxFieldBytes: Int = 1000) -> (RequestBodyReader, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-upload-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let reader = RequestBodyReader(
            maxUploadBytes: maxUploadBytes,
            maxFieldBytes: maxFieldBytes,
            makeTemporaryPath: { "\(directory)/\(UUID().uuidString)" },
            threadPool: .singleton
        )
        return (reader, directory)
    }

    /// A request whose body arrives in `chunks`, then fails with `Dropped` when `drop` is set.
    static func request(boundary: String, chunks: [[UInt8]], drop: Bool) -> Request {
        let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
            for chunk in chunks { continuation.yield(ByteBuffer(bytes: chunk)) }
            continuation.finish(throwing: drop ? Dropped() : nil)
        }
        var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/v1/videos/characters")
        head.headerFields[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return Request(head: head, body: RequestBody(asyncSequence: stream))
    }

    static func partHead(_ boundary: String) -> [UInt8] {
        Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"video\"; filename=\"c.mp4\"\r\nContent-Type: video/mp4\r\n\r\n".utf8)
    }

    @Test(arguments: [
        ("over the limit in a later chunk", [[UInt8](repeating: 7, count: 600), [UInt8](repeating: 7, count: 600)], false),
        ("dropped mid-file", [[UInt8](repeating: 7, count: 600)], true),
        ("ended mid-file", [[UInt8](repeating: 7, count: 600)], false),
    ])
    func aFailedUploadLeavesNoTemporaryFile(name: String, fileChunks: [[UInt8]], drop: Bool) async throws {
        let (reader, directory) = Self.reader()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let boundary = "b0undary"
        let chunks = [Self.partHead(boundary)] + fileChunks
        await #expect(throws: (any Error).self, "\(name)") {
            _ = try await reader.read(Self.request(boundary: boundary, chunks: chunks, drop: drop), files: ["video": .video])
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers.isEmpty, "\(name): temporary files left: \(leftovers)")
    }

    @Test func aFileFinishedBeforeALaterFailureIsDeletedToo() async throws {
        let (reader, directory) = Self.reader()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let boundary = "b0undary"
        let first = Self.partHead(boundary) + [UInt8](repeating: 1, count: 10) + Array("\r\n".utf8)
        let second = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n".utf8)
            + [UInt8](repeating: 65, count: 2000)
        await #expect(throws: APIError.self) {
            _ = try await reader.read(Self.request(boundary: boundary, chunks: [first, second], drop: false), files: ["video": .video])
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
    }
}
