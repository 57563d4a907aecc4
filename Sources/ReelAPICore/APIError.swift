public import HTTPTypes
public import Hummingbird
import NIOCore
import Foundation

/// An error the API front answers with, in OpenAI's envelope `{"error":{"message","type","param","code"}}`.
///
/// Every failure a client can cause or observe is one of these; the status is the one the OpenAI SDK maps to
/// its exception classes (400 `BadRequestError`, 401 `AuthenticationError`, 403 `PermissionDeniedError`, …).
///
/// ```swift
/// throw APIError(.invalidParameter, "Invalid value for 'seconds': expected one of 4, 8, 12.", param: "seconds")
/// ```
public struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case invalidRequest, invalidParameter, missingParameter, invalidJSON, invalidAPIKey, permissionDenied, notFound
            case conflict, payloadTooLarge, unsupportedMediaType, unprocessable, rateLimited, queueFull, serviceUnavailable
            case badGateway, internalError, requestTimeout, methodNotAllowed, notReplicated
            case unsupportedOperation, invalidValue, unsupportedVariant
        }
        private let base: Base
        private init(base: Base) { self.base = base }

        /// A malformed request (400).
        public static var invalidRequest: Self { .init(base: .invalidRequest) }
        /// A field with a wrong type or value (400).
        public static var invalidParameter: Self { .init(base: .invalidParameter) }
        /// No deployment of the model can perform the operation, such as a remix of a Veo video (400).
        public static var unsupportedOperation: Self { .init(base: .unsupportedOperation) }
        /// A value no deployment of the model takes, such as `seconds` a Veo model does not render (400).
        public static var invalidValue: Self { .init(base: .invalidValue) }
        /// A content variant the video's provider does not produce, such as a Veo video's spritesheet (404).
        public static var unsupportedVariant: Self { .init(base: .unsupportedVariant) }
        /// A required field is missing (400).
        public static var missingParameter: Self { .init(base: .missingParameter) }
        /// The body is not valid JSON (400).
        public static var invalidJSON: Self { .init(base: .invalidJSON) }
        /// No key, or an unknown, revoked or expired one (401).
        public static var invalidAPIKey: Self { .init(base: .invalidAPIKey) }
        /// The key may not use the model or route (403).
        public static var permissionDenied: Self { .init(base: .permissionDenied) }
        /// No such object, or not the caller's (404).
        public static var notFound: Self { .init(base: .notFound) }
        /// The request conflicts with an earlier one, such as a reused idempotency key (409).
        public static var conflict: Self { .init(base: .conflict) }
        /// An upload is larger than the limit (413).
        public static var payloadTooLarge: Self { .init(base: .payloadTooLarge) }
        /// The body's or an upload's content type is not accepted (415).
        public static var unsupportedMediaType: Self { .init(base: .unsupportedMediaType) }
        /// Well-formed but not processable, such as content of a video that is not completed (422).
        public static var unprocessable: Self { .init(base: .unprocessable) }
        /// The key's rate or in-flight cap is reached (429).
        public static var rateLimited: Self { .init(base: .rateLimited) }
        /// The queue is at capacity (429).
        public static var queueFull: Self { .init(base: .queueFull) }
        /// A dependency (Redis) is unreachable (503).
        public static var serviceUnavailable: Self { .init(base: .serviceUnavailable) }
        /// A write is done on the Redis primary, but fewer replicas than `reel_settings.redis.replica_acks`
        /// confirmed it in time, so a failover now could lose it (503, not retried automatically: a blind retry
        /// could create a second job).
        public static var notReplicated: Self { .init(base: .notReplicated) }
        /// A provider answered something Reel cannot pass on, such as an id too long to wrap (502).
        public static var badGateway: Self { .init(base: .badGateway) }
        /// The route does not take this method (405).
        public static var methodNotAllowed: Self { .init(base: .methodNotAllowed) }
        /// The request body arrived too slowly (408).
        public static var requestTimeout: Self { .init(base: .requestTimeout) }
        /// A fault of ours (500); never used for bad input.
        public static var internalError: Self { .init(base: .internalError) }

        /// The code's name.
        public var description: String { base.rawValue }

        package var status: HTTPResponse.Status {
            switch base {
            case .invalidRequest, .invalidParameter, .missingParameter, .invalidJSON, .unsupportedOperation, .invalidValue: .badRequest
            case .invalidAPIKey: .unauthorized
            case .permissionDenied: .forbidden
            case .notFound, .unsupportedVariant: .notFound
            case .conflict: .conflict
            case .payloadTooLarge: .contentTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .unprocessable: .unprocessableContent
            case .rateLimited, .queueFull: .tooManyRequests
            case .serviceUnavailable, .notReplicated: .serviceUnavailable
            case .badGateway: .badGateway
            case .internalError: .internalServerError
            case .requestTimeout: .requestTimeout
            case .methodNotAllowed: .methodNotAllowed
            }
        }

        /// The envelope's `type`, as OpenAI spells it.
        package var type: String {
            switch base {
            case .rateLimited, .queueFull: "rate_limit_error"
            case .invalidAPIKey: "invalid_request_error"
            case .permissionDenied: "permission_error"
            case .serviceUnavailable, .badGateway, .internalError, .notReplicated: "server_error"
            default: "invalid_request_error"
            }
        }

        /// The envelope's `code`, where OpenAI sends one.
        package var wireCode: String? {
            switch base {
            case .invalidAPIKey: "invalid_api_key"
            case .rateLimited: "rate_limit_exceeded"
            case .queueFull: "queue_full"
            case .notFound: "not_found"
            case .unsupportedOperation: "unsupported_operation"
            case .invalidValue: "invalid_value"
            case .unsupportedVariant: "unsupported_variant"
            case .permissionDenied: "model_not_allowed"
            case .conflict: "idempotency_conflict"
            case .payloadTooLarge: "file_too_large"
            case .unsupportedMediaType: "unsupported_media_type"
            case .serviceUnavailable: "service_unavailable"
            case .notReplicated: "not_replicated"
            case .badGateway: "bad_gateway"
            case .requestTimeout: "request_timeout"
            case .methodNotAllowed: "method_not_allowed"
            default: nil
            }
        }
    }

    /// What went wrong.
    public let code: Code
    /// The message the client reads.
    public let message: String
    /// The request field at fault, if any.
    public let param: String?
    /// For 429 and 503: when to try again (sent as `retry-after`, at most 120 s so the SDK retries).
    public let retryAfter: Duration?

    /// Creates an error.
    public init(_ code: Code, _ message: String, param: String? = nil, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.param = param
        self.retryAfter = retryAfter
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status { code.status }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }

    /// The envelope as a response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter {
            let seconds = min(120, max(1, Int((retryAfter + .milliseconds(999)).components.seconds)))
            headers[.retryAfter] = String(seconds)
        } else if code.status != .tooManyRequests, code != .serviceUnavailable {
            // 409 and 5xx would make the SDK retry; none of these is worth retrying unchanged (a write that may not
            // be replicated is done: retrying it blindly would do it twice).
            headers[.shouldRetry] = "false"
        }
        let envelope = ErrorEnvelope(message: message, type: code.type, param: param, code: code.wireCode)
        let data = try JSONEncoder().encode(envelope)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
