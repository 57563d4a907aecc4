import Foundation
import ReelStorage
import Testing

struct FileBlobStoreTests {
    /// A store in a fresh directory, removed afterwards.
    func withStore(_ body: (FileBlobStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-blobs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await body(try FileBlobStore(directory: directory))
    }

    func writeTemporary(_ store: FileBlobStore, _ text: String) throws -> String {
        let path = store.makeTemporaryPath()
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func commitPublishesAndReplaces() async throws {
        try await withStore { store in
            #expect(try store.path(for: "results/job1/video") == nil)
            let first = try writeTemporary(store, "first")
            #expect(try await store.commit(temporaryPath: first, as: "results/job1/video") == 5)
            #expect(!FileManager.default.fileExists(atPath: first))
            let second = try writeTemporary(store, "second!")
            #expect(try await store.commit(temporaryPath: second, as: "results/job1/video") == 7)
            let path = try #require(try store.path(for: "results/job1/video"))
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "second!")
            #expect(try await store.size(of: "results/job1/video") == 7)
        }
    }

    @Test func deleteAndDeleteAll() async throws {
        try await withStore { store in
            for key in ["results/a/video", "results/a/thumbnail", "results/b/video"] {
                _ = try await store.commit(temporaryPath: try writeTemporary(store, key), as: key)
            }
            try await store.delete(key: "results/b/video")
            try await store.delete(key: "results/b/video")
            #expect(try store.path(for: "results/b/video") == nil)
            try await store.deleteAll(under: "results/a")
            #expect(try store.path(for: "results/a/video") == nil)
            #expect(try store.path(for: "results/a/thumbnail") == nil)
        }
    }

    @Test func foldersAreListedOnceEachInBatches() async throws {
        try await withStore { store in
            let names = (0...FileBlobStore.folderBatch).map { "video_\($0)" }
            for name in names {
                _ = try await store.commit(temporaryPath: try writeTemporary(store, name), as: "results/\(name)/video")
            }
            _ = try await store.commit(temporaryPath: try writeTemporary(store, "a file, not a folder"), as: "results/loose")
            var batches: [[String]] = []
            try await store.forEachFolderBatch(under: "results") { batches.append($0) }
            #expect(batches.map(\.count) == [FileBlobStore.folderBatch, 1])
            #expect(batches.joined().sorted() == names.sorted())
            var none: [String] = []
            try await store.forEachFolderBatch(under: "nothing") { none += $0 }
            #expect(none.isEmpty)
        }
    }

    @Test(arguments: ["", "/etc/passwd", "a/../b", "a//b", "./a", "a/.hidden", "a b", "ключ"])
    func refusesKeysThatCouldEscape(key: String) async throws {
        try await withStore { store in
            let temporary = try writeTemporary(store, "x")
            await #expect(throws: StorageError.self) { try await store.commit(temporaryPath: temporary, as: key) }
            #expect(throws: StorageError.self) { try store.path(for: key) }
        }
    }

    @Test func commitOfMissingFileIsAnError() async throws {
        try await withStore { store in
            let error = await #expect(throws: StorageError.self) {
                try await store.commit(temporaryPath: store.makeTemporaryPath(), as: "k")
            }
            #expect(error?.code == .missingFile)
        }
    }
}
