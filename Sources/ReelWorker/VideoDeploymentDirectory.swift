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

    /// The deployments of the group other than `deploymentID`, in configuration order.
    public func others(inGroup group: String, than deploymentID: String) -> [VideoDeployment] {
        deployments.filter { $0.group == group && $0.id != deploymentID }
    }
}
