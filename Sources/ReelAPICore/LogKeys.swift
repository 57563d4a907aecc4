/// Logger metadata keys of the front, all under `reel.`, spelled once.
package enum LogKeys {
    /// The error that was logged.
    package static let error = "reel.error"
    /// The deployment a call went to.
    package static let deploymentID = "reel.deployment.id"
    /// When a failed step is tried again.
    package static let retryIn = "reel.retry_in"
}
