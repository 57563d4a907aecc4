/// The logger metadata keys of every Reel module, all under `reel.`, each spelled once.
///
/// ```swift
/// logger.warning("Heartbeat failed", metadata: [LogKey.leases: "\(due.count)", LogKey.error: "\(error)"])
/// ```
public enum LogKey {
    /// An error's description. Every error is logged under this key, whichever module logs it.
    public static let error = "reel.error"
    /// A bounded error code.
    public static let errorCode = "reel.error.code"
    /// An error's message for humans.
    public static let errorMessage = "reel.error.message"
    /// When a failed step is tried again.
    public static let retryIn = "reel.retry_in"

    /// The job a message is about.
    public static let jobID = "reel.job.id"
    /// Leases a call was about.
    public static let leases = "reel.leases"
    /// The delay until a job's next poll, in milliseconds.
    public static let pollAfterMilliseconds = "reel.poll.after_ms"

    /// The worker process.
    public static let workerID = "reel.worker.id"
    /// How many jobs a worker runs at once.
    public static let workerConcurrency = "reel.worker.concurrency"
    /// How many jobs a worker is running.
    public static let workerActive = "reel.worker.active"

    /// The deployment a call went to.
    public static let deploymentID = "reel.deployment.id"
    /// The deployment a job moved away from.
    public static let deploymentFrom = "reel.deployment.from"
    /// The deployment a job moved to.
    public static let deploymentTo = "reel.deployment.to"
    /// How long a deployment cools down, in milliseconds.
    public static let cooldownMilliseconds = "reel.cooldown.ms"
    /// The version of the model catalog.
    public static let catalogVersion = "reel.catalog.version"
    /// How many models the catalog has.
    public static let catalogModels = "reel.catalog.models"

    /// A key of the blob store.
    public static let blobKey = "reel.blob.key"
    /// A variant of a video (video, thumbnail, spritesheet).
    public static let variant = "reel.variant"
    /// A size in bytes.
    public static let bytes = "reel.bytes"
    /// How many stored files were removed.
    public static let storageRemoved = "reel.storage.removed"

    /// A Redis server, as `host:port` or `unix:path` (never with credentials).
    public static let redisEndpoint = "reel.redis.endpoint"
    /// The name Sentinel monitors the Redis primary under.
    public static let redisMasterName = "reel.redis.master_name"
    /// Subscribed Redis channels.
    public static let redisChannels = "reel.redis.channels"

    /// An outbound request's method.
    public static let httpMethod = "reel.http.method"
    /// An outbound request's URL.
    public static let httpURL = "reel.http.url"
    /// The URL a provider call went to.
    public static let providerURL = "reel.provider.url"
    /// The HTTP status a provider answered.
    public static let providerStatus = "reel.provider.status"
    /// The Google service account an access token is for.
    public static let googleAccount = "reel.google.account"
}
