public import ReelRedis

extension RedisClient {
    /// The names of the functions Redis holds in the library `library` (`FUNCTION LIST LIBRARYNAME`).
    public func functionNames(library: String) async throws -> Set<String> {
        let reply = try await send(["FUNCTION", "LIST", "LIBRARYNAME", library])
        // RESP2: every library and every function is a flat key/value array.
        let libraries = reply.array ?? []
        return Set(
            libraries.flatMap { library -> [String] in
                let fields = library.array ?? []
                guard let index = fields.firstIndex(where: { $0.string == "functions" }), index + 1 < fields.count else { return [] }
                return (fields[index + 1].array ?? []).compactMap { function in
                    let members = function.array ?? []
                    guard let name = members.firstIndex(where: { $0.string == "name" }), name + 1 < members.count else { return nil }
                    return members[name + 1].string
                }
            }
        )
    }
}
