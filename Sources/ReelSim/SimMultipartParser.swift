import Foundation
package import NIOCore

/// A streaming multipart/form-data parser: text parts are kept (up to `SimForm.jsonLimit` each), file parts only
/// counted, with their first `SimMP4.probeBytes` kept, so uploads of any size take flat memory.
///
/// Boundary search uses Foundation's `Data.range(of:)` over the bytes not yet consumed, which stays fast in debug
/// builds too (a byte-at-a-time parser spends seconds per 20 MB there).
package struct SimMultipartParser {
    private enum State {
        case preamble
        case afterBoundary
        case headers
        case body
        case epilogue
    }

    private static let crlf = Data("\r\n".utf8)
    private static let headerEnd = Data("\r\n\r\n".utf8)
    private static let closing = Data("--".utf8)
    private static let maxHeaderBytes = 16 << 10

    /// `CRLF--boundary`: what precedes every part and the closing marker.
    private let delimiter: Data
    private var pending: Data
    private var state = State.preamble
    private(set) var form = SimForm()

    private var name: String?
    private var filename: String?
    private var contentType: String?
    private var text = Data()
    private var head: [UInt8] = []
    private var byteCount = 0

    package init(boundary: String) {
        delimiter = Data("\r\n--\(boundary)".utf8)
        // A body that opens with the boundary has no CRLF before it; supply one so the delimiter matches.
        pending = Self.crlf
    }

    package mutating func feed(_ chunk: ByteBuffer) throws {
        pending.append(contentsOf: chunk.readableBytesView)
        try advance()
    }

    /// The form, once the closing boundary was seen.
    package func finish() throws -> SimForm {
        guard case .epilogue = state else { throw SimError.invalidRequest("The multipart body ended before its closing boundary.") }
        return form
    }

    private mutating func advance() throws {
        while true {
            switch state {
            case .preamble:
                guard let found = pending.range(of: delimiter) else {
                    consume(max(0, pending.count - (delimiter.count - 1)))
                    return
                }
                consume(upTo: found.upperBound)
                state = .afterBoundary
            case .afterBoundary:
                guard pending.count >= 2 else { return }
                let marker = pending.prefix(2)
                if marker == Self.closing {
                    state = .epilogue
                } else if marker == Self.crlf {
                    consume(2)
                    state = .headers
                } else {
                    throw SimError.invalidRequest("The multipart body could not be parsed: malformed boundary line.")
                }
            case .headers:
                if pending.starts(with: Self.crlf) {
                    consume(2)
                    try beginPart(headers: "")
                    continue
                }
                guard let found = pending.range(of: Self.headerEnd) else {
                    guard pending.count <= Self.maxHeaderBytes else { throw SimError.invalidRequest("The multipart part headers are too large.") }
                    return
                }
                let headers = String(decoding: pending[pending.startIndex..<found.lowerBound], as: UTF8.self)
                consume(upTo: found.upperBound)
                try beginPart(headers: headers)
            case .body:
                if let found = pending.range(of: delimiter) {
                    try append(pending[pending.startIndex..<found.lowerBound])
                    consume(upTo: found.upperBound)
                    completePart()
                    state = .afterBoundary
                } else {
                    // Keep a tail that may be the start of the delimiter.
                    let ready = pending.count - (delimiter.count - 1)
                    guard ready > 0 else { return }
                    try append(pending[pending.startIndex..<(pending.startIndex + ready)])
                    consume(ready)
                    return
                }
            case .epilogue:
                pending.removeAll()
                return
            }
        }
    }

    private mutating func beginPart(headers: String) throws {
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else {
                throw SimError.invalidRequest("The multipart body could not be parsed: malformed part header.")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() {
            case "content-disposition":
                name = SimForm.parameter("name", in: value)
                filename = SimForm.parameter("filename", in: value)
            case "content-type":
                contentType = value
            default:
                break
            }
        }
        guard name != nil else { throw SimError.invalidRequest("A multipart part has no name.") }
        state = .body
    }

    private mutating func append(_ bytes: Data) throws {
        byteCount += bytes.count
        if filename != nil {
            if head.count < SimMP4.probeBytes { head += bytes.prefix(SimMP4.probeBytes - head.count) }
            return
        }
        guard text.count + bytes.count <= SimForm.jsonLimit else {
            throw SimError.invalidRequest("The field '\(name ?? "")' is too large.", param: name)
        }
        text.append(bytes)
    }

    private mutating func completePart() {
        if let name {
            if let filename {
                form.add(.init(filename: filename, contentType: contentType, byteCount: byteCount, head: head), as: name)
            } else {
                form.append(String(decoding: text, as: UTF8.self), to: name)
            }
        }
        name = nil
        filename = nil
        contentType = nil
        text = Data()
        head = []
        byteCount = 0
    }

    private mutating func consume(_ count: Int) {
        pending.removeSubrange(pending.startIndex..<(pending.startIndex + count))
    }

    private mutating func consume(upTo index: Data.Index) {
        pending.removeSubrange(pending.startIndex..<index)
    }
}
