import ReelAPICore
import Foundation
package import Hummingbird
import MultipartKit
import NIOCore
package import NIOPosix
import ReelCrypto

/// Reads a POST body as JSON or multipart into a ``RequestForm``.
///
/// Multipart is parsed as it arrives (multipart-kit's streaming parser); file parts go straight to temporary
/// files of the blob store, chunk by chunk, so an upload is never held whole in memory. Past the size limit the
/// read stops with a 413; a file part of the wrong type is a 415; a body that is neither JSON nor multipart is
/// a 415; a broken multipart body is a 400.
package struct RequestBodyReader: Sendable {
    /// Largest accepted upload, per file.
    let maxUploadBytes: Int64
    /// Largest accepted JSON body and multipart text part.
    let maxFieldBytes: Int
    /// Where file parts are written.
    let makeTemporaryPath: @Sendable () -> String
    /// Runs the blocking file writes.
    let threadPool: NIOThreadPool

    package init(maxUploadBytes: Int64, maxFieldBytes: Int, makeTemporaryPath: @escaping @Sendable () -> String, threadPool: NIOThreadPool) {
        self.maxUploadBytes = maxUploadBytes
        self.maxFieldBytes = maxFieldBytes
        self.makeTemporaryPath = makeTemporaryPath
        self.threadPool = threadPool
    }

    /// Reads the body; `files` names the file parts the route accepts and what they must contain.
    package func read(_ request: Request, files allowed: [String: UploadKind]) async throws -> RequestForm {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingBlanks.lowercased() } ?? ""
        switch mediaType {
        case "application/json":
            return try await readJSON(request)
        case "multipart/form-data":
            guard let boundary = Self.boundary(of: contentType) else {
                throw APIError(.invalidRequest, "The multipart body has no boundary in its Content-Type header.")
            }
            return try await readMultipart(request, boundary: boundary, allowed: allowed)
        default:
            let shown = mediaType.isEmpty ? "none" : "'\(mediaType)'"
            throw APIError(
                .unsupportedMediaType,
                "Unsupported Content-Type \(shown): send application/json or multipart/form-data."
            )
        }
    }

    private func readJSON(_ request: Request) async throws -> RequestForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxFieldBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.payloadTooLarge, "The JSON body is larger than \(maxFieldBytes) bytes.")
        }
        let bytes = Array(buffer.readableBytesView)
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw APIError(.invalidJSON, "We could not parse the JSON body of your request. The body must be valid JSON.")
        }
        guard case .object(let members) = value else {
            throw APIError(.invalidJSON, "The JSON body must be an object, but got \(value.typeName).")
        }
        return RequestForm(json: members, isJSON: true, fingerprint: Fingerprint.of(bytes))
    }

    private func readMultipart(_ request: Request, boundary: String, allowed: [String: UploadKind]) async throws -> RequestForm {
        let collector = MultipartCollector(
            limits: MultipartLimits(fieldBytes: maxFieldBytes, uploadBytes: maxUploadBytes),
            allowed: allowed
        )
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.partComplete() }
        var writer: PartWriter?
        do {
            for try await chunk in request.body {
                do {
                    try parser.execute(chunk)
                } catch {
                    throw APIError(.invalidRequest, "The multipart body is malformed: it does not follow its boundary '\(boundary)'.")
                }
                collector.noteTail(chunk)
                if let failure = collector.failure { throw failure }
                for event in collector.drain() {
                    switch event {
                    case .open(let field, let filename, let contentType):
                        writer = try await PartWriter(path: makeTemporaryPath(), threadPool: threadPool)
                        writer?.describe(field: field, filename: filename, contentType: contentType)
                    case .bytes(let buffer):
                        try await writer?.write(buffer)
                    case .close:
                        if let finished = writer {
                            collector.files.append(try await finished.close())
                            writer = nil
                        }
                    }
                }
            }
            guard collector.isComplete else {
                throw APIError(.invalidRequest, "The multipart body is incomplete: it ends before its closing boundary '--\(boundary)--'.")
            }
        } catch {
            // The part being written is deleted too, not only the parts finished: a 413 or a dropped upload
            // leaves nothing behind.
            await writer?.abandon()
            await discard(collector.files.map(\.file))
            throw error
        }
        for file in collector.files.map(\.file) where file.size == 0 {
            await discard(collector.files.map(\.file))
            throw APIError(.invalidParameter, "The uploaded file '\(file.field)' is empty.", param: file.field)
        }
        var fingerprintInput = collector.fields.map { "\($0.name)=\($0.value)" }
        fingerprintInput += collector.files.map { "\($0.file.field):\($0.file.filename):\($0.file.contentType):\($0.file.size):\($0.digest)" }
        return RequestForm(
            fields: collector.fields,
            files: collector.files.map(\.file),
            fingerprint: Fingerprint.of(Array(fingerprintInput.joined(separator: "\n").utf8))
        )
    }

    /// Removes temporary files of a request that failed.
    func discard(_ files: [UploadedFile]) async {
        for file in files { try? FileManager.default.removeItem(atPath: file.temporaryPath) }
    }

    /// The `boundary` parameter of a multipart Content-Type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }
}
