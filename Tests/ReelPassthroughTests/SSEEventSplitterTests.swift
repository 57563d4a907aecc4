import ReelAPICore
import ReelPassthrough
import Testing

struct SSEEventSplitterTests {
    static let stream = "event: a\ndata: {\"n\":1}\n\nevent: b\r\ndata: {\"n\":2}\r\n\r\n: comment\ndata: x\ndata: y\n\n"
    static let expected: [[Substring]] = [["event: a", "data: {\"n\":1}"], ["event: b", "data: {\"n\":2}"], [": comment", "data: x", "data: y"]]

    @Test(arguments: [1, 2, 3, 5, 7, 1000])
    func eventsAreWholeWhateverTheChunkBoundaries(chunkSize: Int) throws {
        var splitter = SSEEventSplitter(maxEventBytes: 1 << 20)
        var events: [[Substring]] = []
        let bytes = Array(Self.stream.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            events += try splitter.append(Array(bytes[start..<min(start + chunkSize, bytes.count)]))
        }
        #expect(events == Self.expected)
        #expect(splitter.remainder.isEmpty)
    }

    @Test func anUnterminatedTailIsKept() throws {
        var splitter = SSEEventSplitter(maxEventBytes: 1 << 20)
        #expect(try splitter.append(Array("data: 1\n\ndata: 2\n".utf8)) == [["data: 1"]])
        #expect(splitter.remainder == Array("data: 2\n".utf8))
    }

    @Test func anEventThatNeverEndsIsCutAtTheLimit() throws {
        var splitter = SSEEventSplitter(maxEventBytes: 64)
        #expect(try splitter.append(Array("data: 1\n\ndata: ".utf8)) == [["data: 1"]])
        #expect(throws: APIError.self) {
            for _ in 0..<10 { _ = try splitter.append(Array(repeating: UInt8(ascii: "x"), count: 10)) }
        }
    }
}
