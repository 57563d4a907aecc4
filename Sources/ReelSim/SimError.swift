import Foundation
import HTTPTypes
import Hummingbird
import ReelAPICore

/// An error answered in OpenAI's envelope: `{"error":{"message","type","param","code"}}`.
package struct SimError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    let type: String
    let param: String?
    let code: String?
    var headers: HTTPFields = [:]

    static func invalidRequest(_ message: String, param: String? = nil, code: String? = nil) -> Self {
        .init(status: .badRequest, message: message, type: "invalid_request_error", param: param, code: code)
    }

    static func notFound(_ message: String, param: String? = nil) -> Self {
        .init(status: .notFound, message: message, type: "invalid_request_error", param: param, code: nil)
    }

    static var missingKey: Self {
        .init(
            status: .unauthorized,
            message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
            type: "invalid_request_error", param: nil, code: nil
        )
    }

    static var invalidKey: Self {
        .init(
            status: .unauthorized, message: "Incorrect API key provided.", type: "invalid_request_error", param: nil,
            code: "invalid_api_key"
        )
    }

    static func rateLimited(retryAfterSeconds: Int) -> Self {
        var error = Self(
            status: .tooManyRequests, message: "Rate limit reached for requests. Please try again later.", type: "requests",
            param: nil, code: "rate_limit_exceeded"
        )
        error.headers[.retryAfter] = String(retryAfterSeconds)
        return error
    }

    static var serverError: Self {
        .init(
            status: .internalServerError,
            message: "The server had an error while processing your request. Sorry about that!",
            type: "server_error", param: nil, code: nil
        )
    }

    static var payloadTooLarge: Self {
        .init(status: .contentTooLarge, message: "The request body is too large.", type: "invalid_request_error", param: nil, code: nil)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let envelope = ErrorEnvelope(message: message, type: type, param: param, code: code)
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(envelope))))
    }
}
