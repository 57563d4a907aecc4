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

    /// Longest key lifetime accepted: 100 years (keeps expiry arithmetic far from overflow).
    public static var maxDurationSeconds: Int64 { 100 * 365 * 86400 }

    /// Refuses limits below 1 and lifetimes outside one second to ``maxDurationSeconds``: a key no request could use,
    /// one expired when made, or an expiry past `Int64`. The same check for `POST /key/generate` and `reel keys create`.
    public func validate() throws(APIError) {
        for (name, limit) in [("rpm_limit", rpmLimit), ("max_inflight_jobs", maxInflightJobs)] {
            if let limit, limit < 1 {
                throw APIError(.invalidParameter, "Invalid '\(name)': expected a positive integer, but got \(limit).", param: name)
            }
        }
        if let durationSeconds, !(1...Self.maxDurationSeconds).contains(durationSeconds) {
            throw APIError(
                .invalidParameter, "Invalid 'duration': expected 1 second to 100 years, but got \(durationSeconds) seconds.", param: "duration"
            )
        }
    }
}
