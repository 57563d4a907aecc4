import Foundation
import Testing
import ReelAPICore

import ReelAPI

/// The multipart reader bounds what it keeps in memory: parts, header bytes, text bytes in all.
@Suite struct MultipartLimitsTests {
    static func read(_ chunks: [[UInt8]]) async throws -> RequestForm {
        let (reader, directory) = UploadCleanupTests.reader(maxUploadBytes: 1000, maxFieldBytes: 1000)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await reader.read(UploadCleanupTests.request(boundary: "b0undary", chunks: chunks, drop: false), files: ["video": .video])
    }

    static func field(_ name: String, _ value: String, extraHeader: String = "") -> [UInt8] {
        Array("--b0undary\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\(extraHeader)\r\n\(value)\r\n".utf8)
    }

    static let end = Array("--b0undary--\r\n".utf8)

    static func expectTooLarge(_ chunks: [[UInt8]], _ what: String) async {
        let error = await #expect(throws: APIError.self, "\(what)") { _ = try await read(chunks) }
        #expect(error?.code == .payloadTooLarge, "\(what): \(String(describing: error))")
    }

    @Test func tooManyPartsAre413() async {
        let parts = (0..<10_000).map { Self.field("f\($0)", "x") }
        await Self.expectTooLarge([parts.flatMap { $0 } + Self.end], "10 000 parts")
    }

    @Test func hugeHeadersAre413() async {
        let header = "X-Padding: \(String(repeating: "h", count: 100_000))\r\n"
        await Self.expectTooLarge([Self.field("prompt", "x", extraHeader: header) + Self.end], "100 kB of part headers")
    }

    @Test func textFieldsAreCappedInTotal() async {
        let value = String(repeating: "t", count: 900)
        let parts = (0..<50).map { Self.field("f\($0)", value) }
        await Self.expectTooLarge([parts.flatMap { $0 } + Self.end], "50 fields of 900 bytes")
    }

    @Test func anOrdinaryFormStillReads() async throws {
        let form = try await Self.read([Self.field("prompt", "a cat") + Self.field("model", "sora-2") + Self.end])
        #expect(form.fields.map(\.name) == ["prompt", "model"])
    }
}
