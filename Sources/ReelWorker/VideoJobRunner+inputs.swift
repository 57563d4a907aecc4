import ReelQueue
import ReelVideo

extension VideoJobRunner {
    /// The job's characters and source video as the provider knows them: ready, or the outcome that ends the tick —
    /// a snooze while an input is in flight, a failed job naming the input when it failed, was deleted, does not
    /// exist, or the inputs live on different deployments.
    func resolveInputs(_ job: VideoJob) async throws -> InputResolution {
        var resolved = ResolvedInputs()
        var waiting = false
        func pin(_ record: VideoRecord) -> VideoError? {
            if let pinned = resolved.deploymentID, pinned != record.deploymentID {
                return VideoError(
                    code: "inputs_on_different_deployments",
                    message: "The inputs of this job live on different deployments (\(pinned) and \(record.deploymentID)); use inputs created together."
                )
            }
            resolved.deploymentID = record.deploymentID
            return nil
        }
        for characterID in job.payload.characterIDs {
            switch try await readyInput(characterID, role: "character") {
            case .failure(let error): return .notReady(.failed(error))
            case .success(nil): waiting = true
            case .success(let record?):
                if let conflict = pin(record) { return .notReady(.failed(conflict)) }
                resolved.characterIDs.append(record.providerObjectID ?? "")
            }
        }
        if let sourceID = job.payload.sourceVideoID {
            switch try await readyInput(sourceID, role: "source video") {
            case .failure(let error): return .notReady(.failed(error))
            case .success(nil): waiting = true
            case .success(let record?):
                if let conflict = pin(record) { return .notReady(.failed(conflict)) }
                resolved.sourceVideoID = record.providerObjectID
            }
        }
        return waiting ? .notReady(.snooze(after: configuration.polling.inputInterval)) : .ready(resolved)
    }

    /// The record of a finished input, nil while it is in flight, or the error that fails the job.
    private func readyInput(_ managedID: String, role: String) async throws -> Result<VideoRecord?, VideoError> {
        guard let jobID = jobIDForManagedID(managedID), let snapshot = try await queue.job(id: jobID),
            let record = VideoRecord(job: snapshot)
        else {
            return .failure(VideoError(code: "input_not_found", message: "The \(role) \(managedID) does not exist."))
        }
        if record.deleted {
            return .failure(VideoError(code: "input_deleted", message: "The \(role) \(managedID) was deleted."))
        }
        switch record.status {
        case .completed:
            guard record.providerObjectID != nil else {
                return .failure(VideoError(code: "input_not_found", message: "The \(role) \(managedID) has no provider object."))
            }
            return .success(record)
        case .failed:
            let reason = record.error.map { ": \($0.message)" } ?? "."
            return .failure(VideoError(code: "input_failed", message: "The \(role) \(managedID) failed\(reason)"))
        case .queued, .inProgress:
            if [.dead, .cancelled].contains(snapshot.state) {
                return .failure(VideoError(code: "input_failed", message: "The \(role) \(managedID) did not finish."))
            }
            return .success(nil)
        }
    }
}
