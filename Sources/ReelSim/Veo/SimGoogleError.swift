import Foundation
import HTTPTypes
import Hummingbird

/// An error answered in Google's envelope, `{"error": {"code", "message", "status", "details"?}}` (google.rpc.Status),
/// or, from the token endpoint, OAuth's `{"error", "error_description"}`.
struct SimGoogleError: HTTPResponseError {
    let status: HTTPResponse.Status
    let rpcStatus: String
    let message: String
    /// `google.rpc.RetryInfo.retryDelay` in seconds, sent in `details` (429).
    var retryDelaySeconds: Int?
    /// OAuth shape (`{"error": rpcStatus, "error_description": message}`) instead of google.rpc.Status.
    var oauth = false

    static func invalidArgument(_ message: String) -> Self { .init(status: .badRequest, rpcStatus: "INVALID_ARGUMENT", message: message) }
    static func notFound(_ message: String) -> Self { .init(status: .notFound, rpcStatus: "NOT_FOUND", message: message) }
    static func unauthenticated(_ message: String) -> Self { .init(status: .unauthorized, rpcStatus: "UNAUTHENTICATED", message: message) }
    static func permissionDenied(_ message: String) -> Self { .init(status: .forbidden, rpcStatus: "PERMISSION_DENIED", message: message) }
    static var internalError: Self { .init(status: .internalServerError, rpcStatus: "INTERNAL", message: "Internal error encountered.") }

    static func resourceExhausted(retryDelaySeconds: Int) -> Self {
        .init(
            status: .tooManyRequests, rpcStatus: "RESOURCE_EXHAUSTED",
            message: "Resource has been exhausted (e.g. check quota).", retryDelaySeconds: retryDelaySeconds
        )
    }

    /// An OAuth token endpoint refusal (`invalid_grant`, `invalid_request`, …), answered 400.
    static func oauth(_ code: String, _ description: String) -> Self {
        .init(status: .badRequest, rpcStatus: code, message: description, oauth: true)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: [String: Any]
        if oauth {
            body = ["error": rpcStatus, "error_description": message]
        } else {
            var error: [String: Any] = ["code": Int(status.code), "message": message, "status": rpcStatus]
            if let retryDelaySeconds {
                error["details"] = [["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "\(retryDelaySeconds)s"]]
            }
            body = ["error": error]
        }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
