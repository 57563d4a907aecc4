public import Hummingbird

/// Applies the caller's `rpm_limit` to every request of a route group (the passthrough routes), as the video routes'
/// admission does; runs after ``AuthMiddleware``.
public struct KeyRateMiddleware<Keys: VirtualKeyStore>: RouterMiddleware {
    public typealias Context = APIRequestContext
    let authenticator: Authenticator<Keys>

    /// Creates the middleware.
    public init(authenticator: Authenticator<Keys>) {
        self.authenticator = authenticator
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let caller = context.caller { try await authenticator.admitRate(caller) }
        return try await next(request, context)
    }
}
