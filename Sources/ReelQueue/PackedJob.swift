/// The compact form of a finished job in Redis: one string value under the job's key instead of its hash.
///
/// A job that ends done or cancelled keeps only what reads need after the end (status reads, lists, follow-ups
/// reading its record); its working state (lease, fence, step state, budgets, payload) goes, since nothing can run
/// it again. A hash with the record in it is stored as a hashtable (the record passes `hash-max-listpack-value`),
/// which costs about twice the bytes of one string. Dead jobs stay hashes: a replay needs their working state.
///
/// Format: ``marker``, then each of ``fields`` as `<byte count>:<value>`, then `=` and the record when there is one.
/// The library writes and reads it with the same field list (interpolated from ``luaFields``).
enum PackedJob {
    /// The format's first bytes; another format would start differently.
    static let marker = "J1"

    /// The job fields kept, in their order in the packed value (names as in the job hash).
    static let fields = [
        "state", "type", "owner", "created_at", "updated_at", "attempts", "polls", "stalls", "cancel", "last_error",
    ]

    /// The name `owner_page` gives a packed value among a job's fields (after `id`).
    static let pairName = "packed"

    /// ``fields`` as a Lua table constructor.
    static var luaFields: String { "{" + fields.map { "'\($0)'" }.joined(separator: ", ") + "}" }

    /// Reads a packed value of job `id`.
    static func snapshot(id: String, packed: String) throws -> JobSnapshot {
        var rest = Substring(packed)
        guard rest.hasPrefix(marker) else { throw QueueError(.decodeFailed, message: "job \(id) is not a packed job") }
        rest = rest.dropFirst(marker.count)
        var values: [String: String] = [:]
        for name in fields {
            guard let colon = rest.firstIndex(of: ":"), let count = Int(rest[..<colon]), count >= 0 else {
                throw QueueError(.decodeFailed, message: "packed job \(id) lacks its field \(name)")
            }
            // Counts are in bytes (Lua's `#`), so the value is cut from the UTF-8 view.
            let utf8 = rest[rest.index(after: colon)...].utf8
            guard utf8.count >= count else { throw QueueError(.decodeFailed, message: "packed job \(id) is truncated") }
            let end = utf8.index(utf8.startIndex, offsetBy: count)
            values[name] = String(Substring(utf8[utf8.startIndex..<end]))
            rest = Substring(utf8[end...])
        }
        let record: String? = rest.first == "=" ? String(rest.dropFirst()) : nil
        guard let state = values["state"].flatMap(JobState.init(rawValue:)), let type = values["type"] else {
            throw QueueError(.decodeFailed, message: "packed job \(id) lacks its state or type")
        }
        func int(_ name: String) -> Int { values[name].flatMap { Int($0) } ?? 0 }
        return JobSnapshot(
            id: id, type: type, state: state, payload: "", record: record, owner: values["owner"].flatMap { $0.isEmpty ? nil : $0 },
            attempts: int("attempts"), polls: int("polls"), stalls: int("stalls"),
            lastError: values["last_error"].flatMap { $0.isEmpty ? nil : $0 }, cancelRequested: values["cancel"] == "1",
            createdAtMs: Int64(int("created_at")), updatedAtMs: Int64(int("updated_at"))
        )
    }
}
