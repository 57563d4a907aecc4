import ReelVideo
import Testing

import ReelSim

struct SimVideoTests {
    func video(renderSeconds: Double, outcome: SimVideo.Outcome = .success) -> SimVideo {
        SimVideo(
            id: "video_1", owner: "k", sequence: 1, model: "sora-2", prompt: "p", seconds: "8", size: "1280x720",
            remixedFromVideoID: nil, createdAt: 1000, renderSeconds: renderSeconds, outcome: outcome
        )
    }

    @Test func statusFollowsTheTimeSinceCreation() {
        let video = video(renderSeconds: 10)
        #expect(video.object(at: 1000.5).status == "queued")
        let halfway = video.object(at: 1005)
        #expect(halfway.status == "in_progress" && halfway.progress == 50 && halfway.completedAt == nil)
        #expect(video.object(at: 1009.99).progress == 99)
        let done = video.object(at: 1010)
        #expect(done.status == "completed" && done.progress == 100 && done.completedAt == 1010)
        #expect((done.expiresAt ?? 0) > 1010)
        #expect(video.isCompleted(at: 1010) && !video.isCompleted(at: 1009))
    }

    @Test func zeroRenderTimeCompletesAtOnce() {
        #expect(video(renderSeconds: 0).object(at: 1000).status == "completed")
    }

    @Test(arguments: [
        (SimVideo.Outcome.moderationBlocked, "moderation_blocked"), (SimVideo.Outcome.generationFailed, "video_generation_failed"),
    ])
    func failedJobsCarryTheirCode(outcome: SimVideo.Outcome, code: String) {
        let video = video(renderSeconds: 2, outcome: outcome)
        #expect(video.object(at: 1001).status == "in_progress")
        let failed = video.object(at: 1002)
        #expect(failed.status == "failed" && failed.error?.code == code && failed.expiresAt == nil)
        #expect(!video.isCompleted(at: 5000))
    }
}
