import ReelCrypto
import ReelConfiguration
import ReelHTTP

extension S3BlobStore {
    /// Uploads `size` bytes of `path` as `object` in parts (CreateMultipartUpload, UploadPart…,
    /// CompleteMultipartUpload), each part streamed from its range of the file, ``concurrentParts`` at a time.
    /// Any failure aborts the upload (AbortMultipartUpload), so S3 keeps neither the object nor the parts.
    func uploadInParts(from path: String, size: Int64, to object: String) async throws {
        let created = try await send("POST", object, query: "uploads=", headers: ["Content-Type": "application/octet-stream"])
        guard let uploadID = S3XML.value(of: "UploadId", in: created.body), !uploadID.isEmpty else {
            throw StorageError(.requestFailed, message: "S3 CreateMultipartUpload for \(object) answered without an UploadId")
        }
        let upload = "uploadId=" + SigV4Presigner.uriEncoded(uploadID)
        do {
            let partSize = configuration.partSize
            let count = Int((size + partSize - 1) / partSize)
            var etags = [String](repeating: "", count: count)
            try await withThrowingTaskGroup(of: (Int, String).self) { group in
                var next = 0
                func addPart() {
                    let number = next + 1
                    let offset = Int64(next) * partSize
                    group.addTask { (number, try await uploadPart(number, of: object, upload: upload, from: path, offset: offset, length: min(partSize, size - offset))) }
                    next += 1
                }
                while next < min(count, Self.concurrentParts) { addPart() }
                while let (number, etag) = try await group.next() {
                    etags[number - 1] = etag
                    if next < count { addPart() }
                }
            }
            let parts = etags.enumerated().map { index, etag in "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(S3XML.escaped(etag))</ETag></Part>" }
            let document = "<CompleteMultipartUpload>\(parts.joined())</CompleteMultipartUpload>"
            let completed = try await send("POST", object, query: upload, body: .string(document), headers: ["Content-Type": "application/xml"])
            // CompleteMultipartUpload may answer 200 and still fail, with an error document as its body.
            if let code = S3XML.value(of: "Code", in: completed.body) {
                throw StorageError(.requestFailed, message: "S3 CompleteMultipartUpload of \(object) failed: \(code)")
            }
        } catch {
            try await abort(upload, of: object, after: error)
        }
    }

    /// Parts on the wire at once: enough to fill a link whose single stream is held back by its round trips, few
    /// enough that the parts' buffers stay small.
    static let concurrentParts = 4

    /// Sends part `number` (`length` bytes of `path` from `offset`) and returns its ETag.
    private func uploadPart(_ number: Int, of object: String, upload: String, from path: String, offset: Int64, length: Int64) async throws -> String {
        let response = try await send(
            "PUT", object, query: "partNumber=\(number)&\(upload)", body: .fileRange(path: path, offset: offset, length: length),
            headers: ["Content-Type": "application/octet-stream"]  // else libcurl says the body is a form
        )
        guard let etag = response.headers["etag"] else {
            throw StorageError(.requestFailed, message: "S3 UploadPart \(number) of \(object) answered without an ETag")
        }
        return etag
    }

    /// Aborts a multipart upload, even from a cancelled task, then throws `error` (with the abort's failure, if any).
    private func abort(_ upload: String, of object: String, after error: any Error) async throws -> Never {
        let aborted = await Task { [self] in
            do {
                _ = try await send("DELETE", object, query: upload, accepting: [404])
                return nil as StorageError?
            } catch let failure as StorageError {
                return failure
            } catch {
                return StorageError(.requestFailed, message: "\(error)")
            }
        }.value
        guard let aborted else { throw error }
        throw StorageError(.requestFailed, message: "\(error); aborting the multipart upload failed too: \(aborted.message)")
    }

    /// The names of every object whose name starts with `prefix` (ListObjectsV2, page by page).
    func objectNames(startingWith prefix: String) async throws -> [String] {
        var names: [String] = []
        try await forEachListPage("list-type=2&prefix=\(SigV4Presigner.uriEncoded(prefix))") { names += S3XML.values(of: "Key", in: $0) }
        return names
    }

    /// Lists the bucket (`ListObjectsV2` with `query`, canonical and without a continuation token) and calls `body`
    /// with the XML of every page, following continuation tokens.
    func forEachListPage(_ query: String, _ body: ([UInt8]) async throws -> Void) async throws {
        var token: String?
        repeat {
            // `continuation-token` sorts before every other parameter, as the signature's canonical query needs.
            let page = try await send("GET", "", query: (token.map { "continuation-token=\(SigV4Presigner.uriEncoded($0))&" } ?? "") + query)
            try await body(page.body)
            token = S3XML.value(of: "IsTruncated", in: page.body) == "true" ? S3XML.value(of: "NextContinuationToken", in: page.body) : nil
        } while token != nil
    }
}
