import Logging
import Metrics
public import NIOPosix
public import ReelAPICore
public import ReelQueue
public import ReelStorage

/// Everything the video routes share: the queue, the authenticator, the blob store, routing, options and clocks.
///
/// ```swift
/// let front = VideoFront(queue: queue, authenticator: Authenticator(keys: keys, masterKey: "sk-master"), blobs: blobs, routing: routing)
/// let app = buildApplication(front: front, configuration: .init(address: .hostname("127.0.0.1", port: 4000)))
/// ```
public struct VideoFront<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>: Sendable {
    /// The job queue (records live with the jobs).
    public let queue: Queue
    /// Who a request's key names; holds the virtual keys.
    public let authenticator: Authenticator<Keys>
    /// Uploads and results.
    public let blobs: Blobs
    /// Model access, selection and managed IDs.
    public let routing: VideoRouting
    /// Knobs.
    public let options: APIOptions
    /// Unix time, for record timestamps and rate-limit minutes.
    public let wallClock: WallClock
    let bodyReader: RequestBodyReader
    let capacity: QueueCapacityGate<Queue>
    let enqueued = Counter(label: APIMetrics.enqueued)

    /// Creates the front.
    /// - Parameters:
    ///   - clock: measures the queue-depth re-read interval.
    ///   - wallClock: Unix time, for record timestamps and rate-limit minutes.
    public init(
        queue: Queue,
        authenticator: Authenticator<Keys>,
        blobs: Blobs,
        routing: VideoRouting,
        options: APIOptions = .init(),
        clock: IntervalClock = .continuous,
        wallClock: WallClock = .system,
        threadPool: NIOThreadPool = .singleton
    ) {
        self.queue = queue
        self.authenticator = authenticator
        self.blobs = blobs
        self.routing = routing
        self.options = options
        self.wallClock = wallClock
        self.bodyReader = RequestBodyReader(
            maxUploadBytes: options.maxUploadBytes,
            maxFieldBytes: options.maxFieldBytes,
            makeTemporaryPath: { [blobs] in blobs.makeTemporaryPath() },
            threadPool: threadPool
        )
        self.capacity = QueueCapacityGate(queue: queue, limit: options.maxQueuedJobs, clock: clock)
    }

    /// Virtual keys.
    public var keys: Keys { authenticator.keys }

    /// Checks, before any work, that the caller may start another job: its rate and the queue's capacity (its
    /// in-flight cap is checked by the enqueue itself). Each refusal is a 429 with `retry-after`.
    func admit(_ caller: Caller) async throws {
        try await authenticator.admitRate(caller)
        try await capacity.check()
    }
}
