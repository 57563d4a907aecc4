import Foundation
import Logging
import ReelConfiguration
import ReelStorage
import ReelTesting
import Testing

/// Temporary files nobody wrote for a while (an upload or download whose process died) are swept, in a directory
/// store and in the local temporary directory of a bucket store alike.
struct TemporarySweepTests {
    enum Kind: CaseIterable { case directory, bucket }

    /// A store of `kind` under `directory`; the bucket is never reached (sweeping is local).
    static func store(_ kind: Kind, in directory: String) throws -> ConfiguredBlobStore {
        switch kind {
        case .directory:
            return .directory(try FileBlobStore(directory: directory))
        case .bucket:
            let configuration = S3Configuration(bucket: "b", endpoint: "http://127.0.0.1:1", region: "us-east-1", accessKeyID: "a", secretAccessKey: "s")
            return .s3(try S3BlobStore(configuration: configuration, temporaryDirectory: directory + "/.tmp"))
        }
    }

    /// Writes a stale and a fresh temporary file of `store`, dated against `now`.
    static func writeStaleAndFresh(_ store: some BlobStore, now: Date) throws -> (stale: String, fresh: String) {
        let stale = store.makeTemporaryPath()
        let fresh = store.makeTemporaryPath()
        for path in [stale, fresh] { try Data("bytes".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-7200)], ofItemAtPath: stale)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-60)], ofItemAtPath: fresh)
        return (stale, fresh)
    }

    @Test(arguments: Kind.allCases)
    func staleTemporariesAreRemovedAndFreshOnesKept(kind: Kind) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Self.store(kind, in: directory)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let (stale, fresh) = try Self.writeStaleAndFresh(store, now: now)

        let removed = store.removeTemporaries(idleFor: .seconds(3600), now: now)

        #expect(removed == 1)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    @Test(arguments: Kind.allCases)
    func theSweeperSweepsAsItStarts(kind: Kind) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Self.store(kind, in: directory)
        let (stale, fresh) = try Self.writeStaleAndFresh(store, now: Date())
        let sweeper = TemporarySweeper(store: store, logger: Logger(label: "test"))

        let running = Task { try await sweeper.run() }
        defer { running.cancel() }
        #expect(try await eventually { !FileManager.default.fileExists(atPath: stale) })
        #expect(FileManager.default.fileExists(atPath: fresh))
    }
}
