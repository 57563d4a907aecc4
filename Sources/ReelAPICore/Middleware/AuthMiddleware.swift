public import Hummingbird

/// Authenticates `Authorization: Bearer …` (the master key or a virtual key) and puts the caller in the context.
public struct AuthMiddleware<Keys: VirtualKeyStore>: RouterMiddleware {
    public typealias Context = APIRequestContext
    let authenticator: Authenticator<Keys>

    /// A middleware authenticating with `authenticator`.
    public init(authenticator: Authenticator<Keys>) { self.authenticator = authenticator }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = try await authenticator.authenticate(authorization: request.headers[.authorization] ?? request.headers[.apiKey])
        return try await next(request, context)
    }
}
