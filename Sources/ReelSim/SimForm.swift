import Foundation
import HTTPTypes
import Hummingbird
import ReelAPICore

/// A request body reduced to named text fields and uploaded files, whether it came as multipart/form-data or JSON.
///
/// Nested JSON values take the bracket names the SDK uses in multipart bodies: `{"video":{"id":"v"}}` becomes the
/// field `video[id]`, and `{"characters":[{"id":"a"},{"id":"b"}]}` the repeated field `characters[][id]`.
/// Uploaded files are counted, not kept.
package struct SimForm: Sendable {
    /// An uploaded file part.
    package struct Upload: Sendable {
        package var filename: String
        package var contentType: String?
        package var byteCount = 0
        /// The first `SimMP4.probeBytes` bytes.
        package var head: [UInt8] = []
    }

    private(set) var fields: [String: [String]] = [:]
    private(set) var uploads: [String: Upload] = [:]

    /// Every name present, fields and files.
    var names: Set<String> { Set(fields.keys).union(uploads.keys) }

    /// The first value of a text field.
    package func string(_ name: String) -> String? { fields[name]?.first }

    /// All values of a repeated text field.
    package func strings(_ name: String) -> [String] { fields[name] ?? [] }

    package func upload(_ name: String) -> Upload? { uploads[name] }

    mutating func append(_ value: String, to name: String) { fields[name, default: []].append(value) }

    mutating func add(_ upload: Upload, as name: String) { uploads[name] = upload }

    /// Reads the body of `request` by its content type; an empty body without a content type is an empty form.
    static func read(_ request: Request, maxBytes: Int) async throws -> SimForm {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "multipart/form-data":
            guard let boundary = parameter("boundary", in: contentType), !boundary.isEmpty else {
                throw SimError.invalidRequest("The multipart body has no boundary.")
            }
            return try await readMultipart(request.body, boundary: boundary, maxBytes: maxBytes)
        case "application/json":
            return try await readJSON(request.body, maxBytes: min(maxBytes, jsonLimit))
        case "":
            var body = request.body.makeAsyncIterator()
            guard try await body.next() == nil else {
                throw SimError.invalidRequest("Missing Content-Type: send multipart/form-data or application/json.")
            }
            return SimForm()
        default:
            throw SimError.invalidRequest(
                "Unsupported content type '\(mediaType)': send multipart/form-data or application/json."
            )
        }
    }

    /// Largest JSON body, and largest text field of a multipart body.
    static let jsonLimit = 1 << 20

    /// The value of `name=value` (optionally quoted) in a header such as `Content-Type` or `Content-Disposition`.
    package static func parameter(_ name: String, in header: String) -> String? {
        header.headerParameters.first { $0.name == name }?.value
    }
}
