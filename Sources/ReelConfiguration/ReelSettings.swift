import ReelRouting
/// `reel_settings`: Reel's own section of the configuration file (Redis, queue, storage, worker, secrets, catalog).
public struct ReelSettings: Sendable, Hashable {
    /// `redis_url` or `redis.url` (overridden by the `REDIS_URL` environment variable).
    public var redisURL: String
    /// `redis`: how the front waits for replicas.
    public var redis: Redis
    /// `queue`: the queue name; every Redis key of the queue carries it as hash tag.
    public var queue: String
    /// `storage`.
    public var storage: Storage
    /// `worker`.
    public var worker: Worker
    /// `secrets`.
    public var secrets: Secrets
    /// `catalog`: path of a catalog JSON to start from instead of the built-in default (relative to the config file).
    public var catalogPath: String?
    /// `read_cache_entries`: how many jobs the API front keeps in memory for status reads, kept coherent by
    /// Redis's key tracking; 0 turns the cache off.
    public var readCacheEntries: Int
    /// `max_queued_jobs`: once this many jobs wait (ready or scheduled), the API fronts refuse new ones with 429;
    /// nil (the default) for no cap.
    public var maxQueuedJobs: Int?
    /// `retention` (seconds): how long finished jobs (their video records) and idempotency keys are kept, and with
    /// them the results the fronts' sweep would otherwise delete. Give fronts and workers the same value; each records
    /// it in Redis when it starts, for `reel queue` run without the configuration.
    public var retention: Duration

    /// The shortest `retention`: finished videos must stay readable long enough for clients that poll to see them.
    public static let shortestRetention = Duration.seconds(3600)

    /// The Redis URL when nothing names one: the local Redis.
    public static let defaultRedisURL = "redis://127.0.0.1:6379"

