import Foundation
import Logging
import ReelQueue
import ReelRouting
import ReelStorage
import ReelTesting
import ReelVideo
import Testing

import ReelAPI

struct ResultCollectorTests {
    @Test func resultsOfTrimmedVideosAreDeletedAndTheRestKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-collector-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blobs = try FileBlobStore(directory: directory)
        let clock = ManualClock()
        let queue = MemoryJobQueue(options: JobQueueOptions(retention: .seconds(60)), clock: clock)
        let codec = try ManagedIDCodec(secret: "collector-test-secret-0123456789")
        func videoID(_ jobID: String) throws -> String {
            try codec.mint(ManagedID(kind: .video, provider: "openai", deploymentID: "sim-a", modelGroup: "sora-2", objectID: jobID))
        }
        func storeResult(_ videoID: String) async throws {
            let file = blobs.makeTemporaryPath()
            _ = FileManager.default.createFile(atPath: file, contents: Data("mp4!".utf8))
            _ = try await blobs.commit(temporaryPath: file, as: VideoBlobKey.result(videoID: videoID, variant: .video))
        }
        // Two finished videos; the retention period passes for the first only.
        for id in ["old", "new"] {
            _ = try await queue.enqueue(NewJob(id: id, type: "generate", payload: "{}"))
            let claimed = try #require(try await queue.claim(workerID: "w", max: 1, lease: .seconds(5), wait: .zero).first)
            try await queue.complete(claimed.lease, record: nil)
            try await storeResult(try videoID(id))
            if id == "old" { clock.advance(by: .seconds(30)) }
        }
        clock.advance(by: .seconds(31))
        #expect(try await queue.reap().trimmed == 1)
        try await storeResult("not-a-managed-id")

        let collector = ResultCollector(queue: queue, blobs: blobs, jobID: { codec.decode($0)?.objectID }, logger: Logger(label: "test"))
        #expect(try await collector.collect() == 1)
        #expect(try blobs.path(for: VideoBlobKey.result(videoID: try videoID("old"), variant: .video)) == nil)
        #expect(try blobs.path(for: VideoBlobKey.result(videoID: try videoID("new"), variant: .video)) != nil)
        #expect(try blobs.path(for: VideoBlobKey.result(videoID: "not-a-managed-id", variant: .video)) != nil, "not ours: left alone")
        #expect(try await collector.collect() == 0)
    }
}
