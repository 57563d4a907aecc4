import CHiredis

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One Redis connection in blocking mode: a socket that ReelRedis owns (``RedisSocket``: TCP or unix, plain or
/// TLS), hiredis's command formatter for what goes out, and hiredis's reply parser for what comes in.
/// Not thread-safe: exactly one thread uses it.
final class HiredisContext {
    /// The server connected to.
    let endpoint: RedisConfiguration.Endpoint
    private let socket: RedisSocket
    private let reader: UnsafeMutablePointer<redisReader>
    /// Formatted commands not yet written.
    private var output: [UInt8] = []
    /// Where reads land before the parser takes them.
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 1)
    /// The socket timeout last set; `nil` is none.
    private var currentTimeout: Duration?

    private init(endpoint: RedisConfiguration.Endpoint, socket: RedisSocket, reader: UnsafeMutablePointer<redisReader>) {
        self.endpoint = endpoint
        self.socket = socket
        self.reader = reader
    }

    deinit {
        redisReaderFree(reader)
        input.deallocate()
    }

    /// The socket, for `shutdown(2)` by another thread to interrupt a blocked read.
    var fileDescriptor: Int32 { socket.fileDescriptor }

    /// Connects to `endpoint`, authenticates, selects the database and checks the connection with `PING`, in one
    /// round trip, with the credentials, database, TLS settings and timeout of `configuration`.
    static func connect(to endpoint: RedisConfiguration.Endpoint, configuration: RedisConfiguration) throws(RedisError) -> HiredisContext {
        let socket: RedisSocket
        do throws(RedisError) {
            socket = try RedisSocket.connect(to: endpoint, tls: configuration.tls, timeout: configuration.connectTimeout)
        } catch {
            throw RedisError(.connectionFailed, message: "\(endpoint): \(error.message ?? "\(error.code)")", underlying: error)
        }
        guard let reader = redisReaderCreate() else { throw RedisError(.connectionFailed, message: "\(endpoint): cannot allocate a reply parser") }
        let context = HiredisContext(endpoint: endpoint, socket: socket, reader: reader)
        context.currentTimeout = configuration.connectTimeout

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
            var reason = error.message ?? "the server closed the connection"
            if let tls = configuration.tls, tls.certificateFile == nil, !reason.contains("certificate required") {
                // The server's alert may be lost to a reset: say what a TLS server that drops a new client wants.
                reason += " (a server with tls-auth-clients yes requires a client certificate: set cert_file and key_file)"
            }
            throw RedisError(.connectionFailed, message: "\(endpoint): the connection broke during the handshake: \(reason)", underlying: error)
        }
        return context
    }

    /// Sets the socket's read and write timeout; `nil` waits indefinitely.
    func setTimeout(_ timeout: Duration?) {
        guard timeout != currentTimeout else { return }
        currentTimeout = timeout
        socket.setTimeout(timeout)
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
            var formatted: UnsafeMutablePointer<CChar>?
            let length = redisFormatCommandArgv(&formatted, Int32(command.lengths.count), &argv, command.lengths)
            // Formatting only fails when memory runs out, which hiredis cannot report any better than we could.
            guard length > 0, let formatted else { return }
            output.append(contentsOf: UnsafeRawBufferPointer(start: formatted, count: Int(length)))
            redisFreeCommand(formatted)
        }
    }

    /// Writes any buffered commands, then blocks until the next reply arrives (or the timeout passes).
    func readReply() throws(RedisError) -> RESPValue {
        if !output.isEmpty {
            let failure: RedisError? = output.withUnsafeBytes { bytes in
                do throws(RedisError) {
                    try socket.write(bytes)
                    return nil
                } catch {
                    return error
                }
            }
            output.removeAll(keepingCapacity: true)
            if let failure { throw failure }
        }
        while true {
            var reply: UnsafeMutableRawPointer?
            guard redisReaderGetReply(reader, &reply) == REDIS_OK else {
                let text = withUnsafeBytes(of: reader.pointee.errstr) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                throw RedisError(.protocolError, message: text)
            }
            if let reply {
                defer { freeReplyObject(reply) }
                return RESPValue(reply.assumingMemoryBound(to: redisReply.self))
            }
            let count = try socket.read(into: input)
            redisReaderFeed(reader, input.baseAddress!.assumingMemoryBound(to: CChar.self), count)
        }
    }

    /// Sends one command and blocks until its reply; an error reply throws.
    func run(_ arguments: [String]) throws(RedisError) -> RESPValue {
        append(try EncodedCommand(arguments))
        return try readReply().throwingErrorReply()
    }

    /// Whether the server closed an idle connection (or anything else arrived unasked): then it must not be reused.
    var isStale: Bool { socket.isStale }
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
