import Hummingbird

extension SimController {
    static let characterNameLength = 1...80

    func createCharacter(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let idempotencyKey = request.headers[Self.idempotencyKeyHeader]
        if let idempotencyKey, let created = simulator.withState({ $0.created(idempotencyKey: idempotencyKey, owner: key) }) {
            return try idempotentReplay(created, key: key)
        }
        let form = try await SimForm.read(request, maxBytes: configuration.maxUploadBytes)
        try rejectUnknown(form, allowed: ["name", "video"])
        let name = try required(form, "name")
        guard Self.characterNameLength.contains(name.count) else {
            throw SimError.invalidRequest(
                "Invalid 'name': expected a string of 1 to 80 characters, got \(name.count).", param: "name", code: "invalid_value"
            )
        }
        guard let upload = form.upload("video") else {
            throw SimError.invalidRequest("Missing required parameter: 'video'.", param: "video", code: "missing_required_parameter")
        }
        try validateVideoUpload(upload)
        let character = SimCharacter(
            id: simulator.makeID(prefix: "char_"), owner: key, name: name, createdAt: Int(simulator.now())
        )
        guard let stored = simulator.withState({ $0.insertCharacter(idempotencyKey: idempotencyKey, character) }) else {
            return try idempotentReplay(nil, key: key)
        }
        if stored.id == character.id { simulator.countCreated(video: false) }
        return try json(stored)
    }

    func getCharacter(_ request: Request, _ context: Context, _ key: String) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let character = simulator.withState({ $0.character(id, owner: key) }) else {
            throw SimError.notFound("Character with id '\(id)' not found.")
        }
        return try json(character)
    }
}
