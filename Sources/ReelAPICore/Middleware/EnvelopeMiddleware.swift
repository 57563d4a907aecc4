public import Hummingbird
import Logging
import ReelLogging

/// Turns every error into OpenAI's envelope and puts `x-request-id` on every response.
///
/// Errors that are not ``APIError`` come from a dependency (Redis, the file system): they answer 503 with
/// `retry-after`, so clients retry, and are logged with the request id. Bad input never reaches this path.
public struct EnvelopeMiddleware: RouterMiddleware {
    public typealias Context = APIRequestContext

    /// Creates the middleware.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try Self.apiError(for: error, context: context).response(from: request, context: context)
        }
        response.headers[.requestID] = context.id
        return response
    }

    static func apiError(for error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            switch error.status {
            case .notFound: return APIError(.notFound, "Unknown route.")
            case .methodNotAllowed: return APIError(.methodNotAllowed, "Method not allowed on this route.")
            case .contentTooLarge: return APIError(.payloadTooLarge, "The request body is too large.")
            case .unsupportedMediaType: return APIError(.unsupportedMediaType, error.body ?? "Unsupported media type.")
            default:
                guard error.status.code < 500 else { break }
                return APIError(.invalidRequest, error.body ?? "Bad request.")
            }
        default:
            break
        }
        context.logger.error("Request failed on a dependency", metadata: [LogKey.error: "\(String(reflecting: error))"])
        return APIError(.serviceUnavailable, "The service is temporarily unavailable. Please retry shortly.", retryAfter: .seconds(1))
    }
}
