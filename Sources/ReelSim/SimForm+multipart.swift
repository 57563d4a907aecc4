import Hummingbird
import MultipartKit
import NIOCore

extension SimForm {
    /// Streams a multipart/form-data body through MultipartKit's parser: text parts are kept (up to `jsonLimit` each),
    /// file parts only counted, so uploads of any size use flat memory.
    static func readMultipart(_ body: RequestBody, boundary: String, maxBytes: Int) async throws -> SimForm {
        let parser = MultipartParser(boundary: boundary)
        let reader = PartReader()
        parser.onHeader = { name, value in reader.header(name: name, value: value) }
        parser.onBody = { buffer in reader.body(&buffer) }
        parser.onPartComplete = { reader.complete() }
        var total = 0
        do {
            for try await chunk in body {
                total += chunk.readableBytes
                guard total <= maxBytes else { throw SimError.payloadTooLarge }
                try parser.execute(chunk)
                if let error = reader.error { throw error }
            }
        } catch let error as SimError {
            throw error
        } catch {
            throw SimError.invalidRequest("The multipart body could not be parsed.")
        }
        guard reader.sawPart else { throw SimError.invalidRequest("The multipart body has no parts.") }
        return reader.form
    }

    /// Collects the parser's callbacks into a form.
    private final class PartReader {
        var form = SimForm()
        var error: SimError?
        var sawPart = false
        private var name: String?
        private var filename: String?
        private var contentType: String?
        private var text: [UInt8] = []
        private var head: [UInt8] = []
        private var byteCount = 0

        func header(name headerName: String, value: String) {
            switch headerName.lowercased() {
            case "content-disposition":
                name = SimForm.parameter("name", in: value)
                filename = SimForm.parameter("filename", in: value)
            case "content-type":
                contentType = value
            default:
                break
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            byteCount += buffer.readableBytes
            guard filename == nil else {
                head += buffer.readableBytesView.prefix(SimMP4.probeBytes - head.count)
                return
            }
            guard text.count + buffer.readableBytes <= SimForm.jsonLimit else {
                error = .invalidRequest("The field '\(name ?? "")' is too large.", param: name)
                return
            }
            text += buffer.readableBytesView
        }

        func complete() {
            sawPart = true
            if let name {
                if let filename {
                    form.add(Upload(filename: filename, contentType: contentType, byteCount: byteCount, head: head), as: name)
                } else {
                    form.append(String(decoding: text, as: UTF8.self), to: name)
                }
            } else if error == nil {
                error = .invalidRequest("A multipart part has no name.")
            }
            name = nil
            filename = nil
            contentType = nil
            text = []
            head = []
            byteCount = 0
        }
    }
}
