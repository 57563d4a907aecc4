import Foundation
import Logging
import ReelProviders
import ReelQueue
import ReelStorage
import Testing
import ReelTesting

import ReelWorker
import ReelVideo

/// A queue in memory, three fake deployments of one group (`dep-a`, `dep-b`, `dep-c`; OpenAI's capabilities unless
/// `capabilities` gives others), a blob store in a temporary directory, and a runner with millisecond poll intervals. Managed ids are `video_<job id>` / `character_<job id>`.
///
/// The queue, the runner and (when the test makes it with the same clock) the gate share one clock: the system's, or a
/// ``ManualClock`` that ``tick(wait:)`` steps forward until a job is due, so timed behaviour never races the wall clock.
struct WorkerHarness<TestClock: Clock<Duration>> {
    let clock: TestClock
    let queue: MemoryJobQueue
    let providers: [String: FakeVideoProvider]
    let gate: MemoryDeploymentGate
    let blobs: FileBlobStore
    let configuration: WorkerConfiguration
    let runner: VideoJobRunner<MemoryJobQueue, FileBlobStore, MemoryDeploymentGate, TestClock>

    init(
        pollsToComplete: Int = 2,
        gate: MemoryDeploymentGate? = nil,
        configuration: WorkerConfiguration = fastConfiguration(),
        capabilities: [String: ProviderCapabilities] = [:],
        clock: TestClock
    ) throws {
        self.clock = clock
        self.queue = MemoryJobQueue(clock: clock)
        let gate = gate ?? MemoryDeploymentGate(cooldown: .milliseconds(200), clock: clock)
        var providers: [String: FakeVideoProvider] = [:]
        var deployments: [VideoDeployment] = []
        for id in ["dep-a", "dep-b", "dep-c"] {
            let provider = FakeVideoProvider(name: id, pollsToComplete: pollsToComplete) { try await clock.sleep(for: $0) }
            providers[id] = provider
            deployments.append(VideoDeployment(id: id, group: "sora-2", model: "sora-2", provider: provider, capabilities: capabilities[id] ?? .openAI))
        }
        self.providers = providers
        self.gate = gate
        self.blobs = try FileBlobStore(directory: NSTemporaryDirectory() + "reel-worker-tests-\(UUID().uuidString)")
        self.configuration = configuration
        self.runner = VideoJobRunner(
            queue: queue,
            deployments: VideoDeploymentDirectory(deployments),
            gate: gate,
            blobs: blobs,
            configuration: configuration,
            clock: clock,
            jobID: { managedID in managedID.split(separator: "_", maxSplits: 1).last.map(String.init) },
            logger: Logger(label: "test")
        )
    }

    func provider(_ id: String) -> FakeVideoProvider { providers[id]! }

    /// Enqueues a video job with its first record and returns the job id.
    @discardableResult
    func enqueue(
        _ kind: VideoJobKind,
        deployment: String = "dep-a",
        id: String = UUID().uuidString,
        limits: JobLimits = JobLimits(baseBackoff: .milliseconds(10), maxBackoff: .milliseconds(50)),
        configure: (inout VideoJobPayload) -> Void = { _ in }
    ) async throws -> String {
        var payload = VideoJobPayload(kind: kind, deploymentID: deployment, modelGroup: "sora-2", prompt: "a cat", seconds: "4", size: "1280x720")
        configure(&payload)
        let object: VideoRecord.Object = kind == .createCharacter ? .character : .video
        let record = VideoRecord(
            id: "\(object.rawValue)_\(id)",
            object: object,
            owner: "key-1",
            model: "sora-2",
            createdAt: 1_700_000_000,
            prompt: payload.prompt,
            name: payload.characterName,
            deploymentID: deployment
        )
        _ = try await queue.enqueue(
            NewJob(id: id, type: kind.rawValue, payload: try Self.json(payload), record: try Self.json(record), owner: "key-1", limits: limits)
        )
        return id
    }

    /// Claims the next due job (waiting for scheduled ones) and runs one tick of it; returns its id, nil when none came.
    @discardableResult
    func tick(wait: Duration = .seconds(2)) async throws -> String? {
        guard let claimed = try await claimNext(wait: wait) else { return nil }
        try await runner.run(claimed)
        return claimed.job.id
    }

    /// The next due job. On a manual clock, time moves only here: in 10 ms steps, up to `wait`, until a job is due.
    func claimNext(wait: Duration = .seconds(2)) async throws -> ClaimedJob? {
        guard let manual = clock as? ManualClock else {
            return try await queue.claim(workerID: "w1", max: 1, lease: .seconds(5), wait: wait).first
        }
        var waited = Duration.zero
        while true {
            if let claimed = try await queue.claim(workerID: "w1", max: 1, lease: .seconds(5), wait: .zero).first { return claimed }
            guard waited < wait else { return nil }
            manual.advance(by: .milliseconds(10))
            waited += .milliseconds(10)
        }
    }

    /// Ticks until the job is finished (done, dead or cancelled).
    func runUntilFinished(_ id: String, maxTicks: Int = 200) async throws -> JobSnapshot {
        for _ in 0..<maxTicks {
            let job = try #require(try await queue.job(id: id))
            if [.done, .dead, .cancelled].contains(job.state) { return job }
            try await tick()
        }
        Issue.record("job \(id) did not finish within \(maxTicks) ticks")
        return try #require(try await queue.job(id: id))
    }

    func record(_ id: String) async throws -> VideoRecord {
        let json = try #require(try await queue.job(id: id)?.record)
        return try JSONDecoder().decode(VideoRecord.self, from: Data(json.utf8))
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

extension WorkerHarness where TestClock == ContinuousClock {
    /// A harness on the system's clock.
    init(pollsToComplete: Int = 2, gate: MemoryDeploymentGate? = nil, configuration: WorkerConfiguration = fastConfiguration()) throws {
        try self.init(pollsToComplete: pollsToComplete, gate: gate, configuration: configuration, clock: ContinuousClock())
    }
}

/// Fast poll pacing and shutdown for worker tests. Leases are long: on a loaded machine a test process can stall for
/// seconds, and a lease that expires meanwhile sends its job to the provider again; tests of expiry set their own.
func fastConfiguration() -> WorkerConfiguration {
    WorkerConfiguration(
        concurrency: 4,
        leaseDuration: .seconds(30),
        heartbeatInterval: .milliseconds(100),
        claimWait: .milliseconds(100),
        polling: .init(initialInterval: .milliseconds(10), multiplier: 2, maxInterval: .milliseconds(40), jitter: 0.1, inputInterval: .milliseconds(10)),
        shutdownGracePeriod: .milliseconds(300)
    )
}
