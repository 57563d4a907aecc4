import Foundation
import ReelQueue
import ReelVideo

extension VideoJobRunner {
    /// The job's characters and source video as the provider knows them.
    ///
    /// - Throws: ``PollAgain`` while an input is still in flight; ``VideoJobFailure`` naming the input when it failed,
    ///   was deleted, does not exist, or the inputs live on different deployments.
    func resolveInputs(_ job: VideoJob) async throws -> ResolvedInputs {
        var resolved = ResolvedInputs()
        var waiting = false
        func pin(_ record: VideoRecord) throws {
            if let pinned = resolved.deploymentID, pinned != record.deploymentID {
                throw VideoJobFailure.finish(
                    "inputs_on_different_deployments",
                    "The inputs of this job live on different deployments (\(pinned) and \(record.deploymentID)); use inputs created together."
                )
            }
            resolved.deploymentID = record.deploymentID
        }
        for characterID in job.payload.characterIDs {
            guard let record = try await readyInput(characterID, role: "character") else {
                waiting = true
                continue
            }
            try pin(record)
            resolved.characterIDs.append(record.providerObjectID ?? "")
        }
        if let sourceID = job.payload.sourceVideoID {
            if let record = try await readyInput(sourceID, role: "source video") {
                try pin(record)
                resolved.sourceVideoID = record.providerObjectID
            } else {
                waiting = true
            }
        }
        if waiting { throw PollAgain(after: configuration.polling.inputInterval) }
        return resolved
    }

    /// The record of a finished input, or nil while it is in flight.
    private func readyInput(_ managedID: String, role: String) async throws -> VideoRecord? {
        guard let jobID = jobIDForManagedID(managedID), let snapshot = try await queue.job(id: jobID),
            let record = VideoRecord(job: snapshot)
        else {
            throw VideoJobFailure.finish("input_not_found", "The \(role) \(managedID) does not exist.")
        }
        if record.deleted {
            throw VideoJobFailure.finish("input_deleted", "The \(role) \(managedID) was deleted.")
        }
        switch record.status {
        case .completed:
            guard record.providerObjectID != nil else {
                throw VideoJobFailure.finish("input_not_found", "The \(role) \(managedID) has no provider object.")
            }
            return record
        case .failed:
            let reason = record.error.map { ": \($0.message)" } ?? "."
            throw VideoJobFailure.finish("input_failed", "The \(role) \(managedID) failed\(reason)")
        case .queued, .inProgress:
            if [.dead, .cancelled].contains(snapshot.state) {
                throw VideoJobFailure.finish("input_failed", "The \(role) \(managedID) did not finish.")
            }
            return nil
        }
    }
}
