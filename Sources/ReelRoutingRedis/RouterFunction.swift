package import ReelRedis

/// The functions of the router's Redis library and the arguments each takes, written once: the calls are checked
/// against it and the library registers each function from it (`RouterFunctionTests` checks both on a live Redis).
package enum RouterFunction: String, CaseIterable, Sendable {
    case acquire, release, publish, version

    /// The function's name and arguments (what each means: ``RouterLibrary/source``).
    package var signature: RedisFunctionSignature {
        let name = "reel_router_" + rawValue
        return switch self {
        case .acquire: RedisFunctionSignature(name: name, arguments: ["mode", "lease_ms", "token"], repeated: ["rpm", "max_parallel"])
        case .release:
            RedisFunctionSignature(name: name, arguments: ["token", "latency_ms", "failed", "allowed_fails", "window_ms", "cooldown_ms"])
        case .publish: RedisFunctionSignature(name: name, arguments: ["kind", "json", "channel"])
        case .version: RedisFunctionSignature(name: name, arguments: [], readOnly: true)
        }
    }

    /// The library's registration of every function.
    static var registrations: String {
        allCases.map { $0.signature.registration(callback: $0.rawValue) }.joined(separator: "\n")
    }
}
