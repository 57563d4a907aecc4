public import ReelRouting
import Foundation
import Yams

extension ReelConfiguration {
    /// Reads and validates the configuration file at `path`.
    ///
    /// Keys read (all others are ignored, so a LiteLLM config loads unchanged):
    /// `model_list[].model_name`, `model_list[].litellm_params.{model, api_key, api_base, api_version, organization,
    /// vertex_project, vertex_location, vertex_credentials, rpm, max_parallel_requests, weight, allowed_openai_params}`, `model_list[].model_info.{id, access_groups, mode}`,
    /// `router_settings.{routing_strategy, cooldown_time, allowed_fails, allowed_fails_window}`,
    /// `general_settings.master_key`, `reel_settings.{redis_url, redis.{url, replica_acks, replica_ack_timeout}, queue, catalog,
    /// read_cache_entries, max_queued_jobs, retention, storage.{directory, max_upload_bytes, s3.{bucket, endpoint, region,
    /// access_key_id, secret_access_key, session_token, path_style, prefix, presigned_redirects, multipart_threshold}},
    /// worker.{concurrency, poll_interval_min, poll_interval_max, lease, budgets.{max_attempts, max_polls, max_stalls,
    /// deadline, deadlines.{TYPE}}}, secrets.{id_secret, id_previous_secrets, realtime_secret}}`.
    /// A relative `reel_settings.catalog` or `vertex_credentials` path is made relative to the file's directory.
    /// - Parameters:
    ///   - path: the YAML file.
    ///   - environment: the variables `os.environ/NAME` values and the overrides read.
    /// - Throws: `ConfigurationError` naming the file and the key or variable at fault.
    public static func load(path: String, environment: [String: String]) throws(ConfigurationError) -> ReelConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(.unreadable, message: "cannot read \(path): \(error.localizedDescription)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        var configuration = try ReelConfiguration(yaml: text, environment: environment, source: path, directory: directory)
        if let catalog = configuration.reel.catalogPath, !catalog.hasPrefix("/") {
            configuration.reel.catalogPath = directory.isEmpty ? catalog : "\(directory)/\(catalog)"
        }
        return configuration
    }

    /// Parses configuration text (see ``load(path:environment:)`` for the keys).
    /// - Parameters:
    ///   - source: names the text in error messages.
    ///   - directory: where relative file paths of the text (`vertex_credentials`) start; the working directory when empty.
    public init(yaml: String, environment: [String: String], source: String = "configuration", directory: String = "") throws(ConfigurationError) {
        let file: ConfigFile
        do {
            file = try YAMLDecoder().decode(ConfigFile.self, from: yaml)
        } catch let error as DecodingError {
            throw ConfigurationError(.malformed, message: "\(source): \(Self.describe(error))")
        } catch {
            throw ConfigurationError(.malformed, message: "\(source): not valid YAML: \(error)")
        }
        let resolver = EnvironmentResolver(environment: environment, source: source, directory: directory)
        try self.init(file: file, resolver: resolver)
    }

    private init(file: ConfigFile, resolver: EnvironmentResolver) throws(ConfigurationError) {
        var deployments: [Deployment] = []
        for (index, entry) in (file.model_list ?? []).enumerated() {
            deployments += try Self.deployments(from: entry, at: "model_list[\(index)]", resolver: resolver)
        }
        var seen: Set<String> = []
        for deployment in deployments where !seen.insert(deployment.id).inserted {
            throw resolver.invalid("model_list: two deployments have the id \(deployment.id)")
        }

        let router = try Self.routerSettings(file.router_settings, resolver: resolver)
        // An empty variable counts as unset: a deployment template that expands a missing one leaves it empty.
        let masterKey = if let key = resolver.environment["REEL_MASTER_KEY"], !key.isEmpty {
            key
        } else {
            try resolver.resolve(file.general_settings?.master_key, at: "general_settings.master_key")
        }
        // An empty key would make an empty bearer token the master key.
        if masterKey?.isEmpty == true {
            throw resolver.invalid("general_settings.master_key is empty: give a key, or leave it out to refuse the admin routes")
        }
        let reel = try Self.reelSettings(file.reel_settings, resolver: resolver)
        self.init(deployments: deployments, router: router, masterKey: masterKey, reel: reel)
    }

