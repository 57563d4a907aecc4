import Foundation
import ReelHTTP
import ReelStorage
import Synchronization
import Testing
import ReelConfiguration

@Suite(.enabled(if: S3TestServer.shouldRun, "needs S3_ENDPOINT_URL (scripts/test starts moto)"), .timeLimit(.minutes(2)))
struct S3BlobStoreTests {
    let temporaryDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-s3-\(UUID().uuidString)").path

    func store(_ configuration: S3Configuration, transport: (any HTTPStreamingTransport)? = nil) throws -> S3BlobStore {
        try S3BlobStore(configuration: configuration, temporaryDirectory: temporaryDirectory, transport: transport ?? CurlTransport())
    }

    /// Writes `count` bytes of a fixed pseudo-random sequence to a new temporary file of `store` and returns its path.
    func writeTemporary(_ store: S3BlobStore, count: Int, seed: UInt64 = 1) throws -> String {
        let path = store.makeTemporaryPath()
        try Data(Self.bytes(count: count, seed: seed)).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    func read(_ content: BlobContent?) async throws -> (status: Int, headers: HTTPHeaders, bytes: [UInt8]) {
        guard case .stream(let response) = try #require(content) else {
            Issue.record("expected a streamed answer")
            return (0, [:], [])
        }
        return (response.status, response.headers, try await response.collect(upTo: 64 << 20))
    }

    @Test(arguments: [true, false])
    func putReadRangeAndDelete(pathStyle: Bool) async throws {
        let configuration = try await S3TestServer.freshBucket(pathStyle: pathStyle)
        let store = try store(configuration)
        let expected = Self.bytes(count: 1000, seed: 7)
        let temporary = try writeTemporary(store, count: 1000, seed: 7)
        #expect(try await store.size(of: "results/v1/video") == nil)
        #expect(try await store.commit(temporaryPath: temporary, as: "results/v1/video") == 1000)
        #expect(!FileManager.default.fileExists(atPath: temporary))
        #expect(try await S3TestServer.objectNames(in: configuration.bucket) == ["reel/results/v1/video"])
        #expect(try await store.size(of: "results/v1/video") == 1000)

        let whole = try await read(try await store.content(of: "results/v1/video", range: nil))
        #expect(whole.status == 200 && whole.bytes == expected)
        let range = try await read(try await store.content(of: "results/v1/video", range: "bytes=100-299"))
        #expect(range.status == 206)
        #expect(range.headers["content-range"] == "bytes 100-299/1000")
        #expect(range.bytes == Array(expected[100...299]))
        let suffix = try await read(try await store.content(of: "results/v1/video", range: "bytes=-10"))
        #expect(suffix.bytes == Array(expected[990...]))
        let local = try await store.withLocalFile(for: "results/v1/video") { path in
            (try Data(contentsOf: URL(fileURLWithPath: path)), path)
        }
        #expect(local.map { Array($0.0) } == expected)
        #expect(local.map { FileManager.default.fileExists(atPath: $0.1) } == false, "the local copy is removed after the call")

        try await store.delete(key: "results/v1/video")
        try await store.delete(key: "results/v1/video")
        #expect(try await store.size(of: "results/v1/video") == nil)
        #expect(try await store.content(of: "results/v1/video", range: nil) == nil)
        #expect(try await store.withLocalFile(for: "results/v1/video") { _ in true } == nil)
    }

    @Test func deleteAllRemovesOnlyTheKeysUnderThePrefix() async throws {
        let configuration = try await S3TestServer.freshBucket()
        let store = try store(configuration)
        for key in ["results/a/video", "results/a/thumbnail", "results/ab/video", "results/b/video"] {
            _ = try await store.commit(temporaryPath: try writeTemporary(store, count: 10), as: key)
        }
        try await store.deleteAll(under: "results/a")
        #expect(try await S3TestServer.objectNames(in: configuration.bucket).sorted() == ["reel/results/ab/video", "reel/results/b/video"])
    }

    @Test func foldersAreListedOnceEachAndOnlyUnderThePrefix() async throws {
        let configuration = try await S3TestServer.freshBucket()
        let store = try store(configuration)
        for key in ["results/a/video", "results/a/thumbnail", "results/ab/video", "results/b/video", "uploads/c/file", "results-x/d/video"] {
            _ = try await store.commit(temporaryPath: try writeTemporary(store, count: 10), as: key)
        }
        var folders: [String] = []
        try await store.forEachFolderBatch(under: "results") { folders += $0 }
        #expect(folders.sorted() == ["a", "ab", "b"])
        var none: [String] = []
        try await store.forEachFolderBatch(under: "nothing") { none += $0 }
        #expect(none.isEmpty)
    }

