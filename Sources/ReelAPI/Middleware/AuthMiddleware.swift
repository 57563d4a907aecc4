import Hummingbird
import ReelQueue
import ReelStorage

/// Authenticates `Authorization: Bearer …` (the master key or a virtual key) and puts the caller in the context.
struct AuthMiddleware<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>: RouterMiddleware {
    typealias Context = APIRequestContext
    let front: VideoFront<Queue, Keys, Blobs>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = try await front.authenticate(authorization: request.headers[.authorization] ?? request.headers[.apiKey])
        return try await next(request, context)
    }
}
