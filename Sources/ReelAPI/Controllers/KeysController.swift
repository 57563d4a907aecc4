import Foundation
import Hummingbird
import ReelAPICore
import ReelQueue
import ReelStorage

/// `/key/generate`, `/key/info`, `/key/delete`: virtual-key administration with the master key (LiteLLM's routes).
struct KeysController<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore> {
    let front: VideoFront<Queue, Keys, Blobs>

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("key/generate", use: generate)
        group.get("key/info", use: info)
        group.post("key/delete", use: delete)
    }

    /// The answer of `/key/generate`: the secret, shown once, beside the key's settings as `/key/info` shows them.
    struct Generated: Encodable {
        var key: String
        var settings: Info

        enum CodingKeys: String, CodingKey { case key }

        func encode(to encoder: any Encoder) throws {
            try settings.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
        }
    }

    /// What `/key/info` shows: never the secret or its hash.
    struct Info: Encodable {
        var keyID: String
        var keyAlias: String?
        var models: [String]
        var rpmLimit: Int?
        var maxInflightJobs: Int?
        var expires: Int64?
        var createdAt: Int64

        init(_ key: VirtualKey) {
            keyID = key.id
            keyAlias = key.alias
            models = key.models
            rpmLimit = key.rpmLimit
            maxInflightJobs = key.maxInflightJobs
            expires = key.expiresAt
            createdAt = key.createdAt
        }

        enum CodingKeys: String, CodingKey {
            case models, expires
            case keyID = "key_id", keyAlias = "key_alias", rpmLimit = "rpm_limit", maxInflightJobs = "max_inflight_jobs"
            case createdAt = "created_at"
        }
    }

    @Sendable func generate(_ request: Request, context: APIRequestContext) async throws -> Response {
        try front.authenticator.requireMaster(try context.requireCaller())
        let form = try await front.bodyReader.read(request, files: [:])
        let spec = try Self.spec(form)
        let (secret, key) = try await front.keys.create(spec)
        return try jsonResponse(Generated(key: secret, settings: Info(key)))
    }

    @Sendable func info(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let query = request.uri.queryParameters
        guard let asked = query["key"].map(String.init) ?? query["key_id"].map(String.init) else {
            guard let key = caller.key else { throw APIError(.missingParameter, "Missing required parameter: 'key'.", param: "key") }
            return try jsonResponse(["key": AnyEncodable(key.id), "info": AnyEncodable(Info(key))])
        }
        try front.authenticator.requireMaster(caller)
        let key: VirtualKey? =
            asked.hasPrefix("key_")
            ? try await front.keys.key(id: asked) : try await front.keys.key(secretHash: VirtualKey.hash(secret: asked))
        guard let key else { throw APIError(.notFound, "Key not found.", param: "key") }
        return try jsonResponse(["key": AnyEncodable(key.id), "info": AnyEncodable(Info(key))])
    }

    @Sendable func delete(_ request: Request, context: APIRequestContext) async throws -> Response {
        try front.authenticator.requireMaster(try context.requireCaller())
        let form = try await front.bodyReader.read(request, files: [:])
        guard form.isJSON else { throw APIError(.unsupportedMediaType, "Send a JSON body {\"keys\": [...]}.") }
        var asked: [String] = []
        for name in ["keys", "key_ids"] {
            switch form.json[name] {
            case nil, .null?: continue
            case .array(let items)?:
                for item in items {
                    guard case .string(let value) = item else {
                        throw APIError(.invalidParameter, "Invalid '\(name)': expected an array of strings.", param: name)
                    }
                    asked.append(value)
                }
            default: throw APIError(.invalidParameter, "Invalid '\(name)': expected an array of strings.", param: name)
            }
        }
        guard !asked.isEmpty else { throw APIError(.missingParameter, "Missing required parameter: 'keys'.", param: "keys") }
        var deleted: [String] = []
        for value in asked {
            let id = value.hasPrefix("key_") ? value : try await front.keys.key(secretHash: VirtualKey.hash(secret: value))?.id
            if let id, try await front.keys.revoke(id: id) { deleted.append(value.hasPrefix("key_") ? value : id) }
        }
        front.authenticator.forgetCachedKeys()
        guard !deleted.isEmpty else { throw APIError(.notFound, "None of these keys exist.", param: "keys") }
        return try jsonResponse(["deleted_keys": deleted])
    }

    /// Reads a key spec from `/key/generate`'s JSON body (LiteLLM's names; `duration` like "30d", "12h", "3600s").
    static func spec(_ form: RequestForm) throws -> VirtualKeySpec {
        guard form.isJSON || form.fields.isEmpty else { throw APIError(.unsupportedMediaType, "Send a JSON body.") }
        var spec = VirtualKeySpec()
        spec.alias = try form.string("key_alias")
        switch form.json["models"] {
        case nil, .null?: break
        case .array(let items)?:
            spec.models = try items.map { item in
                guard case .string(let value) = item else {
                    throw APIError(.invalidParameter, "Invalid 'models': expected an array of strings.", param: "models")
                }
                return value
            }
        default: throw APIError(.invalidParameter, "Invalid 'models': expected an array of strings.", param: "models")
        }
        spec.rpmLimit = try positiveInt(form, "rpm_limit")
        spec.maxInflightJobs = try positiveInt(form, "max_inflight_jobs")
        if let duration = try form.string("duration") {
            guard let seconds = parseDuration(duration) else {
                throw APIError(
                .invalidParameter, "Invalid 'duration': expected like '30d', '12h', '15m' or '3600s', at most 100 years.", param: "duration")
            }
            spec.durationSeconds = seconds
        }
        return spec
    }

    private static func positiveInt(_ form: RequestForm, _ name: String) throws -> Int? {
        switch form.json[name] {
        case nil, .null?: return nil
        case .number(let value)? where value >= 1 && value == value.rounded() && value < 1e9: return Int(value)
        default: throw APIError(.invalidParameter, "Invalid '\(name)': expected a positive integer.", param: name)
        }
    }

    /// Seconds of `30d`, `12h`, `15m`, `3600s` or a bare number of seconds; nil when malformed or over
    /// ``VirtualKeySpec/maxDurationSeconds``.
    static func parseDuration(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        let seconds: Int64
        if let value = Int64(text) {
            seconds = value
        } else {
            guard let unit = text.last.flatMap({ units[$0] }), let value = Int64(text.dropLast()),
                (1...VirtualKeySpec.maxDurationSeconds).contains(value)
            else { return nil }
            seconds = value * unit
        }
        return (1...VirtualKeySpec.maxDurationSeconds).contains(seconds) ? seconds : nil
    }
}

/// A type-erased encodable, for small mixed JSON answers.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void
    init(_ value: some Encodable) { encodeValue = value.encode }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
