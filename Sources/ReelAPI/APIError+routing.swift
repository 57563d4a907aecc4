import ReelRouting

extension APIError {
    /// The answer for a routing failure: 403 model not allowed, 400 unknown model or conflicting objects, 404
    /// unknown object, 429 with `retry-after` when the deployments (or the pinned one) cannot take requests now,
    /// 502 for a provider's id too long to wrap.
    init(routing error: RoutingError) {
        switch error.code {
        case .modelNotAllowed: self.init(.permissionDenied, error.message, param: "model")
        case .modelNotFound: self.init(.invalidParameter, error.message, param: "model")
        case .noHealthyDeployment, .pinnedDeploymentUnavailable:
            self.init(.rateLimited, error.message, retryAfter: error.retryAfter ?? .seconds(1))
        case .unknownDeployment, .unknownObject: self.init(.notFound, error.message)
        case .invalidBody: self.init(.invalidJSON, error.message)
        case .idTooLong: self.init(.badGateway, "The provider answered with an id Reel cannot carry. " + error.message)
        default: self.init(.invalidRequest, error.message)
        }
    }
}