    private static func deployments(
        from entry: ConfigFile.ModelEntry,
        at path: String,
        resolver: EnvironmentResolver
    ) throws(ConfigurationError) -> [Deployment] {
        guard let group = entry.model_name, !group.isEmpty else { throw resolver.invalid("\(path).model_name is required") }
        guard let params = entry.litellm_params, let model = params.model else {
            throw resolver.invalid("\(path).litellm_params.model is required")
        }
        guard let slash = model.firstIndex(of: "/"), slash != model.startIndex, model.index(after: slash) != model.endIndex else {
            throw resolver.invalid("\(path).litellm_params.model must be provider/name (like openai/sora-2), got \(model)")
        }
        if group.contains("*") != model.contains("*") {
            throw resolver.invalid("\(path): a wildcard model_name needs a wildcard model (like model_name: openai/*, model: openai/*)")
        }
        if let rpm = params.rpm, rpm <= 0 { throw resolver.invalid("\(path).litellm_params.rpm must be positive") }
        if let parallel = params.max_parallel_requests, parallel <= 0 {
            throw resolver.invalid("\(path).litellm_params.max_parallel_requests must be positive")
        }
        if let weight = params.weight, !(weight >= 0) { throw resolver.invalid("\(path).litellm_params.weight must not be negative") }

        let apiKey = try resolver.resolve(params.api_key, at: "\(path).litellm_params.api_key")
        let apiBase = try resolver.resolve(params.api_base, at: "\(path).litellm_params.api_base")
        let apiVersion = try resolver.resolve(params.api_version, at: "\(path).litellm_params.api_version")
        var organizations: [String?] = []
        for organization in params.organization?.values ?? [] {
            organizations.append(try resolver.resolve(organization, at: "\(path).litellm_params.organization"))
        }
        if organizations.isEmpty { organizations = [nil] }
        let vertex = try vertexSettings(params, provider: String(model[..<slash]), at: "\(path) (\(group))", resolver: resolver)
        if model.hasPrefix("gemini/"), apiKey?.isEmpty ?? true {
            throw resolver.invalid("\(path) (\(group)).litellm_params.api_key is required for gemini/ deployments (the Gemini API key, like os.environ/GEMINI_API_KEY)")
        }
        let explicitID = entry.model_info?.id
        if explicitID != nil, organizations.count > 1 {
            throw resolver.invalid("\(path): model_info.id cannot be shared by the deployments of several organizations")
        }
        return organizations.map { organization in
            Deployment(
                id: explicitID,
                modelGroup: group,
                provider: String(model[..<slash]),
                providerModel: String(model[model.index(after: slash)...]),
                apiBase: apiBase,
                apiKey: apiKey,
                apiVersion: apiVersion,
                organization: organization,
                vertex: vertex,
                rpm: params.rpm,
                maxParallelRequests: params.max_parallel_requests,
                weight: params.weight ?? 1,
                accessGroups: entry.model_info?.access_groups ?? [],
                mode: entry.model_info?.mode,
                allowedExtraParams: params.allowed_openai_params ?? []
            )
        }
    }

