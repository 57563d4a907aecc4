/// The worker's logger metadata keys, in one namespace (`reel.…`) shared with the front and the queue.
enum ReelLogging {
    /// The job a message is about.
    static let jobID = "reel.job.id"
    /// An error's description.
    static let error = "reel.error"
    /// A bounded error code.
    static let errorCode = "reel.error.code"
    /// An error's message for humans.
    static let errorMessage = "reel.error.message"
    /// The deployment a call went to.
    static let deploymentID = "reel.deployment.id"
    /// The worker process.
    static let workerID = "reel.worker.id"
    /// A key of the blob store.
    static let blobKey = "reel.blob.key"
}
