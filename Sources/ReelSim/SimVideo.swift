package import ReelVideo

/// A video job the simulator holds; its status is a pure function of the time since creation.
package struct SimVideo: Sendable {
    /// How the job ends.
    package enum Outcome: Sendable {
        case success
        case moderationBlocked
        case generationFailed
    }

    package let id: String
    let owner: String
    let sequence: UInt64
    let model: String
    let prompt: String
    let seconds: String
    let size: String
    let remixedFromVideoID: String?
    /// Unix time of creation, with fractions.
    let createdAt: Double
    let renderSeconds: Double
    let outcome: Outcome
    /// On Vertex AI, the `storageUri` the request named: the result goes to Cloud Storage instead of inline.
    var storageURI: String?

    /// Seconds a job spends `queued` before it turns `in_progress`, as a share of the render time.
    private static let queuedShare = 0.1
    /// Downloadable assets expire this long after completion.
    private static let assetLifetime: Int64 = 86_400

    package init(
        id: String, owner: String, sequence: UInt64, model: String, prompt: String, seconds: String, size: String,
        remixedFromVideoID: String?, createdAt: Double, renderSeconds: Double, outcome: Outcome
    ) {
        self.id = id
        self.owner = owner
        self.sequence = sequence
        self.model = model
        self.prompt = prompt
        self.seconds = seconds
        self.size = size
        self.remixedFromVideoID = remixedFromVideoID
        self.createdAt = createdAt
        self.renderSeconds = renderSeconds
        self.outcome = outcome
    }

    var completesAt: Double { createdAt + renderSeconds }

    package func isCompleted(at now: Double) -> Bool { outcome == .success && now >= completesAt }

    /// The wire object at time `now`.
    package func object(at now: Double) -> VideoObject {
        let elapsed = now - createdAt
        let finishedAt = Int64(completesAt.rounded(.up))
        var object = VideoObject(
            id: id, model: model, status: "queued", progress: 0, createdAt: Int64(createdAt), prompt: prompt, seconds: seconds, size: size,
            remixedFromVideoID: remixedFromVideoID
        )
        if elapsed >= renderSeconds {
            switch outcome {
            case .success:
                object.status = "completed"
                object.progress = 100
                object.completedAt = finishedAt
                object.expiresAt = finishedAt + Self.assetLifetime
            case .moderationBlocked:
                object.status = "failed"
                object.completedAt = finishedAt
                object.error = .init(code: "moderation_blocked", message: "Your request was blocked by our moderation system.")
            case .generationFailed:
                object.status = "failed"
                object.completedAt = finishedAt
                object.error = .init(code: "video_generation_failed", message: "Video generation failed. Please try again.")
            }
        } else if elapsed >= renderSeconds * Self.queuedShare {
            object.status = "in_progress"
            object.progress = min(99, max(1, Int(elapsed / renderSeconds * 100)))
        }
        return object
    }
}