    /// The Vertex AI settings of a `vertex_ai/` entry: project and credentials required (Reel has no application-default
    /// credentials), location `us-central1` by default as in LiteLLM; credentials inline (a JSON object) or a file.
    /// The key file's fields are checked where it is used (`reel worker` start-up). Nil for other providers, which may
    /// not set these keys.
    private static func vertexSettings(
        _ params: ConfigFile.Params,
        provider: String,
        at deployment: String,
        resolver: EnvironmentResolver
    ) throws(ConfigurationError) -> Deployment.Vertex? {
        let project = try resolver.resolve(params.vertex_project, at: "\(deployment).litellm_params.vertex_project")
        let location = try resolver.resolve(params.vertex_location, at: "\(deployment).litellm_params.vertex_location")
        let credentials = try resolver.resolve(params.vertex_credentials, at: "\(deployment).litellm_params.vertex_credentials")
        guard provider == "vertex_ai" else {
            if project != nil || location != nil || credentials != nil {
                throw resolver.invalid("\(deployment): vertex_project, vertex_location and vertex_credentials are only for vertex_ai/ deployments")
            }
            return nil
        }
        guard let project, !project.isEmpty else {
            throw resolver.invalid("\(deployment).litellm_params.vertex_project is required for vertex_ai/ deployments")
        }
        let region = location ?? "us-central1"
        guard !region.isEmpty, region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw resolver.invalid("\(deployment).litellm_params.vertex_location must be a region like us-central1 or global, got \(region.prefix(60))")
        }
        guard let credentials, !credentials.isEmpty else {
            throw resolver.invalid(
                "\(deployment).litellm_params.vertex_credentials is required for vertex_ai/ deployments (a service-account key file, or its JSON inline)"
            )
        }
        return Deployment.Vertex(project: project, location: region, credentials: try resolver.fileOrInlineJSON(credentials, at: "\(deployment).litellm_params.vertex_credentials"))
    }

    private static func routerSettings(_ raw: ConfigFile.RouterSection?, resolver: EnvironmentResolver) throws(ConfigurationError) -> RouterSettings {
        var settings = RouterSettings()
        guard let raw else { return settings }
        if let name = raw.routing_strategy {
            guard let strategy = RoutingStrategy(configurationValue: name) else {
                throw resolver.invalid("router_settings.routing_strategy must be simple-shuffle, least-busy or latency-based, got \(name)")
            }
            settings.routingStrategy = strategy
        }
        if let seconds = raw.cooldown_time { settings.cooldownTime = try resolver.duration(seconds, at: "router_settings.cooldown_time") }
        if let fails = raw.allowed_fails {
            guard fails >= 0 else { throw resolver.invalid("router_settings.allowed_fails must not be negative") }
            settings.allowedFails = fails
        }
        if let seconds = raw.allowed_fails_window {
            settings.failureWindow = try resolver.duration(seconds, at: "router_settings.allowed_fails_window")
        }
        return settings
    }

    private static func reelSettings(_ raw: ConfigFile.ReelSection?, resolver: EnvironmentResolver) throws(ConfigurationError) -> ReelSettings {
        guard let rawSecrets = raw?.secrets, let idSecret = try resolver.resolve(rawSecrets.id_secret, at: "reel_settings.secrets.id_secret") else {
            throw resolver.invalid("reel_settings.secrets.id_secret is required (it signs managed IDs)")
        }
        var previous: [String] = []
        for (index, secret) in (rawSecrets.id_previous_secrets ?? []).enumerated() {
            if let value = try resolver.resolve(secret, at: "reel_settings.secrets.id_previous_secrets[\(index)]") { previous.append(value) }
        }
        let realtime = try resolver.resolve(rawSecrets.realtime_secret, at: "reel_settings.secrets.realtime_secret")
        let named = [("id_secret", idSecret)] + (realtime.map { [("realtime_secret", $0)] } ?? []) + previous.map { ("id_previous_secrets", $0) }
        for (key, value) in named where value.utf8.count < 16 {
            throw resolver.invalid("reel_settings.secrets.\(key) must be at least 16 bytes")
        }
        var settings = ReelSettings(secrets: .init(idSecret: idSecret, idPreviousSecrets: previous, realtimeSecret: realtime))

        if raw?.redis_url != nil, raw?.redis?.url != nil {
            throw resolver.invalid("reel_settings.redis_url and reel_settings.redis.url both set: give the URL once")
        }
        if let url = ReelSettings.redisURL(from: resolver.environment) {
            settings.redisURL = url
        } else if let url = try resolver.resolve(raw?.redis_url, at: "reel_settings.redis_url") {
            settings.redisURL = url
        } else if let url = try resolver.resolve(raw?.redis?.url, at: "reel_settings.redis.url") {
            settings.redisURL = url
        }
        if let acks = raw?.redis?.replica_acks {
            guard acks >= 0 else { throw resolver.invalid("reel_settings.redis.replica_acks must not be negative") }
            settings.redis.replicaAcks = acks
        }
        if let value = raw?.redis?.replica_ack_timeout {
            settings.redis.replicaAckTimeout = try resolver.duration(value, at: "reel_settings.redis.replica_ack_timeout")
            guard settings.redis.replicaAckTimeout >= .milliseconds(1) else {
                throw resolver.invalid("reel_settings.redis.replica_ack_timeout must be at least 0.001 seconds")
            }
        }
        if let queue = raw?.queue {
            // The rule of `RedisJobQueue.isValidName` (a test checks that both agree): a name it refuses would stop the
            // processes at start.
            guard !queue.isEmpty, queue.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw resolver.invalid("reel_settings.queue must be letters, digits, '-', '_' or '.'")
            }
            settings.queue = queue
        }
        settings.catalogPath = try resolver.resolve(raw?.catalog, at: "reel_settings.catalog")
        if let entries = raw?.read_cache_entries {
            guard entries >= 0 else { throw resolver.invalid("reel_settings.read_cache_entries must not be negative") }
            settings.readCacheEntries = entries
        }
        if let jobs = raw?.max_queued_jobs {
            guard jobs > 0 else { throw resolver.invalid("reel_settings.max_queued_jobs must be positive") }
            settings.maxQueuedJobs = jobs
        }
        if let value = raw?.retention {
            settings.retention = try resolver.duration(value, at: "reel_settings.retention")
            guard settings.retention >= ReelSettings.shortestRetention else {
                throw resolver.invalid("reel_settings.retention must be at least 3600 (seconds)")
            }
        }
        if let storage = raw?.storage {
            if let directory = try resolver.resolve(storage.directory, at: "reel_settings.storage.directory") {
                settings.storage.directory = directory
            }
            if let bytes = storage.max_upload_bytes {
                guard bytes > 0 else { throw resolver.invalid("reel_settings.storage.max_upload_bytes must be positive") }
                settings.storage.maxUploadBytes = bytes
            }
            if let s3 = storage.s3 { settings.storage.s3 = try s3Settings(s3, resolver: resolver) }
        }
        if let worker = raw?.worker {
            if let concurrency = worker.concurrency {
                guard concurrency > 0 else { throw resolver.invalid("reel_settings.worker.concurrency must be positive") }
                settings.worker.concurrency = concurrency
            }
            if let value = worker.poll_interval_min {
                settings.worker.pollIntervalMin = try resolver.duration(value, at: "reel_settings.worker.poll_interval_min")
            }
            if let value = worker.poll_interval_max {
                settings.worker.pollIntervalMax = try resolver.duration(value, at: "reel_settings.worker.poll_interval_max")
            }
            guard settings.worker.pollIntervalMin >= ReelSettings.Worker.shortestPollInterval else {
                throw resolver.invalid("reel_settings.worker.poll_interval_min must be at least 0.01 (seconds)")
            }
            guard settings.worker.pollIntervalMin <= settings.worker.pollIntervalMax else {
                throw resolver.invalid("reel_settings.worker.poll_interval_min must not exceed poll_interval_max")
            }
            if let value = worker.lease {
                settings.worker.lease = try resolver.duration(value, at: "reel_settings.worker.lease")
                guard settings.worker.lease >= ReelSettings.Worker.shortestLease else {
                    throw resolver.invalid("reel_settings.worker.lease must be at least 1 (second)")
                }
            }
            if let budgets = worker.budgets {
                if let attempts = budgets.max_attempts, attempts < 1 {
                    throw resolver.invalid("reel_settings.worker.budgets.max_attempts must be at least 1")
                }
                for (key, value) in [("max_polls", budgets.max_polls), ("max_stalls", budgets.max_stalls)] where (value ?? 0) < 0 {
                    throw resolver.invalid("reel_settings.worker.budgets.\(key) must not be negative")
                }
                settings.worker.budgets.maxAttempts = budgets.max_attempts ?? settings.worker.budgets.maxAttempts
                settings.worker.budgets.maxPolls = budgets.max_polls ?? settings.worker.budgets.maxPolls
                settings.worker.budgets.maxStalls = budgets.max_stalls ?? settings.worker.budgets.maxStalls
                if let value = budgets.deadline {
                    settings.worker.budgets.deadline = try resolver.duration(value, at: "reel_settings.worker.budgets.deadline")
                }
                for (type, value) in budgets.deadlines ?? [:] {
                    let path = "reel_settings.worker.budgets.deadlines.\(type)"
                    guard ReelSettings.Budgets.jobTypes.contains(type) else {
                        throw resolver.invalid("\(path): unknown job type; use one of \(ReelSettings.Budgets.jobTypes.sorted().joined(separator: ", "))")
                    }
                    settings.worker.budgets.deadlines[type] = try resolver.duration(value, at: path)
                }
            }
        }
        return settings
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.hasPrefix(".") ? String(keys.dropFirst()) : keys
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) must be \(type): \(context.debugDescription)"
        case .valueNotFound(let type, let context): return "\(path(context)) must be \(type), found nothing"
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue) is required"
        case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// Resolves `os.environ/NAME` references and builds errors that name the source.
