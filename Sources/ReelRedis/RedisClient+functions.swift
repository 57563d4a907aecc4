extension RedisClient {
    /// Calls a Redis function (`FCALL`, Redis 7+).
    ///
    /// ```swift
    /// let id = try await client.fcall("reel_enqueue", keys: ["reel:{q}:jobs"], arguments: [payload]).string
    /// ```
    /// - Parameters:
    ///   - function: The function's name.
    ///   - keys: The key names the function touches.
    ///   - arguments: The other arguments.
    /// - Returns: The function's reply.
    /// - Throws: ``RedisError`` with ``RedisError/Code/replyError`` when the function fails or does not exist.
    public func fcall(_ function: String, keys: [String], arguments: [String]) async throws -> RESPValue {
        try await send(["FCALL", function, String(keys.count)] + keys + arguments)
    }

    /// Loads a library of Redis functions (`FUNCTION LOAD`).
    /// - Parameters:
    ///   - source: The library's source, starting with `#!lua name=…`.
    ///   - replace: Whether to replace a loaded library of the same name; if `false`, loading it again fails.
    /// - Returns: The library's name.
    /// - Throws: ``RedisError`` with ``RedisError/Code/replyError`` when the source does not compile or the
    ///   library exists and `replace` is `false`.
    @discardableResult
    public func functionLoad(_ source: String, replace: Bool = false) async throws -> String {
        let reply = try await send(replace ? ["FUNCTION", "LOAD", "REPLACE", source] : ["FUNCTION", "LOAD", source])
        return reply.string ?? ""
    }

    /// Loads a library of Redis functions unless Redis holds this version of it or a newer one, so that during a
    /// rolling deploy a process of the older release never replaces the newer library.
    /// - Parameters:
    ///   - source: The library's source, starting with `#!lua name=…`.
    ///   - version: The source's version.
    ///   - versionFunction: The library's function that returns the loaded version, and the keys to call it with.
    /// - Returns: Whether the library was loaded.
    /// - Throws: ``RedisError`` when Redis cannot be reached or the source does not compile.
    @discardableResult
    public func loadFunctions(_ source: String, version: Int, versionFunction: String, keys: [String] = []) async throws -> Bool {
        let loaded: Int?
        do {
            loaded = try await fcall(versionFunction, keys: keys, arguments: []).int
        } catch let error as RedisError where error.code == .replyError {
            loaded = nil  // not loaded, or a version of the library without the function
        }
        guard (loaded ?? 0) < version else { return false }
        try await functionLoad(source, replace: true)
        return true
    }

    /// Runs `call`; when Redis answers that the function it calls does not exist (a server restarted without
    /// persistence, or `FUNCTION FLUSH`), runs `load` and `call` once more.
    ///
    /// ```swift
    /// let reply = try await client.reloadingFunctions({ try await library.load(client) }) {
    ///     try await client.fcall("reel_router_acquire", keys: keys, arguments: arguments)
    /// }
    /// ```
    public func reloadingFunctions<Result>(
        _ load: () async throws -> Void,
        _ call: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await call()
        } catch let error as RedisError where error.code == .replyError && (error.message ?? "").contains("Function not found") {
            try await load()
            return try await call()
        }
    }
}