    /// `REDIS_URL` of `environment`, or nil when it is unset or empty (a template that expanded a missing value).
    public static func redisURL(from environment: [String: String]) -> String? {
        environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Creates settings.
    public init(
        redisURL: String = defaultRedisURL,
        redis: Redis = Redis(),
        queue: String = "videos",
        storage: Storage = Storage(),
        worker: Worker = Worker(),
        secrets: Secrets,
        catalogPath: String? = nil,
        readCacheEntries: Int = 10_000,
        maxQueuedJobs: Int? = nil,
        retention: Duration = .seconds(7 * 24 * 3600)
    ) {
        precondition(readCacheEntries >= 0, "readCacheEntries must not be negative")
        precondition(maxQueuedJobs.map { $0 > 0 } ?? true, "maxQueuedJobs must be positive")
        precondition(retention >= Self.shortestRetention, "retention must be at least shortestRetention")
        self.redisURL = redisURL
        self.redis = redis
        self.queue = queue
        self.storage = storage
        self.worker = worker
        self.secrets = secrets
        self.catalogPath = catalogPath
        self.readCacheEntries = readCacheEntries
        self.maxQueuedJobs = maxQueuedJobs
        self.retention = retention
    }

    /// `reel_settings.redis`: what an acknowledged write waits for.
    public struct Redis: Sendable, Hashable {
        /// `replica_acks`: how many replicas must acknowledge a job's enqueue (and a delete) before the front
        /// answers 200 (`WAIT`); fewer within ``replicaAckTimeout`` answers 503 `not_replicated`. 0 waits for none.
        public var replicaAcks: Int
        /// `replica_ack_timeout` (seconds): the longest wait for them.
        public var replicaAckTimeout: Duration

        /// Creates Redis settings.
        public init(replicaAcks: Int = 0, replicaAckTimeout: Duration = .seconds(1)) {
            precondition(replicaAcks >= 0, "replicaAcks must not be negative")
            precondition(replicaAckTimeout >= .milliseconds(1), "replicaAckTimeout must be at least one millisecond")
            self.replicaAcks = replicaAcks
            self.replicaAckTimeout = replicaAckTimeout
        }
    }

    /// `reel_settings.storage`: the blob store.
    public struct Storage: Sendable, Hashable {
        /// `directory`: where uploads and results are kept (relative to the working directory).
        public var directory: String
        /// `max_upload_bytes`: larger uploads are refused with 413.
        public var maxUploadBytes: Int
        /// `s3`: blobs in an S3-compatible bucket; nil keeps them in ``directory`` (which then only holds
        /// temporary files).
        public var s3: S3?

        /// The settings of `reel_settings.storage.s3`.
        public typealias S3 = S3Configuration

        /// Creates storage settings.
        public init(directory: String = ".reel/blobs", maxUploadBytes: Int = 256 << 20) {
            precondition(maxUploadBytes > 0, "maxUploadBytes must be positive")
            self.directory = directory
            self.maxUploadBytes = maxUploadBytes
        }
    }

    /// `reel_settings.worker`: worker behaviour.
    public struct Worker: Sendable, Hashable {
        /// `concurrency`: jobs one worker process runs at once (`--concurrency` overrides). A job holds a slot only
        /// for one tick (a submit, a poll, a fetch), so slots are cheap, and with many of them one thread wake-up
        /// serves several ticks.
        public var concurrency: Int
        /// `poll_interval_min` (seconds): first provider status poll delay.
        public var pollIntervalMin: Duration
        /// `poll_interval_max` (seconds): the poll delay grows up to this.
        public var pollIntervalMax: Duration
        /// `lease` (seconds): how long a claimed job stays owned without a heartbeat.
        public var lease: Duration
        /// `budgets`.
        public var budgets: Budgets

        /// The shortest `poll_interval_min`: a provider is not polled more often than this.
        public static let shortestPollInterval = Duration.milliseconds(10)
        /// The shortest `lease`: heartbeats come at a third of it, and a shorter one would expire under a busy worker.
        public static let shortestLease = Duration.seconds(1)

        /// Creates worker settings.
        public init(
            concurrency: Int = 64,
            pollIntervalMin: Duration = .seconds(2),
            pollIntervalMax: Duration = .seconds(30),
            lease: Duration = .seconds(30),
            budgets: Budgets = Budgets()
        ) {
            precondition(concurrency > 0, "concurrency must be positive")
            precondition(pollIntervalMin >= Self.shortestPollInterval, "pollIntervalMin must be at least shortestPollInterval")
            precondition(pollIntervalMin <= pollIntervalMax, "pollIntervalMin must not exceed pollIntervalMax")
            precondition(lease >= Self.shortestLease, "lease must be at least shortestLease")
            self.concurrency = concurrency
            self.pollIntervalMin = pollIntervalMin
            self.pollIntervalMax = pollIntervalMax
            self.lease = lease
            self.budgets = budgets
        }
    }

    /// `reel_settings.worker.budgets`: when a job gives up and goes to the dead-letter set.
    public struct Budgets: Sendable, Hashable {
        /// `max_attempts`: provider submissions (transient failures retry until this many).
        public var maxAttempts: Int
        /// `max_polls`: status polls of one provider job.
        public var maxPolls: Int
        /// `max_stalls`: lease expiries (worker crashes) a job survives.
        public var maxStalls: Int
        /// `deadline` (seconds): wall-clock time from enqueue to completion, for job types without one of their own.
        public var deadline: Duration
        /// `deadlines` (seconds by job type, one of ``jobTypes``): deadlines that replace `deadline` for those types.
        public var deadlines: [String: Duration]

        /// The job types `deadlines` may name, as the queue spells them.
        public static let jobTypes: Set<String> = ["generate", "remix", "edit", "extend", "create_character", "delete"]

        /// Creates budgets.
        public init(
            maxAttempts: Int = 5,
            maxPolls: Int = 2000,
            maxStalls: Int = 3,
            deadline: Duration = .seconds(3 * 3600),
            deadlines: [String: Duration] = [:]
        ) {
            self.maxAttempts = maxAttempts
            self.maxPolls = maxPolls
            self.maxStalls = maxStalls
            self.deadline = deadline
            self.deadlines = deadlines
        }

        /// The deadline of a job type: its own, or `deadline`.
        public func deadline(forJobType type: String) -> Duration {
            deadlines[type] ?? deadline
        }
    }

    /// `reel_settings.secrets`: server secrets (use `os.environ/NAME` references in production).
    public struct Secrets: Sendable, Hashable {
        /// `id_secret`: signs managed IDs (at least 16 bytes).
        public var idSecret: String
        /// `id_previous_secrets`: still accepted when verifying IDs, never used to mint (key rotation).
        public var idPreviousSecrets: [String]
        /// `realtime_secret`: encrypts realtime client-secret tokens (at least 16 bytes); nil disables realtime.
        public var realtimeSecret: String?

        /// Creates secrets.
        public init(idSecret: String, idPreviousSecrets: [String] = [], realtimeSecret: String? = nil) {
            self.idSecret = idSecret
            self.idPreviousSecrets = idPreviousSecrets
            self.realtimeSecret = realtimeSecret
        }
    }
}
