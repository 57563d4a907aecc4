public import Hummingbird
public import ReelAPICore

extension PassthroughFront {
    /// Adds the Responses and Realtime routes to `router`, with and without `/v1`, authenticated by
    /// `authenticator` (except `realtime/calls`, whose credential is the realtime token).
    public func addRoutes<Keys>(to router: Router<APIRequestContext>, authenticator: Authenticator<Keys>) {
        let responses = ResponsesController(front: self)
        let realtime = RealtimeController(front: self) { keyID in
            try await authenticator.caller(keyID: keyID)?.modelPatterns
        }
        for prefix in ["v1", ""] {
            let authenticated = router.group(RouterPath(prefix))
                .add(middleware: AuthMiddleware(authenticator: authenticator))
                .add(middleware: KeyRateMiddleware(authenticator: authenticator))
            responses.addRoutes(to: authenticated)
            realtime.addAuthenticatedRoutes(to: authenticated)
            realtime.addTokenRoutes(to: router.group(RouterPath(prefix)))
        }
    }
}
