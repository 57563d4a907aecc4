import Hummingbird
import ReelQueue
import ReelStorage

extension PassthroughFront {
    /// Adds the Responses and Realtime routes to `router`, with and without `/v1`, authenticated by `front`'s keys
    /// (except `realtime/calls`, whose credential is the realtime token).
    func addRoutes<Queue, Keys, Blobs>(to router: Router<APIRequestContext>, front: VideoFront<Queue, Keys, Blobs>) {
        let responses = ResponsesController(front: self)
        let realtime = RealtimeController(front: self) { keyID in
            guard keyID != Caller.master.id else { return Caller.master.modelPatterns }
            guard let key = try await front.keys.key(id: keyID), !key.isExpired(now: VideoFront<Queue, Keys, Blobs>.now) else { return nil }
            return Caller(id: key.id, key: key).modelPatterns
        }
        for prefix in ["v1", ""] {
            let authenticated = router.group(RouterPath(prefix))
                .add(middleware: AuthMiddleware(front: front))
                .add(middleware: KeyRateMiddleware(front: front))
            responses.addRoutes(to: authenticated)
            realtime.addAuthenticatedRoutes(to: authenticated)
            realtime.addTokenRoutes(to: router.group(RouterPath(prefix)))
        }
    }
}
