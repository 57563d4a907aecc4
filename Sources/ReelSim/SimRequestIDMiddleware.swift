import HTTPTypes
import Hummingbird

/// Adds `x-request-id` to every response and answers every error, including unknown routes, in OpenAI's envelope
/// (the Veo routes' own errors in Google's).
struct SimRequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("x-request-id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var generator = SystemRandomNumberGenerator()
        let id = "req_" + String(generator.next(), radix: 16)
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as SimError {
            response = try error.response(from: request, context: context)
        } catch let error as SimGoogleError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.status == .notFound ? "Invalid URL (\(request.method) \(request.uri.path))" : error.body ?? "\(error.status)"
            let envelope = SimError(status: error.status, message: message, type: "invalid_request_error", param: nil, code: nil)
            response = try envelope.response(from: request, context: context)
        } catch {
            response = try SimError.serverError.response(from: request, context: context)
        }
        response.headers[Self.header] = id
        return response
    }
}
