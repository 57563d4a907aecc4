import ReelAPICore
import Foundation
import NIOCore

/// Turns multipart-kit's parser callbacks into text fields and file events, enforcing the limits.
///
/// Used by one request's read loop only: the parser calls it synchronously, and the loop drains the file
/// events after each chunk and writes them to disk.
final class MultipartCollector {
    enum Event {
        case open(field: String, filename: String, contentType: String)
        case bytes(ByteBuffer)
        case close
    }

    private enum Part {
        case headers([String: String])
        case text(name: String, bytes: [UInt8])
        case file(size: Int64)
        case skipped
    }

    private let limits: MultipartLimits
    private let allowed: [String: UploadKind]
    private var part: Part?
    private var events: [Event] = []
    private var completedParts = 0
    private var startedParts = 0
    private var headerBytes = 0
    private var textBytes = 0
    private var tail: [UInt8] = []

    /// Text parts so far.
    var fields: [(name: String, value: String)] = []
    /// Files written so far.
    var files: [PartWriter.Finished] = []
    /// The first limit or type violation; the read loop throws it.
    private(set) var failure: APIError?

    init(limits: MultipartLimits, allowed: [String: UploadKind]) {
        self.limits = limits
        self.allowed = allowed
    }

    /// The body ended with the closing boundary after at least one part.
    var isComplete: Bool {
        guard completedParts > 0, part == nil || isEmptyHeaders else { return false }
        let trimmed = tail.reversed().drop { $0 == 13 || $0 == 10 || $0 == 32 || $0 == 9 }
        return trimmed.prefix(2).elementsEqual([45, 45])
    }

    private var isEmptyHeaders: Bool {
        if case .headers(let headers)? = part { return headers.isEmpty }
        return false
    }

    func header(name: String, value: String) {
        guard failure == nil else { return }
        headerBytes += name.utf8.count + value.utf8.count
        if headerBytes > limits.headerBytes {
            failure = APIError(.payloadTooLarge, "The headers of a multipart part are larger than \(limits.headerBytes) bytes.")
            return
        }
        if case .headers(var headers)? = part {
            headers[name.lowercased()] = value
            part = .headers(headers)
        } else {
            part = .headers([name.lowercased(): value])
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if part == nil || isHeaders { start() }
        switch part {
        case .text(let name, var bytes)?:
            bytes.append(contentsOf: buffer.readableBytesView)
            textBytes += buffer.readableBytes
            if bytes.count > limits.fieldBytes {
                failure = APIError(.payloadTooLarge, "The form field '\(name)' is larger than \(limits.fieldBytes) bytes.", param: name)
            } else if textBytes > limits.textBytes {
                failure = APIError(.payloadTooLarge, "The form fields together are larger than \(limits.textBytes) bytes.")
            }
            part = .text(name: name, bytes: bytes)
        case .file(let size)?:
            let newSize = size + Int64(buffer.readableBytes)
            if newSize > limits.uploadBytes {
                failure = APIError(.payloadTooLarge, "The uploaded file is larger than the limit of \(limits.uploadBytes) bytes.")
            }
            part = .file(size: newSize)
            events.append(.bytes(buffer))
        default:
            break
        }
    }

    func partComplete() {
        guard failure == nil else { return }
        if part == nil || isHeaders { start() }
        switch part {
        case .text(let name, let bytes)?:
            guard let value = String(validating: bytes, as: UTF8.self) else {
                failure = APIError(.invalidParameter, "The form field '\(name)' is not valid UTF-8.", param: name)
                return
            }
            fields.append((name, value))
        case .file?:
            events.append(.close)
        default:
            break
        }
        part = nil
        completedParts += 1
    }

    /// Keeps the last bytes of the stream, to see whether it ended with the closing boundary.
    func noteTail(_ chunk: ByteBuffer) {
        tail.append(contentsOf: chunk.readableBytesView.suffix(8))
        if tail.count > 8 { tail.removeFirst(tail.count - 8) }
    }

    /// The file events since the last call.
    func drain() -> [Event] {
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    private var isHeaders: Bool {
        if case .headers? = part { return true }
        return false
    }

    private func start() {
        var headers: [String: String] = [:]
        if case .headers(let h)? = part { headers = h }
        headerBytes = 0
        startedParts += 1
        guard startedParts <= limits.parts else {
            failure = APIError(.payloadTooLarge, "The multipart body has more than \(limits.parts) parts.")
            part = .skipped
            return
        }
        let disposition = Self.dispositionParameters(headers["content-disposition"] ?? "")
        guard let name = disposition["name"], !name.isEmpty else {
            failure = APIError(.invalidRequest, "A multipart part has no name in its Content-Disposition header.")
            part = .skipped
            return
        }
        guard let filename = disposition["filename"] else {
            part = .text(name: name, bytes: [])
            return
        }
        guard let kind = allowed[name] else {
            failure = APIError(.invalidParameter, "Unexpected file for '\(name)': this endpoint takes no file in that field.", param: name)
            part = .skipped
            return
        }
        guard let contentType = kind.accept(contentType: headers["content-type"], filename: filename) else {
            let sent = headers["content-type"] ?? "none"
            failure = APIError(
                .unsupportedMediaType,
                "Unsupported file type '\(sent)' for '\(name)': expected \(kind.noun).",
                param: name
            )
            part = .skipped
            return
        }
        events.append(.open(field: name, filename: filename, contentType: contentType))
        part = .file(size: 0)
    }

    /// `name` and `filename` of a `Content-Disposition: form-data; name="…"; filename="…"` header; the last of a
    /// repeated parameter counts.
    static func dispositionParameters(_ header: String) -> [String: String] {
        Dictionary(header.headerParameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }
}
