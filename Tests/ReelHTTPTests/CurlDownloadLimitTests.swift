import Foundation
import ReelHTTP
import Testing

/// A download written to a file is bounded like one kept in memory.
struct CurlDownloadLimitTests {
    @Test func aDownloadPastTheFileLimitFailsAndLeavesNoFile() async throws {
        let transport = CurlTransport(configuration: .init(maxFileBodySize: 4096))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reel-limit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await withTestServer(makeTestRouter()) { port in
            let small = try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/4096"), writingBodyTo: directory + "/small")
            #expect(small.bytesWrittenToFile == 4096)
            let error = await #expect(throws: HTTPTransportError.self) {
                try await transport.execute(ReelHTTP.HTTPRequest(url: "http://127.0.0.1:\(port)/bytes/100000"), writingBodyTo: directory + "/large")
            }
            #expect(error?.code == .responseTooLarge)
            #expect(!FileManager.default.fileExists(atPath: directory + "/large"))
        }
    }
}
