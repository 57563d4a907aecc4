import Foundation
import Logging
import NIOCore
import ReelHTTP
import ReelQueue
import ReelRedis
import ReelRouting
import ReelRoutingRedis
import ReelSim
import ReelStorage
import ReelTesting
import ServiceLifecycle
import Testing

import ReelWorker
import ReelVideo

/// Two workers against a real Redis queue and shared router state, and the in-process simulator over HTTP with three
/// deployments that carry different keys.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun))
struct WorkerIntegrationTests {
    static let keys = ["sim-a": "sk-a", "sim-b": "sk-b", "sim-c": "sk-c"]

    /// Runs the simulator on a free port, then `workers` worker services on one queue for the duration of `body`.
    func withCluster(
        simulator configuration: SimConfiguration,
        workers: Int = 2,
        _ body: (RedisJobQueue, Simulator, ManagedIDCodec, FileBlobStore) async throws -> Void
    ) async throws {
        try await RedisTestEnvironment.withClient { client in
            let queue = RedisJobQueue.redis(client, name: "worker-it-\(UUID().uuidString)")
            try await queue.bootstrap()
            let simulator = Simulator(configuration: configuration)
            let (ports, portContinuation) = AsyncStream<Int>.makeStream()
            var quiet = Logger(label: "test")
            quiet.logLevel = .warning
            let sim = buildSimApplication(simulator: simulator, logger: quiet) { channel in portContinuation.yield(channel.localAddress?.port ?? 0) }
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                // The simulator serves until the test is over.
                tasks.addTask { try await sim.run() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                let deployments = Self.keys.keys.sorted().map { id in
                    Deployment(id: id, modelGroup: "sora-2", provider: "openai", providerModel: "sora-2", apiBase: "http://127.0.0.1:\(port)/v1", apiKey: Self.keys[id])
                }
                let router = SharedRouterState(
                    client: client,
                    keys: RouterKeys(namespace: "test-router-\(UUID().uuidString)"),
                    settings: RouterSettings(cooldownTime: .milliseconds(300), allowedFails: 50)
                )
                try await router.prepare()
                let codec = try ManagedIDCodec(secret: "integration-test-secret-0123456789")
                let blobs = try FileBlobStore(directory: NSTemporaryDirectory() + "reel-worker-it-\(UUID().uuidString)")
                let transport = CurlTransport()
                var configuration = fastConfiguration()
                configuration.polling = .init(initialInterval: .milliseconds(50), maxInterval: .milliseconds(200), inputInterval: .milliseconds(50))
                let services: [any Service] = (0..<workers).map { index in
                    configuration.workerID = "it-worker-\(index)"
                    let runner = VideoJobRunner(
                        queue: queue,
                        deployments: VideoDeploymentDirectory(deployments.map { .openAI($0, transport: transport, logger: quiet) }),
                        gate: RoutingDeploymentGate(state: router, deployments: deployments, strategy: .simpleShuffle),
                        blobs: blobs,
                        configuration: configuration,
                        clock: ContinuousClock(),
                        jobID: { codec.decode($0)?.objectID },
                        logger: quiet
                    )
                    return WorkerService(runner: runner, configuration: configuration, logger: quiet)
                }
                var groupConfiguration = ServiceGroupConfiguration(services: services, logger: quiet)
                // A worker that does not stop in time is cancelled and the group throws, so the test ends either way.
                groupConfiguration.maximumGracefulShutdownDuration = .seconds(30)
                let group = ServiceGroup(configuration: groupConfiguration)
                // The workers run until the test body is done, then shut down gracefully.
                tasks.addTask { try await group.run() }
                try await body(queue, simulator, codec, blobs)
                await group.triggerGracefulShutdown()
                // The workers end first: the simulator serves until it is cancelled.
                try await tasks.next()
                tasks.cancelAll()
            }
        }
    }

    /// Enqueues a job the way the front does (managed id minted over the job id) and returns its managed id.
    func enqueue(
        _ kind: VideoJobKind,
        on deployment: String,
        queue: RedisJobQueue,
        codec: ManagedIDCodec,
        blobs: FileBlobStore,
        limits: JobLimits = .init(),
        configure: (inout VideoJobPayload) -> Void = { _ in }
    ) async throws -> (managedID: String, jobID: String) {
        let jobID = UUID().uuidString
        let object: VideoRecord.Object = kind == .createCharacter ? .character : .video
        let managedID = try codec.mint(
            ManagedID(kind: object == .character ? .character : .video, provider: "openai", deploymentID: deployment, modelGroup: "sora-2", objectID: jobID)
        )
        var payload = VideoJobPayload(kind: kind, deploymentID: deployment, modelGroup: "sora-2", prompt: "Mossy waves", seconds: "4", size: "1280x720")
        configure(&payload)
        let record = VideoRecord(id: managedID, object: object, owner: "key", model: "sora-2", createdAt: 1_700_000_000, deploymentID: deployment)
        _ = try await queue.enqueue(
            NewJob(
                id: jobID, type: kind.rawValue, payload: try WorkerHarness<ContinuousClock>.json(payload), record: try WorkerHarness<ContinuousClock>.json(record), owner: "key",
                limits: limits
            )
        )
        return (managedID, jobID)
    }

