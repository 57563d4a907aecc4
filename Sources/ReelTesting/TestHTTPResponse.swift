public import HTTPTypes
public import NIOCore

/// A response as ``TestHTTPClient`` read it: status, header fields and the whole body.
public struct TestHTTPResponse: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let body: ByteBuffer
}
