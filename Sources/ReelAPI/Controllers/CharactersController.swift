import ReelAPICore
import Hummingbird
import ReelProviders
import ReelQueue
import ReelRouting
import ReelStorage
import ReelVideo

/// `/v1/videos/characters`: create a character from a short video, and read it back.
struct CharactersController<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore> {
    let front: VideoFront<Queue, Keys, Blobs>

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("videos/characters", use: create)
        group.get("videos/characters/:id", use: retrieve)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        try await front.admit(caller)
        let form = try await front.bodyReader.read(request, files: ["video": .video])
        do {
            let name = try Self.characterName(try form.requiredString("name"))
            guard let video = form.file("video") else {
                if try form.string("video") != nil {
                    throw APIError(.invalidParameter, "Invalid 'video': expected a file upload.", param: "video")
                }
                throw APIError(.missingParameter, "Missing required parameter: 'video' (a file).", param: "video")
            }
            let model = try form.string("model") ?? VideoRouting.defaultModel
            let deployment = try await front.routing.deployment(for: model, patterns: caller.modelPatterns, requirement: .init(operation: .characters))
            let deploymentID = deployment.id
            let record = try await front.submit(
                .init(kind: .createCharacter, modelGroup: model, deployment: deployment, uploads: form.files) {
                    id,
                    blobs in
                    let payload = VideoJobPayload(
                        kind: .createCharacter, deploymentID: deploymentID, modelGroup: model, characterName: name,
                        characterVideo: blobs[video.field]
                    )
                    let record = VideoRecord(
                        id: id, object: .character, owner: caller.id, model: model, createdAt: front.wallClock.seconds,
                        name: name, deploymentID: deploymentID
                    )
                    return (payload, record)
                },
                caller: caller, form: form, idempotencyKey: request.headers[.idempotencyKey], scope: "characters"
            )
            return try jsonResponse(CharacterObject(record))
        } catch {
            await front.bodyReader.discard(form.files)
            throw error
        }
    }

    @Sendable func retrieve(_ request: Request, context: APIRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let (record, _) = try await front.ownedRecord(try context.parameters.require("id"), object: .character, caller: caller)
        var headers: HTTPFields = [:]
        if !record.status.isTerminal {
            headers[.openAIPollAfter] = String(front.options.pollAfterMilliseconds)
        }
        return try jsonResponse(CharacterObject(record), headers: headers)
    }

    /// OpenAI's rule for a character's name: 1 to 80 characters.
    private static func characterName(_ name: String) throws(APIError) -> String {
        guard (1...80).contains(name.count) else {
            throw APIError(
                .invalidParameter,
                "Invalid 'name': the character name must be 1 to 80 characters long, but got \(name.count).",
                param: "name"
            )
        }
        return name
    }
}
