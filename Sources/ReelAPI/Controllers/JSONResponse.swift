import Foundation
import Hummingbird
import NIOCore
import ReelJSON

/// A 200 JSON response of an encodable value.
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
    jsonResponse(bytes: try JSONEncoder().encode(value), status: status, headers: headers)
}

/// A 200 JSON response of an object written with ``JSONWriter``.
func jsonResponse(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
    var writer = JSONWriter()
    value.write(to: &writer)
    return jsonResponse(bytes: writer.bytes, status: status, headers: headers)
}

private func jsonResponse(bytes: some Sequence<UInt8>, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
    var headers = headers
    headers[.contentType] = "application/json"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
}
