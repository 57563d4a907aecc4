public import Hummingbird
import Logging

/// The request context of the API front: Hummingbird's core storage plus the caller's key once authenticated.
public struct APIRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller; set by ``AuthMiddleware``.
    public var caller: Caller?

    /// Creates the context of a request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.caller = nil
    }

    /// The caller, or a 401 when the route was reached without authentication.
    public func requireCaller() throws -> Caller {
        guard let caller else { throw APIError(.invalidAPIKey, "You didn't provide an API key.") }
        return caller
    }
}
