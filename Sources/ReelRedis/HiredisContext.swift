import CHiredis

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One hiredis connection in blocking mode. Not thread-safe: exactly one thread uses it.
final class HiredisContext {
    private let context: UnsafeMutablePointer<redisContext>
    /// The socket timeout last set; `nil` is none (the state of a new connection).
    private var currentTimeout: Duration?

    private init(_ context: UnsafeMutablePointer<redisContext>) {
        self.context = context
    }

    deinit {
        redisFree(context)
    }

    /// The socket, for `shutdown(2)` by another thread to interrupt a blocked read.
    var fileDescriptor: Int32 { context.pointee.fd }

    /// Connects, authenticates, selects the database and checks the connection with `PING`, in one round trip.
    static func connect(to configuration: RedisConfiguration) throws(RedisError) -> HiredisContext {
        let endpoint = configuration.endpoint
        let pointer: UnsafeMutablePointer<redisContext>? =
            switch endpoint.kind {
            case .tcp(let host, let port): redisConnectWithTimeout(host, Int32(port), makeTimeval(configuration.connectTimeout))
            case .unixSocket(let path): redisConnectUnixWithTimeout(path, makeTimeval(configuration.connectTimeout))
            }
        guard let pointer else { throw RedisError(.connectionFailed, message: "\(endpoint): cannot allocate a connection") }
        let context = HiredisContext(pointer)
        guard pointer.pointee.err == 0 else { throw RedisError(.connectionFailed, message: "\(endpoint): \(context.errorText)") }
        if case .tcp = endpoint.kind { redisEnableKeepAlive(pointer) }
        context.setTimeout(configuration.connectTimeout)

        var handshake: [(command: EncodedCommand, name: String, failure: RedisError.Code)] = []
        if let password = configuration.password {
            let arguments = configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            handshake.append((try EncodedCommand(arguments), "AUTH", .authenticationFailed))
        }
        if configuration.database != 0 {
            handshake.append((try EncodedCommand(["SELECT", String(configuration.database)]), "SELECT \(configuration.database)", .connectionFailed))
        }
        handshake.append((try EncodedCommand(["PING"]), "PING", .connectionFailed))
        for step in handshake { context.append(step.command) }
        do throws(RedisError) {
            for step in handshake {
                if case .error(let message) = try context.readReply() {
                    let code: RedisError.Code = message.hasPrefix("NOAUTH") || message.hasPrefix("WRONGPASS") ? .authenticationFailed : step.failure
                    throw RedisError(code, message: "\(endpoint): \(step.name): \(message)")
                }
            }
        } catch {
            guard error.code == .connectionLost else { throw error }
            throw RedisError(.connectionFailed, message: "\(endpoint): the server closed the connection during the handshake", underlying: error)
        }
        return context
    }

    /// Sets the socket's read and write timeout; `nil` waits indefinitely.
    func setTimeout(_ timeout: Duration?) {
        guard timeout != currentTimeout else { return }
        currentTimeout = timeout
        redisSetTimeout(context, timeout.map(Self.makeTimeval) ?? timeval(tv_sec: 0, tv_usec: 0))
    }

    /// Adds a command to the output buffer; nothing is written until ``readReply()``.
    func append(_ command: EncodedCommand) {
        command.storage.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var offset = 0
            var argv: [UnsafePointer<CChar>?] = command.lengths.map { length in
                defer { offset += length }
                return (base + offset).assumingMemoryBound(to: CChar.self)
            }
            // Appending only fails when memory runs out, which hiredis cannot report any better than we could.
            _ = redisAppendCommandArgv(context, Int32(command.lengths.count), &argv, command.lengths)
        }
    }

    /// Writes any buffered commands, then blocks until the next reply arrives (or the timeout passes).
    func readReply() throws(RedisError) -> RESPValue {
        var reply: UnsafeMutableRawPointer?
        guard redisGetReply(context, &reply) == REDIS_OK, let reply else {
            let error = errno
            throw readError(errno: error)
        }
        defer { freeReplyObject(reply) }
        return RESPValue(reply.assumingMemoryBound(to: redisReply.self))
    }

    /// Sends one command and blocks until its reply; an error reply throws.
    func run(_ arguments: [String]) throws(RedisError) -> RESPValue {
        append(try EncodedCommand(arguments))
        return try readReply().throwingErrorReply()
    }

    /// Whether the server closed an idle connection (or anything else arrived unasked): then it must not be reused.
    var isStale: Bool {
        var descriptor = pollfd(fd: context.pointee.fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    private var errorText: String {
        withUnsafeBytes(of: context.pointee.errstr) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private func readError(errno error: Int32) -> RedisError {
        switch context.pointee.err {
        case REDIS_ERR_IO where error == EAGAIN || error == EWOULDBLOCK:
            RedisError(.timeout, message: "no reply within the timeout")
        case REDIS_ERR_EOF:
            RedisError(.connectionLost, message: "the server closed the connection")
        case REDIS_ERR_PROTOCOL:
            RedisError(.protocolError, message: errorText)
        default:
            RedisError(.connectionLost, message: errorText)
        }
    }

    private static func makeTimeval(_ duration: Duration) -> timeval {
        let (seconds, attoseconds) = duration.components
        return timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
    }
}

extension RESPValue {
    /// Copies a hiredis reply tree.
    fileprivate init(_ reply: UnsafePointer<redisReply>) {
        let value = reply.pointee
        func text() -> String {
            String(decoding: UnsafeRawBufferPointer(start: value.str, count: value.len), as: UTF8.self)
        }
        switch value.type {
        case REDIS_REPLY_STRING: self = .bulkString(Array(UnsafeRawBufferPointer(start: value.str, count: value.len)))
        case REDIS_REPLY_STATUS: self = .simpleString(text())
        case REDIS_REPLY_ERROR: self = .error(text())
        case REDIS_REPLY_INTEGER: self = .integer(Int(value.integer))
        case REDIS_REPLY_ARRAY: self = .array((0..<value.elements).map { RESPValue(value.element[$0]!) })
        default: self = .null
        }
    }
}