    func record(_ jobID: String, _ queue: RedisJobQueue) async throws -> VideoRecord {
        let json = try #require(try await queue.job(id: jobID)?.record)
        return try JSONDecoder().decode(VideoRecord.self, from: Data(json.utf8))
    }

    func waitUntilFinished(_ jobIDs: [String], _ queue: RedisJobQueue, timeout: Duration = .testWaitLimit) async throws {
        let finished = try await eventually(timeout: timeout, interval: .milliseconds(50)) {
            for id in jobIDs where ![.done, .dead, .cancelled].contains(try await queue.job(id: id)?.state) { return false }
            return true
        }
        if !finished { Issue.record("jobs did not finish within \(timeout)") }
    }

    @Test func chainSubmittedAtOnceRunsOnTheDeploymentThatOwnsTheCharacter() async throws {
        try await withCluster(simulator: SimConfiguration(port: 0, renderSeconds: 0.3)) { queue, simulator, codec, blobs in
            let upload = blobs.makeTemporaryPath()
            _ = FileManager.default.createFile(atPath: upload, contents: Data(repeating: 7, count: 2048))
            _ = try await blobs.commit(temporaryPath: upload, as: "uploads/clip")
            let character = try await enqueue(.createCharacter, on: "sim-b", queue: queue, codec: codec, blobs: blobs) {
                $0.characterName = "Mossy"
                $0.characterVideo = BlobReference(key: "uploads/clip", contentType: "video/mp4", filename: "clip.mp4", size: 2048)
            }
            // Submitted before the character exists; the front picked sim-a, the worker must follow the character to sim-b.
            let generate = try await enqueue(.generate, on: "sim-a", queue: queue, codec: codec, blobs: blobs) { $0.characterIDs = [character.managedID] }
            let edit = try await enqueue(.edit, on: "sim-b", queue: queue, codec: codec, blobs: blobs) { $0.sourceVideoID = generate.managedID }
            let extend = try await enqueue(.extend, on: "sim-b", queue: queue, codec: codec, blobs: blobs) { $0.sourceVideoID = edit.managedID }
            let remix = try await enqueue(.remix, on: "sim-b", queue: queue, codec: codec, blobs: blobs) { $0.sourceVideoID = extend.managedID }
            let all = [character, generate, edit, extend, remix].map(\.jobID)
            try await waitUntilFinished(all, queue)

            for job in all {
                let record = try await record(job, queue)
                #expect(record.status == .completed, "\(record.id): \(String(describing: record.error))")
                #expect(record.deploymentID == "sim-b")
            }
            for job in [generate, edit, extend, remix] {
                let record = try await record(job.jobID, queue)
                #expect(record.variants == ["video", "thumbnail", "spritesheet"])
                let path = try #require(try blobs.path(for: "results/\(job.managedID)/video"))
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                #expect(bytes.count > 1000)
                #expect(String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp")
            }
            let stats = simulator.stats
            let owner = try #require(stats.keys["sk-b"])
            #expect(owner.routes["POST /videos/characters"] == 1)
            #expect(owner.routes["POST /videos"] == 1)
            #expect(owner.routes["POST /videos/edits"] == 1)
            #expect(owner.routes["POST /videos/extensions"] == 1)
            #expect(owner.routes["POST /videos/{id}/remix"] == 1)
            #expect(stats.keys["sk-a"] == nil)
            #expect(stats.keys["sk-c"] == nil)
        }
    }

    @Test func faultsAndRetriesCreateEachVideoOnce() async throws {
        let faults = SimConfiguration(port: 0, renderSeconds: 0.2, rateLimitRate: 0.1, retryAfterSeconds: 0, serverErrorRate: 0.1, seed: 42)
        // One call in five fails. With the default budget of 5 failures in a row, 30 jobs would exhaust it by chance in
        // a few runs in a hundred; with 10, about once in a hundred thousand. Exhausting it is tested on its own.
        let limits = JobLimits(maxAttempts: 10, baseBackoff: .milliseconds(50), maxBackoff: .seconds(1))
        try await withCluster(simulator: faults) { queue, simulator, codec, blobs in
            var jobs: [String] = []
            for index in 0..<30 {
                let deployment = ["sim-a", "sim-b", "sim-c"][index % 3]
                jobs.append(try await enqueue(.generate, on: deployment, queue: queue, codec: codec, blobs: blobs, limits: limits).jobID)
            }
            try await waitUntilFinished(jobs, queue, timeout: .seconds(90))
            for job in jobs {
                let record = try await record(job, queue)
                #expect(record.status == .completed, "\(record.id): \(String(describing: record.error))")
            }
            let stats = simulator.stats
            #expect(stats.videosCreated == 30)
            #expect((stats.faults["rate_limit"] ?? 0) + (stats.faults["server_error"] ?? 0) > 0)
        }
    }
}
