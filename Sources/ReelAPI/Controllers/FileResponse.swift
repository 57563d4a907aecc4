import ReelAPICore
import Hummingbird
import Foundation
import ReelHTTP
import ReelStorage

/// Streams a stored file, honouring a single `Range: bytes=…` request (206, or 416 when unsatisfiable).
enum FileResponse {
    /// Serves a blob: a local file here, a remote one streamed as its store answered (the range passed through), or
    /// a redirect (302) to where it is served.
    static func make(_ content: BlobContent, contentType: String, request: Request, context: APIRequestContext) async throws -> Response {
        switch content {
        case .file(let path, let size):
            return try await make(path: path, size: size, contentType: contentType, request: request, context: context)
        case .redirect(let url):
            return Response(status: .found, headers: [.location: url])
        case .stream(let upstream):
            var headers: HTTPFields = [.contentType: contentType, .acceptRanges: "bytes"]
            if let range = upstream.headers["content-range"] { headers[.contentRange] = range }
            // A 416 has S3's error document as its body, which the client does not get.
            guard upstream.status != 416 else { return Response(status: .rangeNotSatisfiable, headers: headers) }
            if let length = upstream.headers["content-length"] { headers[.contentLength] = length }
            let body = ResponseBody(asyncSequence: upstream.body.map { ByteBuffer(bytes: $0) })
            return Response(status: .init(code: upstream.status), headers: headers, body: body)
        }
    }

    static func make(path: String, size: Int64, contentType: String, request: Request, context: APIRequestContext) async throws -> Response {
        var headers: HTTPFields = [.contentType: contentType, .acceptRanges: "bytes"]
        let fileIO = FileIO()
        guard let rangeHeader = request.headers[.range] else {
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
        }
        guard let range = byteRange(rangeHeader, size: size) else {
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
        headers[.contentLength] = String(range.count)
        let body = try await fileIO.loadFile(path: path, range: Int(range.lowerBound)...Int(range.upperBound), context: context)
        return Response(status: .partialContent, headers: headers, body: body)
    }

    /// `bytes=a-b`, `bytes=a-`, `bytes=-n` within a file of `size` bytes; nil when malformed or unsatisfiable.
    static func byteRange(_ header: String, size: Int64) -> ClosedRange<Int64>? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let start = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let end = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        if start.isEmpty {
            guard let suffix = Int64(end), suffix > 0 else { return nil }
            return max(0, size - suffix)...(size - 1)
        }
        guard let lower = Int64(start), lower < size else { return nil }
        if end.isEmpty { return lower...(size - 1) }
        guard let upper = Int64(end), upper >= lower else { return nil }
        return lower...min(upper, size - 1)
    }
}
