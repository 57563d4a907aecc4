/// What `POST /key/generate` and `reel keys create` ask for.
public struct VirtualKeySpec: Codable, Sendable, Equatable {
    /// Optional label.
    public var alias: String?
    /// Model patterns; empty for every model.
    public var models: [String]
    /// Requests per minute.
    public var rpmLimit: Int?
    /// Jobs in flight at once.
    public var maxInflightJobs: Int?
    /// Lifetime in seconds from now.
    public var durationSeconds: Int64?

    /// Creates a spec.
    public init(alias: String? = nil, models: [String] = [], rpmLimit: Int? = nil, maxInflightJobs: Int? = nil, durationSeconds: Int64? = nil) {
        self.alias = alias
        self.models = models
        self.rpmLimit = rpmLimit
        self.maxInflightJobs = maxInflightJobs
        self.durationSeconds = durationSeconds
    }

    enum CodingKeys: String, CodingKey {
        case alias = "key_alias", models
        case rpmLimit = "rpm_limit", maxInflightJobs = "max_inflight_jobs", durationSeconds = "duration_seconds"
    }
}