    @Test func largeBlobsGoUpInParts() async throws {
        let configuration = try await S3TestServer.freshBucket(threshold: 5 << 20)
        let store = try store(configuration)
        let size = 12 << 20 + 12_345  // three parts of 5 MiB, 5 MiB and the rest
        let temporary = try writeTemporary(store, count: size, seed: 3)
        #expect(try await store.commit(temporaryPath: temporary, as: "uploads/big") == Int64(size))
        let copy = try await store.withLocalFile(for: "uploads/big") { path in try Data(contentsOf: URL(fileURLWithPath: path)) }
        #expect(copy.map(Array.init) == Self.bytes(count: size, seed: 3))
        let tail = try await read(try await store.content(of: "uploads/big", range: "bytes=\(size - 5)-"))
        #expect(tail.bytes == Array(Self.bytes(count: size, seed: 3).suffix(5)))
        #expect(try await S3TestServer.pendingUploads(in: configuration.bucket).isEmpty)
    }

    @Test func anUploadWhoseFileVanishesIsAbortedWithoutLeftovers() async throws {
        let configuration = try await S3TestServer.freshBucket(threshold: 5 << 20)
        let parts = Atomic<Int>(0)
        let store = try store(configuration, transport: InterceptingTransport { request in
            // The file goes away after the first part was sent: the second part cannot be read.
            if request.url.contains("partNumber="), parts.add(1, ordering: .relaxed).newValue == 2,
                case .fileRange(let path, _, _) = request.body {
                unlink(path)
            }
        })
        let temporary = try writeTemporary(store, count: 11 << 20)
        await #expect(throws: StorageError.self) { try await store.commit(temporaryPath: temporary, as: "uploads/vanishing") }
        #expect(parts.load(ordering: .relaxed) >= 2, "parts go up several at a time: the third may have started too")
        #expect(try await S3TestServer.objectNames(in: configuration.bucket).isEmpty)
        #expect(try await S3TestServer.pendingUploads(in: configuration.bucket).isEmpty)
    }

    @Test func anUploadWhoseConnectionBreaksIsAbortedWithoutLeftovers() async throws {
        let configuration = try await S3TestServer.freshBucket(threshold: 5 << 20)
        let parts = Atomic<Int>(0)
        let store = try store(configuration, transport: InterceptingTransport { request in
            if request.url.contains("partNumber="), parts.add(1, ordering: .relaxed).newValue == 3 {
                throw HTTPTransportError(.transferFailed, message: "connection reset (injected)", url: request.url)
            }
        })
        let temporary = try writeTemporary(store, count: 16 << 20)
        let error = await #expect(throws: StorageError.self) { try await store.commit(temporaryPath: temporary, as: "uploads/broken") }
        #expect(error?.message.contains("injected") == true)
        #expect(FileManager.default.fileExists(atPath: temporary), "the caller keeps the temporary file of a failed commit")
        #expect(try await S3TestServer.objectNames(in: configuration.bucket).isEmpty)
        #expect(try await S3TestServer.pendingUploads(in: configuration.bucket).isEmpty)
    }

    @Test(arguments: [true, false])
    func presignedRedirectsServeTheBlobWithoutCredentials(pathStyle: Bool) async throws {
        var configuration = try await S3TestServer.freshBucket(pathStyle: pathStyle)
        configuration.presignedRedirects = true
        let store = try store(configuration)
        _ = try await store.commit(temporaryPath: try writeTemporary(store, count: 500, seed: 9), as: "results/v2/video")
        guard case .redirect(let url) = try #require(try await store.content(of: "results/v2/video", range: nil)) else {
            Issue.record("expected a redirect")
            return
        }
        #expect(url.contains("X-Amz-Signature=") && url.contains("/reel/results/v2/video?"))
        let fetched = try await CurlTransport().execute(HTTPRequest(url: url, headers: ["Range": "bytes=10-19"]))
        #expect(fetched.status == 206)
        #expect(fetched.body == Array(Self.bytes(count: 500, seed: 9)[10...19]))
    }

    @Test func refusesKeysAndSettingsThatCannotBeObjectNames() async throws {
        let configuration = S3Configuration(bucket: "b", endpoint: "http://127.0.0.1:1", region: "us-east-1", accessKeyID: "a", secretAccessKey: "s")
        let store = try store(configuration)
        for key in ["", "../x", "a//b", "a/.hidden", "a b"] {
            await #expect(throws: StorageError.self) { try await store.size(of: key) }
        }
        for bad in [
            S3Configuration(bucket: "b", endpoint: "ftp://host", region: "r", accessKeyID: "a", secretAccessKey: "s"),
            S3Configuration(bucket: "b", endpoint: "http://", region: "r", accessKeyID: "a", secretAccessKey: "s"),
            S3Configuration(bucket: "b", endpoint: "http://h", region: "r", accessKeyID: "a", secretAccessKey: "s", prefix: "../up"),
            S3Configuration(bucket: "b", endpoint: "http://h", region: "r", accessKeyID: "a", secretAccessKey: "s", partSize: 1 << 20),
        ] {
            #expect(throws: StorageError.self) { try self.store(bad) }
        }
        // An unreachable service is a clear error, not a hang or a crash.
        let error = await #expect(throws: StorageError.self) { try await store.size(of: "results/x/video") }
        #expect(error?.code == .requestFailed)
    }
}
