import NIOCore
import Testing

import ReelSim

struct SimMultipartParserTests {
    static let body = """
        preamble to ignore\r
        --XyZ\r
        Content-Disposition: form-data; name="prompt"\r
        \r
        A cat\r\n--Xy almost a boundary\r
        --XyZ\r
        Content-Disposition: form-data; name="characters[][id]"\r
        \r
        char_1\r
        --XyZ\r
        content-disposition: form-data; name="characters[][id]"\r
        \r
        char_2\r
        --XyZ\r
        Content-Disposition: form-data; name="video"; filename="clip.mp4"\r
        Content-Type: video/mp4\r
        \r
        0123456789\r
        --XyZ--\r
        epilogue
        """

    func parse(_ text: String, chunkSize: Int) throws -> SimForm {
        var parser = SimMultipartParser(boundary: "XyZ")
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            try parser.feed(ByteBuffer(bytes: bytes[start..<min(start + chunkSize, bytes.count)]))
        }
        return try parser.finish()
    }

    @Test(arguments: [1, 2, 5, 7, 4096])
    func parsesFieldsAndFilesInAnyChunking(chunkSize: Int) throws {
        let form = try parse(Self.body, chunkSize: chunkSize)
        #expect(form.string("prompt") == "A cat\r\n--Xy almost a boundary")
        #expect(form.strings("characters[][id]") == ["char_1", "char_2"])
        let upload = try #require(form.upload("video"))
        #expect(upload.filename == "clip.mp4" && upload.contentType == "video/mp4" && upload.byteCount == 10)
        #expect(upload.head == Array("0123456789".utf8))
    }

    @Test func bodyWithoutClosingBoundaryIsAnError() {
        #expect(throws: SimError.self) { try parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", chunkSize: 3) }
        #expect(throws: SimError.self) { try parse("no parts at all", chunkSize: 3) }
    }

    @Test func partWithoutNameIsAnError() {
        #expect(throws: SimError.self) { try parse("--XyZ\r\nContent-Type: text/plain\r\n\r\nb\r\n--XyZ--", chunkSize: 100) }
    }
}
