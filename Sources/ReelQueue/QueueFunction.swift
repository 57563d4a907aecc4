import ReelRedis

/// The functions of the queue's Redis library and the arguments each takes, written once.
///
/// Every function takes `KEYS[1]` = the queue's key prefix and, except `version`, the two common arguments (retention of
/// finished jobs in ms, approximate cap of the events stream) before its own. The Swift calls build their arguments
/// against this table, and the library registers each function from it behind a check of the argument count, so the
/// two sides cannot disagree on how many arguments a function takes (`QueueFunctionTests` checks it on a live Redis).
package enum QueueFunction: String, CaseIterable, Sendable {
    case version, enqueue, claim, heartbeat, heartbeats, complete, snooze, snoozes, fail, release, cancel, signal
    case updateRecord = "update_record"
    case replaceFinishedRecord = "replace_finished_record"
    case replay
    case setPaused = "set_paused"
    case setCap = "set_cap"
    case reap
    case ownerPage = "owner_page"
    case stats
    case deadList = "dead_list"

    /// The name the library registers, `reel_q_<lua function>`.
    package var name: String { "reel_q_" + rawValue }

    /// The function's own arguments, in order (after the common ones). `*_ms` are milliseconds, `has_x` is `1`/`0`
    /// with `x` (or an empty string) after it.
    package var arguments: [String] {
        switch self {
        case .version, .reap, .stats: []
        case .enqueue:
            [
                "id", "type", "payload", "has_record", "record", "owner", "priority", "delay_ms", "idem_key", "fingerprint",
                "max_attempts", "max_polls", "max_stalls", "deadline_ms", "base_backoff_ms", "max_backoff_ms", "cap_group", "cap_limit",
            ]
        case .claim: ["worker", "max", "lease_ms"]
        case .heartbeat: ["id", "fence", "extend_ms"]
        case .heartbeats: ["extend_ms"]
        case .complete: []
        case .snooze: ["id", "fence", "delay_ms", "step", "has_record", "record"]
        case .snoozes: []
        case .fail: ["id", "fence", "code", "message", "retryable", "retry_after_ms", "jitter", "has_record", "record", "has_step", "step"]
        case .release: ["id", "fence"]
        case .cancel, .signal, .replay: ["id"]
        case .updateRecord: ["id", "fence", "record"]
        case .replaceFinishedRecord: ["id", "record"]
        case .setPaused: ["paused"]
        case .setCap: ["cap"]
        case .ownerPage: ["owner", "after", "limit", "desc"]
        case .deadList: ["limit"]
        }
    }

    /// Arguments that follow ``arguments`` once per job of a batched call.
    package var repeated: [String] {
        switch self {
        case .heartbeats: ["id", "fence"]
        case .complete: ["id", "fence", "has_record", "record"]
        case .snoozes: ["id", "fence", "delay_ms", "step", "has_record", "record"]
        default: []
        }
    }

    /// Whether the function takes the two common arguments.
    var takesCommonArguments: Bool { self != .version }

    /// The function's name and its whole argument list, the common arguments first.
    var signature: RedisFunctionSignature { Self.signatures[self, default: makeSignature()] }

    // Built once: every call checks its arguments against its function's signature.
    private static let signatures = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeSignature()) })

    private func makeSignature() -> RedisFunctionSignature {
        RedisFunctionSignature(
            name: name,
            arguments: (takesCommonArguments ? ["retention_ms", "events_max"] : []) + arguments,
            repeated: repeated,
            readOnly: [.version, .ownerPage, .stats, .deadList].contains(self)
        )
    }

    /// The library's registration of every function, each behind the argument check of ``RedisFunctionSignature``.
    static var registrations: String {
        allCases.map { $0.signature.registration(callback: $0.rawValue) }.joined(separator: "\n")
    }
}
