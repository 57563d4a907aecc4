import Foundation
import ReelStorage
import Testing

/// Temporary files nobody wrote for a while (an upload or download whose process died) are swept.
struct TemporarySweepTests {
    @Test func staleTemporariesAreRemovedAndFreshOnesKept() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-sweep-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try FileBlobStore(directory: directory)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let stale = store.makeTemporaryPath()
        let fresh = store.makeTemporaryPath()
        for path in [stale, fresh] { try Data("bytes".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-7200)], ofItemAtPath: stale)
        try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-60)], ofItemAtPath: fresh)

        let removed = store.removeTemporaries(idleFor: .seconds(3600), now: now)

        #expect(removed == 1)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }
}
