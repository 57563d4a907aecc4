import ReelRedis

extension RedisJobQueue {
    /// Reads a job hash from its `HGETALL` pairs, or a packed job as `owner_page` answers it (`id`, then ``PackedJob/pairName``).
    ///
    /// Read field by field, without a dictionary of every field in between: status reads decode one per request.
    static func snapshot(_ reply: RESPValue) throws -> JobSnapshot {
        guard let items = reply.array, items.count % 2 == 0 else { throw QueueError(.decodeFailed, message: "job answered \(reply)") }
        if items.count == 4, items[2].string == PackedJob.pairName, let id = items[1].string, let packed = items[3].string {
            return try PackedJob.snapshot(id: id, packed: packed)
        }
        var id, type, payload, record, step, owner, lastError, deadline: String?
        var state: JobState?
        var cancelRequested = false
        var numbers = [String?](repeating: nil, count: numberFields.count)
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let key = items[index].string, let value = items[index + 1].string else {
                throw QueueError(.decodeFailed, message: "job answered \(reply)")
            }
            switch key {
            case "id": id = value
            case "type": type = value
            case "payload": payload = value
            case "record": record = value
            case "state": state = JobState(rawValue: value)
            case "step": step = value.isEmpty ? nil : value
            case "owner": owner = value.isEmpty ? nil : value
            case "last_error": lastError = value.isEmpty ? nil : value
            case "deadline_ms": deadline = value
            case "cancel": cancelRequested = value == "1"
            default:
                if let position = numberFields.firstIndex(of: key) { numbers[position] = value }
            }
        }
        guard let id, let type, let payload, let state else {
            throw QueueError(.decodeFailed, message: "job hash lacks id, type, payload or state")
        }
        func int(_ name: String) throws -> Int {
            let text = numbers[numberFields.firstIndex(of: name)!]
            guard let value = text.flatMap({ Int($0) }) else {
                throw QueueError(.decodeFailed, message: "job field \(name) is \(text ?? "missing")")
            }
            return value
        }
        let limits = JobLimits(
            maxAttempts: try int("max_attempts"),
            maxPolls: try int("max_polls"),
            maxStalls: try int("max_stalls"),
            deadline: deadline.flatMap { Int64($0) }.map { .milliseconds($0) },
            baseBackoff: .milliseconds(try int("backoff_base_ms")),
            maxBackoff: .milliseconds(try int("backoff_max_ms"))
        )
        return JobSnapshot(
            id: id, type: type, state: state, payload: payload, record: record, stepState: step,
            owner: owner, priority: try int("priority"), attempts: try int("attempts"), polls: try int("polls"),
            stalls: try int("stalls"), lastError: lastError, cancelRequested: cancelRequested, limits: limits,
            createdAtMs: Int64(try int("created_at")), updatedAtMs: Int64(try int("updated_at"))
        )
    }

    /// The job hash's integer fields.
    private static let numberFields = [
        "max_attempts", "max_polls", "max_stalls", "backoff_base_ms", "backoff_max_ms", "priority", "attempts", "polls", "stalls",
        "created_at", "updated_at",
    ]
}
