import Foundation
import ReelQueue
import Testing
import ReelVideo

struct VideoRecordJobTests {
    func job(state: JobState, record: VideoRecord?, lastError: String? = nil) throws -> JobSnapshot {
        let json = try record.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return JobSnapshot(id: "j1", type: "generate", state: state, payload: "{}", record: json, lastError: lastError, updatedAtMs: 1_700_000_123_456)
    }

    let rendering = VideoRecord(id: "video_1", object: .video, owner: "k", model: "sora-2", status: .inProgress, progress: 40, createdAt: 1, deploymentID: "d")

    @Test func aDeadJobWithAnUnfinishedRecordReadsAsFailed() throws {
        let record = try #require(VideoRecord(job: try job(state: .dead, record: rendering, lastError: "deadline_exceeded: past 3600 s")))
        #expect(record.status == .failed)
        #expect(record.error == VideoError(code: "deadline_exceeded", message: "past 3600 s"))
        #expect(record.completedAt == 1_700_000_123)
        #expect(record.progress == 40)
    }

    @Test(arguments: [JobState.active, .scheduled, .ready, .done])
    func otherStatesKeepTheRecord(state: JobState) throws {
        #expect(VideoRecord(job: try job(state: state, record: rendering)) == rendering)
    }

    @Test func aFinishedRecordOfADeadJobIsKept() throws {
        var failed = rendering
        failed.status = .failed
        failed.error = VideoError(code: "moderation_blocked", message: "Blocked.")
        #expect(VideoRecord(job: try job(state: .dead, record: failed, lastError: "other: reason")) == failed)
    }

    @Test func noRecordOrAnUnreadableOneIsNil() throws {
        #expect(VideoRecord(job: try job(state: .ready, record: nil)) == nil)
        let broken = JobSnapshot(id: "j1", type: "generate", state: .ready, payload: "{}", record: "{not json")
        #expect(VideoRecord(job: broken) == nil)
    }

    @Test(arguments: [
        ("attempts_exhausted: 5 attempts, last 503", "attempts_exhausted", "5 attempts, last 503"),
        ("a reason without a code: here", "job_failed", "a reason without a code: here"),
        ("", "job_failed", "The job was given up."),
    ])
    func deadLetterReasons(reason: String, code: String, message: String) {
        #expect(VideoError(deadLetterReason: reason) == VideoError(code: code, message: message))
    }
}
