import ArgumentParser
import Foundation
import ReelCrypto
import ReelQueue
import ReelRouting
import ReelVideo

/// `reel queue fill-videos`: fills a queue with finished videos through the queue's own calls (benchmark helper).
///
/// Each video is enqueued as the front enqueues one (managed ID minted under `--id-secret`, the record the front
/// writes), claimed, and completed with the record a worker leaves (completed, with its variants) — batched and
/// pipelined, no HTTP and no provider. Owners take turns: the first is `master` (the master key's caller), the
/// others `owner-1` … `owner-<owners − 1>`, so a front with the same secret lists and reads them.
struct QueueFillVideosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill-videos",
        abstract: "Fills a queue with finished videos (benchmark helper).",
        shouldDisplay: false
    )

    @OptionGroup var connection: QueueConnectionOptions

    @Option(help: "How many videos.")
    var count = 10_000

    @Option(help: "How many owners the videos are spread across.")
    var owners = 1_000

    @Option(help: "Videos per batch (one pipelined enqueue, one claim, one complete).")
    var batch = 1_000

    @Option(name: .customLong("id-secret"), help: "The front's ID secret (reel_settings.secrets.id_secret).")
    var idSecret: String

    @Option(help: "Deployment id the videos live on.")
    var deployment = "sim-a"

    @Option(help: "Provider of the deployment.")
    var provider = "openai"

    @Option(help: "Model group.")
    var model = "sora-2"

    func validate() throws {
        guard count >= 1, owners >= 1, batch >= 1 else { throw ValidationError("--count, --owners and --batch must be at least 1") }
    }

    func run() async throws {
        let codec = try ManagedIDCodec(secret: idSecret)
        let clock = ContinuousClock()
        let start = clock.now
        try await connection.withQueue { queue in
            try await queue.bootstrap()
            for first in stride(from: 0, to: count, by: batch) {
                let jobs = try (first..<min(first + batch, count)).map { try newJob(index: $0, codec: codec) }
                _ = try await queue.enqueue(jobs)
                var left = jobs.count
                while left > 0 {
                    let claimed = try await queue.claim(workerID: "fill", max: left, lease: .seconds(300), wait: .seconds(5))
                    guard !claimed.isEmpty else { throw QueueCommandError(description: "enqueued videos could not be claimed") }
                    let completions = claimed.map { JobCompletion(lease: $0.lease, record: Self.finishedRecord($0.job.record)) }
                    _ = try await queue.complete(completions)
                    left -= claimed.count
                }
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        print("filled=\(count) owners=\(owners) seconds=\(String(format: "%.3f", seconds)) videos_per_s=\(Int(Double(count) / seconds))")
    }

    /// Video `index` as the front enqueues it.
    private func newJob(index: Int, codec: ManagedIDCodec) throws -> NewJob {
        let jobID = SecureRandom.identifier()
        let managedID = try codec.mint(ManagedID(kind: .video, provider: provider, deploymentID: deployment, modelGroup: model, objectID: jobID))
        let owner = index % owners == 0 ? "master" : "owner-\(index % owners)"
        let prompt = "A calico cat playing a grand piano on a sunlit porch, video \(index)"
        let payload = VideoJobPayload(kind: .generate, deploymentID: deployment, modelGroup: model, prompt: prompt, seconds: "8", size: "1280x720")
        let record = VideoRecord(
            id: managedID, object: .video, owner: owner, model: model, createdAt: Int64(Date().timeIntervalSince1970), prompt: prompt,
            seconds: "8", size: "1280x720", deploymentID: deployment
        )
        return NewJob(id: jobID, type: VideoJobKind.generate.rawValue, payload: payload.json, record: record.json, owner: owner)
    }

    /// The record a worker leaves on a completed video.
    private static func finishedRecord(_ json: String?) -> String? {
        guard var record = json.flatMap(VideoRecord.init(json:)) else { return json }
        let now = Int64(Date().timeIntervalSince1970)
        record.status = .completed
        record.progress = 100
        record.completedAt = now
        record.expiresAt = now + 24 * 3600
        record.providerObjectID = "video_" + SecureRandom.identifier()
        record.variants = ["video", "thumbnail", "spritesheet"]
        return record.json
    }
}
