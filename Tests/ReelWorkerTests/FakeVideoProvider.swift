import Foundation
import ReelProviders
import ReelVideo

/// A scripted ``VideoProvider``: videos finish after a number of polls, and errors can be queued per operation.
actor FakeVideoProvider: VideoProvider {
    enum Operation: Hashable, Sendable {
        case create, retrieve, download, remix, edit, extend, createCharacter, getCharacter, delete
    }

    struct Object {
        var video: ProviderVideo
        var pollsLeft: Int
    }

    let name: String
    /// Polls a new video needs before it completes.
    var pollsToComplete: Int
    /// How long each create call takes, on the clock behind ``sleep``.
    var createDelay: Duration = .zero
    /// Sleeps on the test's clock.
    private let sleep: @Sendable (Duration) async throws -> Void
    /// When set, videos end `failed` with this error instead of completing.
    var failure: ProviderErrorBody?
    private(set) var objects: [String: Object] = [:]
    private(set) var calls: [Operation: Int] = [:]
    private(set) var createsPerKey: [String: Int] = [:]
    private(set) var deleted: [String] = []
    private(set) var lastCreate: CreateVideoRequest?
    private(set) var lastEdit: EditVideoRequest?
    private(set) var lastRemixSource: String?
    private var keyToID: [String: String] = [:]
    private var queuedErrors: [Operation: [ProviderError]] = [:]
    private var variantErrors: [VideoVariant: ProviderError] = [:]
    private var sequence = 0
    private var callWaiters: [(operation: Operation, continuation: CheckedContinuation<Void, Never>)] = []

    init(name: String, pollsToComplete: Int, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.name = name
        self.pollsToComplete = pollsToComplete
        self.sleep = sleep
    }

    func failNext(_ operation: Operation, with error: ProviderError, times: Int = 1) {
        queuedErrors[operation, default: []] += Array(repeating: error, count: times)
    }

    func setFailure(_ failure: ProviderErrorBody?) { self.failure = failure }

    /// The next download of `variant` fails with `error`.
    func failNextDownload(of variant: VideoVariant, with error: ProviderError) { variantErrors[variant] = error }

    func setCreateDelay(_ delay: Duration) { createDelay = delay }

    func calls(_ operation: Operation) -> Int { calls[operation, default: 0] }

    /// Returns once `operation` has been called at least once.
    func waitForCall(_ operation: Operation) async {
        guard calls(operation) == 0 else { return }
        await withCheckedContinuation { callWaiters.append((operation, $0)) }
    }

    private func enter(_ operation: Operation) throws {
        calls[operation, default: 0] += 1
        let waiting = callWaiters.filter { $0.operation == operation }
        callWaiters.removeAll { $0.operation == operation }
        waiting.forEach { $0.continuation.resume() }
        if var errors = queuedErrors[operation], !errors.isEmpty {
            let error = errors.removeFirst()
            queuedErrors[operation] = errors
            throw error
        }
    }

    private func start(key: String?, remixedFrom: String? = nil) -> ProviderVideo {
        if let key {
            createsPerKey[key, default: 0] += 1
            if let id = keyToID[key], let object = objects[id] { return object.video }
        }
        sequence += 1
        let id = "\(name)_video_\(sequence)"
        let video = ProviderVideo(id: id, status: "queued", progress: 0, remixedFromVideoID: remixedFrom)
        objects[id] = Object(video: video, pollsLeft: pollsToComplete)
        if let key { keyToID[key] = id }
        return video
    }

    func createVideo(_ request: CreateVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        try enter(.create)
        lastCreate = request
        if createDelay > .zero { try await sleep(createDelay) }
        return start(key: idempotencyKey)
    }

    func retrieveVideo(id: String) async throws -> ProviderVideo {
        try enter(.retrieve)
        guard var object = objects[id] else {
            throw ProviderError(.permanent, httpStatus: 404, code: "not_found", message: "no video \(id)")
        }
        object.pollsLeft -= 1
        if object.pollsLeft <= 0 {
            if let failure {
                object.video.status = "failed"
                object.video.error = failure
            } else {
                object.video.status = "completed"
                object.video.progress = 100
                object.video.expiresAt = 2_000_000_000
            }
        } else {
            object.video.status = "in_progress"
            object.video.progress = 100 * (pollsToComplete - object.pollsLeft) / pollsToComplete
        }
        objects[id] = object
        return object.video
    }

    func downloadContent(videoID: String, variant: VideoVariant, to path: String) async throws -> Int64 {
        try enter(.download)
        if let error = variantErrors.removeValue(forKey: variant) { throw error }
        guard objects[videoID]?.video.status == "completed" else {
            throw ProviderError(.permanent, httpStatus: 404, code: "not_ready", message: "video \(videoID) is not completed")
        }
        let bytes = Data("\(videoID):\(variant.rawValue)".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: bytes)
        return Int64(bytes.count)
    }

    func remixVideo(id: String, prompt: String, idempotencyKey: String?) async throws -> ProviderVideo {
        try enter(.remix)
        lastRemixSource = id
        return start(key: idempotencyKey, remixedFrom: id)
    }

    func editVideo(_ request: EditVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        try enter(.edit)
        lastEdit = request
        return start(key: idempotencyKey)
    }

    func extendVideo(_ request: ExtendVideoRequest, idempotencyKey: String?) async throws -> ProviderVideo {
        try enter(.extend)
        return start(key: idempotencyKey)
    }

    func createCharacter(_ request: CreateCharacterRequest, idempotencyKey: String?) async throws -> ProviderCharacter {
        try enter(.createCharacter)
        sequence += 1
        return ProviderCharacter(id: "\(name)_char_\(sequence)", name: request.name, createdAt: 1_700_000_000, status: "processing")
    }

    func getCharacter(id: String) async throws -> ProviderCharacter {
        try enter(.getCharacter)
        return ProviderCharacter(id: id, createdAt: 1_700_000_000, status: "ready")
    }

    func deleteVideo(id: String) async throws {
        try enter(.delete)
        deleted.append(id)
        objects[id] = nil
    }
}
