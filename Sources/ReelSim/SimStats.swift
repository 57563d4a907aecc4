/// What the simulator was asked, as `GET /sim/stats` returns it.
///
/// Routes are named `METHOD /path` with `{id}` for identifiers and without the `/v1` prefix:
/// `POST /videos`, `GET /videos`, `GET /videos/{id}`, `DELETE /videos/{id}`, `GET /videos/{id}/content`,
/// `POST /videos/{id}/remix`, `POST /videos/characters`, `GET /videos/characters/{id}`, `POST /videos/edits`,
/// `POST /videos/extensions`. Every request to these routes counts, including those answered with an error or an
/// injected fault.
public struct SimStats: Codable, Sendable, Equatable {
    /// Requests seen by one API key.
    public struct KeyStats: Codable, Sendable, Equatable {
        /// Requests made with this key.
        public var total: Int = 0
        /// Requests per route.
        public var routes: [String: Int] = [:]
        /// Faults injected into this key's requests, by fault name (`rate_limit`, `server_error`, `slow`, `hang`,
        /// `moderation`, `failure`).
        public var faults: [String: Int] = [:]

        /// Creates empty counts.
        public init() {}
    }

    /// Requests to the API routes.
    public var total: Int = 0
    /// Requests per route.
    public var routes: [String: Int] = [:]
    /// Per API key (the bearer token or `api-key` header), what it asked; requests without a key are not listed.
    public var keys: [String: KeyStats] = [:]
    /// Faults injected, by fault name.
    public var faults: [String: Int] = [:]
    /// POST requests per `Idempotency-Key` header value.
    public var idempotencyKeys: [String: Int] = [:]
    /// Videos created (jobs started), including remixes, edits and extensions; idempotent repeats do not count.
    public var videosCreated: Int = 0
    /// Characters created.
    public var charactersCreated: Int = 0

    /// Creates empty counts.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case total, routes, keys, faults
        case idempotencyKeys = "idempotency_keys"
        case videosCreated = "videos_created"
        case charactersCreated = "characters_created"
    }

    mutating func count(route: String, key: String?) {
        total += 1
        routes[route, default: 0] += 1
        if let key {
            keys[key, default: KeyStats()].total += 1
            keys[key, default: KeyStats()].routes[route, default: 0] += 1
        }
    }

    mutating func count(fault: SimFault, key: String) {
        faults[fault.description, default: 0] += 1
        keys[key, default: KeyStats()].faults[fault.description, default: 0] += 1
    }
}
