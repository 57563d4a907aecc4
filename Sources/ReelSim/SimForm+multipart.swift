import Hummingbird

extension SimForm {
    /// Streams a multipart/form-data body through `SimMultipartParser`.
    static func readMultipart(_ body: RequestBody, boundary: String, maxBytes: Int) async throws -> SimForm {
        var parser = SimMultipartParser(boundary: boundary)
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            guard total <= maxBytes else { throw SimError.payloadTooLarge }
            try parser.feed(chunk)
        }
        return try parser.finish()
    }
}
