import ReelRedis

extension RedisVideoJobQueue {
    /// A job hash as `HGETALL` pairs, read into a dictionary.
    private static func fields(_ reply: RESPValue) throws -> [String: String] {
        guard let items = reply.array, items.count % 2 == 0 else { throw QueueError(.decodeFailed, message: "job answered \(reply)") }
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: items.count, by: 2) {
            guard let key = items[index].string, let value = items[index + 1].string else {
                throw QueueError(.decodeFailed, message: "job answered \(reply)")
            }
            fields[key] = value
        }
        return fields
    }

    /// Reads a job hash.
    static func snapshot(_ reply: RESPValue) throws -> JobSnapshot {
        try snapshot(fields(reply))
    }

    private static func snapshot(_ fields: [String: String]) throws -> JobSnapshot {
        func int(_ name: String) throws -> Int {
            guard let value = fields[name].flatMap({ Int($0) }) else {
                throw QueueError(.decodeFailed, message: "job field \(name) is \(fields[name] ?? "missing")")
            }
            return value
        }
        func text(_ name: String) -> String? {
            fields[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let id = fields["id"], let type = fields["type"], let payload = fields["payload"],
            let state = fields["state"].flatMap(JobState.init(rawValue:))
        else {
            throw QueueError(.decodeFailed, message: "job hash lacks id, type, payload or state")
        }
        let limits = JobLimits(
            maxAttempts: try int("max_attempts"),
            maxPolls: try int("max_polls"),
            maxStalls: try int("max_stalls"),
            deadline: text("deadline_ms").flatMap { Int64($0) }.map { .milliseconds($0) },
            baseBackoff: .milliseconds(try int("backoff_base_ms")),
            maxBackoff: .milliseconds(try int("backoff_max_ms"))
        )
        return JobSnapshot(
            id: id, type: type, state: state, payload: payload, record: fields["record"], stepState: text("step"),
            owner: text("owner"), priority: try int("priority"), attempts: try int("attempts"), polls: try int("polls"),
            stalls: try int("stalls"), lastError: text("last_error"), cancelRequested: fields["cancel"] == "1", limits: limits,
            createdAtMs: Int64(try int("created_at")), updatedAtMs: Int64(try int("updated_at"))
        )
    }
}