struct EnvironmentResolver {
    let environment: [String: String]
    let source: String
    let directory: String

    /// `value` itself when it is a JSON object (starts with `{`), otherwise the text of the file it names (relative to
    /// ``directory``), as LiteLLM takes `vertex_credentials`.
    func fileOrInlineJSON(_ value: String, at key: String) throws(ConfigurationError) -> String {
        if value.drop(while: \.isWhitespace).hasPrefix("{") { return value }
        let path = value.hasPrefix("/") || directory.isEmpty ? value : "\(directory)/\(value)"
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw invalid("\(key): cannot read the file \(path): \(error.localizedDescription)")
        }
    }

    func resolve(_ value: String?, at key: String) throws(ConfigurationError) -> String? {
        guard let value, value.hasPrefix("os.environ/") else { return value }
        let name = String(value.dropFirst("os.environ/".count))
        guard let resolved = environment[name] else {
            throw ConfigurationError(
                .missingEnvironmentVariable,
                message: "\(source): \(key) is os.environ/\(name), but the environment variable \(name) is not set"
            )
        }
        return resolved
    }

    func duration(_ seconds: Double, at key: String) throws(ConfigurationError) -> Duration {
        guard seconds.isFinite, seconds >= 0 else { throw invalid("\(key) must be a non-negative number of seconds") }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    func invalid(_ message: String) -> ConfigurationError {
        ConfigurationError(.invalidValue, message: "\(source): \(message)")
    }
}
