import Hummingbird
import ReelQueue
import ReelStorage

/// Applies the caller's `rpm_limit` to every request of a route group (the passthrough routes), as the video routes'
/// admission does; runs after ``AuthMiddleware``.
struct KeyRateMiddleware<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>: RouterMiddleware {
    typealias Context = APIRequestContext
    let front: VideoFront<Queue, Keys, Blobs>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let caller = context.caller { try await front.admitRate(caller) }
        return try await next(request, context)
    }
}
