import ReelCrypto
public import ReelRouting

/// What the front needs from the router: model access, deployment selection and managed IDs.
///
/// Access and the deployments of a model come from the router's table; selection rotates over them; managed IDs are `video_…`/`character_…` followed by
/// base64url of (version, deployment id, model group, job id) and a 96-bit HMAC-SHA256 tag.
public struct VideoRouting: Sendable {
    /// The parts a managed ID carries.
    public struct ManagedID: Sendable, Equatable {
        /// `video` or `character`.
        public var prefix: String
        /// Deployment that owns the object.
        public var deploymentID: String
        /// Model group asked for.
        public var modelGroup: String
        /// Queue job id.
        public var jobID: String
    }

    /// The routing table (configuration and catalog; reloadable).
    public let table: RoutingTable
    private let tagKey: HMACKey
    private let counter = RoundRobin()

    /// Creates the routing of a table.
    /// - Parameters:
    ///   - table: deployments and catalog.
    ///   - idSecret: secret of the managed-ID tags.
    public init(table: RoutingTable, idSecret: String) throws {
        self.table = table
        self.tagKey = try HMACKey(Array(idSecret.utf8))
    }

    /// Checks that `patterns` allow `model` (403) and that a deployment serves it (400); returns one of them.
    func deployment(for model: String, patterns: [String]) throws(APIError) -> String {
        let snapshot = table.snapshot
        do {
            try snapshot.checkAccess(patterns: patterns, model: model)
        } catch {
            throw APIError(.permissionDenied, error.message, param: "model")
        }
        let deployments = snapshot.deployments(for: model)
        guard !deployments.isEmpty else {
            throw APIError(
                .invalidParameter,
                "Invalid model name passed in model=\(model). Call `/v1/models` to view available models for your key.",
                param: "model"
            )
        }
        return deployments[counter.next() % deployments.count].id
    }

    /// Mints a managed ID.
    public func mint(prefix: String, deploymentID: String, modelGroup: String, jobID: String) -> String {
        var body: [UInt8] = [1]
        for part in [deploymentID, modelGroup, jobID] {
            let bytes = Array(part.utf8)
            body.append(UInt8(min(bytes.count, 255)))
            body += bytes.prefix(255)
        }
        let message = Array(prefix.utf8) + body
        return prefix + "_" + Base64URL.encode(body + tagKey.authenticationCode(for: message).prefix(12))
    }

    /// Decodes a managed ID; nil when it is malformed, truncated, tampered or not of `prefix`.
    public func decode(_ id: String, prefix: String) -> ManagedID? {
        guard id.hasPrefix(prefix + "_"), let raw = Base64URL.decode(id.dropFirst(prefix.count + 1)), raw.count > 13 else { return nil }
        let body = Array(raw.dropLast(12))
        let tag = raw.suffix(12)
        guard tagKey.isValid(tag, for: Array(prefix.utf8) + body), body[0] == 1 else { return nil }
        var parts: [String] = []
        var index = 1
        while parts.count < 3 {
            guard index < body.count else { return nil }
            let length = Int(body[index])
            guard index + 1 + length <= body.count else { return nil }
            parts.append(String(decoding: body[(index + 1)..<(index + 1 + length)], as: UTF8.self))
            index += 1 + length
        }
        guard index == body.count else { return nil }
        return ManagedID(prefix: prefix, deploymentID: parts[0], modelGroup: parts[1], jobID: parts[2])
    }
}
