public import ReelRouting

extension APIError {
    /// The answer for a routing failure, the one map every route uses: 403 model not allowed, 400 unknown model or
    /// objects on different accounts, 404 unknown object or an object whose deployment is no longer configured
    /// (its ID is genuine, but nothing can reach it any more), 429 with `retry-after` when the deployments (or the
    /// pinned one) cannot take requests now, 502 for a provider's id too long to wrap.
    /// - Parameters:
    ///   - error: the router's refusal.
    ///   - param: the request field that named the objects, for 404 and 400.
    public init(routing error: RoutingError, param: String? = nil) {
        switch error.code {
        case .modelNotAllowed: self.init(.permissionDenied, error.message, param: "model")
        case .modelNotFound: self.init(.invalidParameter, error.message, param: "model")
        case .noHealthyDeployment, .pinnedDeploymentUnavailable:
            self.init(.rateLimited, error.message, retryAfter: error.retryAfter ?? .seconds(1))
        case .unknownDeployment, .unknownObject: self.init(.notFound, error.message, param: param)
        case .invalidBody: self.init(.invalidJSON, error.message)
        case .idTooLong: self.init(.badGateway, "The provider answered with an id Reel cannot carry. " + error.message)
        default: self.init(.invalidRequest, error.message, param: param)
        }
    }
}
