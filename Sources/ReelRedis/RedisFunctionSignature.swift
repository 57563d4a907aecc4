/// One function of a Redis functions library and the arguments it takes, written once for both sides: the Swift
/// caller checks a call against it, and the library registers the function from it behind the Lua check
/// ``luaArgumentCheck`` defines, which refuses a call with another count (`BADARG <name> takes …`).
///
/// ```swift
/// let acquire = RedisFunctionSignature(name: "reel_router_acquire", arguments: ["mode", "lease_ms"], repeated: ["rpm"])
/// acquire.accepts(argumentCount: 4)          // true: the two fixed ones, then two groups of one
/// acquire.registration(callback: "acquire")  // "redis.register_function{function_name = …}"
/// ```
public struct RedisFunctionSignature: Sendable, Hashable {
    /// The name the library registers.
    public var name: String
    /// The arguments every call passes, in order.
    public var arguments: [String]
    /// Arguments that follow ``arguments`` once per item of a batched call (empty: none).
    public var repeated: [String]
    /// Whether the function only reads (registered with the `no-writes` flag, so replicas may run it).
    public var readOnly: Bool

    /// Creates a signature.
    public init(name: String, arguments: [String], repeated: [String] = [], readOnly: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.repeated = repeated
        self.readOnly = readOnly
    }

    /// Whether a call with `count` arguments fits the function.
    public func accepts(argumentCount count: Int) -> Bool {
        let rest = count - arguments.count
        return repeated.isEmpty ? rest == 0 : rest >= 0 && rest % repeated.count == 0
    }

    /// Checks that a call with `arguments` fits the function, before it is sent.
    /// - Throws: ``RedisError`` with ``RedisError/Code/invalidArgument``, naming what the function takes.
    public func check(_ arguments: [String]) throws(RedisError) {
        guard accepts(argumentCount: arguments.count) else {
            throw RedisError(
                .invalidArgument,
                message: "\(name) takes \(self.arguments) then groups of \(repeated), got \(arguments.count) arguments"
            )
        }
    }

    /// The library's registration of the function: the Lua function `callback` behind `checked` (see
    /// ``luaArgumentCheck``), with the `no-writes` flag when it only reads.
    public func registration(callback: String) -> String {
        let checked = "checked('\(name)', \(callback), \(arguments.count), \(repeated.count))"
        let flags = readOnly ? ", flags = {'no-writes'}" : ""
        return "redis.register_function{function_name = '\(name)', callback = \(checked)\(flags)}"
    }

    /// Lua that defines `checked(name, fn, fixed, repeated)`: runs `fn` when a call has `fixed` arguments then groups
    /// of `repeated`, and answers a `BADARG` error reply otherwise. A library includes it before its registrations.
    public static let luaArgumentCheck = """
        local function checked(name, fn, fixed, repeated)
          return function(keys, args)
            local rest = #args - fixed
            if rest < 0 or (repeated == 0 and rest ~= 0) or (repeated > 0 and rest % repeated ~= 0) then
              return redis.error_reply('BADARG ' .. name .. ' takes ' .. fixed .. ' arguments' ..
                (repeated > 0 and (' and groups of ' .. repeated) or '') .. ', got ' .. #args)
            end
            return fn(keys, args)
          end
        end
        """
}
