import Foundation
import Logging
import Metrics
public import NIOPosix
public import ReelQueue
public import ReelStorage

/// Everything the routes of the API front share: the queue, the key store, the blob store, routing and options.
///
/// ```swift
/// let front = VideoFront(queue: queue, keys: keys, blobs: blobs, routing: routing, masterKey: "sk-master")
/// let app = buildApplication(front: front, configuration: .init(address: .hostname("127.0.0.1", port: 4000)))
/// ```
public struct VideoFront<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore>: Sendable {
    /// The job queue (records live with the jobs).
    public let queue: Queue
    /// Virtual keys.
    public let keys: Keys
    /// Uploads and results.
    public let blobs: Blobs
    /// Model access, selection and managed IDs.
    public let routing: VideoRouting
    /// Knobs.
    public let options: APIOptions
    let masterKeyHash: String?
    let bodyReader: RequestBodyReader
    let keyCache: KeyCache
    let capacity: QueueCapacityGate<Queue>
    let enqueued = Counter(label: "reel_api_enqueued_total")

    /// Creates the front.
    /// - Parameters:
    ///   - masterKey: the master key; nil refuses every admin route and master-key call.
    public init(
        queue: Queue,
        keys: Keys,
        blobs: Blobs,
        routing: VideoRouting,
        masterKey: String?,
        options: APIOptions = .init(),
        threadPool: NIOThreadPool = .singleton
    ) {
        self.queue = queue
        self.keys = keys
        self.blobs = blobs
        self.routing = routing
        self.options = options
        self.masterKeyHash = masterKey.map { VirtualKey.hash(secret: $0) }
        self.bodyReader = RequestBodyReader(
            maxUploadBytes: options.maxUploadBytes,
            maxFieldBytes: options.maxFieldBytes,
            makeTemporaryPath: { [blobs] in blobs.makeTemporaryPath() },
            threadPool: threadPool
        )
        self.keyCache = KeyCache(ttl: options.keyCacheTTL)
        self.capacity = QueueCapacityGate(queue: queue, limit: options.maxQueuedJobs)
    }

    /// Unix seconds now.
    static var now: Int64 { Int64(Date().timeIntervalSince1970) }
}
