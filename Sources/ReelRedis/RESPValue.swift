/// A reply from Redis (RESP2).
///
/// ```swift
/// let reply = try await client.send(["HGETALL", key])
/// for pair in reply.array ?? [] { print(pair.string ?? "nil") }
/// ```
public enum RESPValue: Sendable, Hashable {
    /// A status reply such as `OK` or `PONG`.
    case simpleString(String)
    /// An error reply, such as `ERR unknown command` or `NOSCRIPT …`.
    case error(String)
    /// An integer reply.
    case integer(Int)
    /// A bulk string: arbitrary bytes.
    case bulkString([UInt8])
    /// An array reply (multi-bulk); elements may be of any kind, including nested arrays.
    case array([RESPValue])
    /// The nil reply (a missing key, a timed-out blocking pop, a nil array).
    case null
}
