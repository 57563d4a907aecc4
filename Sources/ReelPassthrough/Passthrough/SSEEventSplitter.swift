package import ReelAPICore

/// Cuts a Server-Sent Events byte stream into whole events (each ending with a blank line), whatever the chunk
/// boundaries; `\n`, `\r\n` and `\r` line ends are accepted. An event may not grow past `maxEventBytes`, so a
/// provider that never ends one cannot make the front hold its whole stream.
package struct SSEEventSplitter {
    private let maxEventBytes: Int
    private var buffer: [UInt8] = []
    private var scanned = 0

    /// Creates a splitter for events of at most `maxEventBytes`.
    package init(maxEventBytes: Int) {
        self.maxEventBytes = maxEventBytes
    }

    /// Adds `chunk` and returns the events it completed, each as its lines (without line ends).
    /// - Throws: ``APIError`` when an unfinished event is longer than `maxEventBytes`.
    package mutating func append(_ chunk: [UInt8]) throws(APIError) -> [[Substring]] {
        buffer += chunk
        var events: [[Substring]] = []
        var start = 0
        var index = max(0, scanned - 3)
        while index < buffer.count {
            // Only a line end starts a blank line, and most bytes are not one.
            guard buffer[index] == 10 || buffer[index] == 13, let end = Self.blankLineEnd(buffer, at: index) else {
                index += 1
                continue
            }
            let text = String(decoding: buffer[start..<index], as: UTF8.self)
            events.append(text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            start = end
            index = end
        }
        buffer.removeFirst(start)
        scanned = buffer.count
        guard buffer.count <= maxEventBytes else {
            throw APIError(.serviceUnavailable, "The provider sent a stream event longer than \(maxEventBytes) bytes; the stream was cut.")
        }
        return events
    }

    /// What is left after the last complete event (an unterminated tail at the end of the stream).
    package var remainder: [UInt8] { buffer }

    /// The index after a blank line starting at `index` (the end of one line followed by an empty line).
    private static func blankLineEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        for separator in [[10, 10], [13, 10, 13, 10], [13, 13]] as [[UInt8]] where index + separator.count <= bytes.count {
            if bytes[index..<index + separator.count].elementsEqual(separator) { return index + separator.count }
        }
        return nil
    }
}
