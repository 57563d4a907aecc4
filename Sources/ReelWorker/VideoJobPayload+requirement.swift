import ReelProviders
import ReelVideo

extension VideoJobPayload {
    /// What the job needs of a deployment: a job that may move goes only to deployments of its group that can serve
    /// it (a remix never reaches a Veo deployment of a mixed group).
    var requirement: ProviderCapabilities.Requirement {
        let operation: ProviderCapabilities.Operation =
            switch kind {
            case .generate: .create
            case .remix: .remix
            case .edit: .edit
            case .extend: .extend
            case .createCharacter: .characters
            case .delete: .delete
            }
        return .init(operation: operation, seconds: seconds, size: size, input: inputReference == nil ? nil : .image)
    }
}
