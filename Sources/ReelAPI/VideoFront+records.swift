import Foundation
import ReelQueue
import ReelRouting
import ReelVideo

extension VideoFront {
    /// A caller's object by managed ID, with its job. Unknown, forged, foreign and deleted IDs are all the same 404.
    func ownedRecord(_ id: String, object: VideoRecord.Object, caller: Caller) async throws -> (record: VideoRecord, job: JobSnapshot) {
        let notFound = APIError(
            .notFound,
            object == .video ? "Video with id '\(id)' not found." : "Character with id '\(id)' not found.",
            param: object == .video ? "video_id" : "character_id"
        )
        guard let managed = routing.codec.decode(id, as: object == .video ? .video : .character),
            let job = try await queue.job(id: managed.objectID),
            let record = VideoRecord(job: job),
            record.id == id, record.object == object, record.owner == caller.id,
            !record.deleted, !job.cancelRequested, job.state != .cancelled
        else { throw notFound }
        return (record, job)
    }
}
