/// The deployments a worker knows, by id, in configuration order.
public struct VideoDeploymentDirectory: Sendable {
    private let deployments: [VideoDeployment]
    private let byID: [String: Int]

    /// Creates a directory; later duplicates of an id are ignored.
    public init(_ deployments: [VideoDeployment]) {
        var unique: [VideoDeployment] = []
        var byID: [String: Int] = [:]
        for deployment in deployments where byID[deployment.id] == nil {
            byID[deployment.id] = unique.count
            unique.append(deployment)
        }
        self.deployments = unique
        self.byID = byID
    }

    /// The deployment with this id, if known.
    public func deployment(id: String) -> VideoDeployment? {
        byID[id].map { deployments[$0] }
    }

    /// The preferred deployment first, then the other deployments of the group in configuration order.
    public func candidates(group: String, preferring preferredID: String) -> [VideoDeployment] {
        let others = deployments.filter { $0.group == group && $0.id != preferredID }
        return (deployment(id: preferredID).map { [$0] } ?? []) + others
    }
}
