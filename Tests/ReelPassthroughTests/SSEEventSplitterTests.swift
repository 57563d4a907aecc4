@testable import ReelAPI
import Testing

struct SSEEventSplitterTests {
    static let stream = "event: a\ndata: {\"n\":1}\n\nevent: b\r\ndata: {\"n\":2}\r\n\r\n: comment\ndata: x\ndata: y\n\n"
    static let expected: [[Substring]] = [["event: a", "data: {\"n\":1}"], ["event: b", "data: {\"n\":2}"], [": comment", "data: x", "data: y"]]

    @Test(arguments: [1, 2, 3, 5, 7, 1000])
    func eventsAreWholeWhateverTheChunkBoundaries(chunkSize: Int) {
        var splitter = SSEEventSplitter()
        var events: [[Substring]] = []
        let bytes = Array(Self.stream.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunkSize) {
            events += splitter.append(Array(bytes[start..<min(start + chunkSize, bytes.count)]))
        }
        #expect(events == Self.expected)
        #expect(splitter.remainder.isEmpty)
    }

    @Test func anUnterminatedTailIsKept() {
        var splitter = SSEEventSplitter()
        #expect(splitter.append(Array("data: 1\n\ndata: 2\n".utf8)) == [["data: 1"]])
        #expect(splitter.remainder == Array("data: 2\n".utf8))
    }
}
