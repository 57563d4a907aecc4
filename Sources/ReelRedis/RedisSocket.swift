import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected socket that ReelRedis owns: TCP or unix-domain, plain or wrapped in TLS (OpenSSL).
///
/// Plain and TLS connections take the same path: connect with a timeout, then (for TLS) a handshake that
/// verifies the peer, then blocking reads and writes bounded by ``setTimeout(_:)``. Not thread-safe: one thread
/// reads and writes; another thread may only `shutdown(2)` ``fileDescriptor`` to interrupt a blocked read.
final class RedisSocket {
    /// The socket, for `shutdown(2)` by another thread.
    let fileDescriptor: Int32
    /// The TLS session (`SSL *`), or `nil` for a plain socket.
    private let tls: OpaquePointer?

    private init(fileDescriptor: Int32, tls: OpaquePointer?) {
        self.fileDescriptor = fileDescriptor
        self.tls = tls
    }

    deinit {
        if let tls { SSL_free(tls) }
        close(fileDescriptor)
    }

    /// Connects to a TCP host and port or a unix socket, then, with `tls`, runs the TLS handshake.
    /// - Parameters:
    ///   - address: Where to connect.
    ///   - tls: The TLS settings, or `nil` for a plain connection.
    ///   - timeout: How long connecting (and the handshake) may take.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/connectionFailed`` saying what failed.
    static func connect(to address: RedisConfiguration.Endpoint, tls: RedisConfiguration.TLS?, timeout: Duration) throws(RedisError) -> RedisSocket {
        blockSIGPIPE()
        let descriptor: Int32
        var host: String?
        switch address.kind {
        case .tcp(let name, let port):
            descriptor = try connectTCP(host: name, port: port, timeout: timeout)
            host = name
        case .unixSocket(let path):
            descriptor = try connectUnix(path: path, timeout: timeout)
        case .sentinel:
            // RedisConnector asks the sentinels for the primary's address first.
            throw RedisError(.connectionFailed, message: "\(address) names no server of its own: ask the sentinels for the primary")
        }
        setTimeout(timeout, on: descriptor)
        guard let tls else { return RedisSocket(fileDescriptor: descriptor, tls: nil) }
        do throws(RedisError) {
            guard let host else { throw RedisError(.connectionFailed, message: "TLS needs a TCP address, not a unix socket") }
            return RedisSocket(fileDescriptor: descriptor, tls: try handshake(descriptor: descriptor, host: host, settings: tls))
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Sets the timeout of every read and write; `nil` waits indefinitely.
    func setTimeout(_ timeout: Duration?) {
        Self.setTimeout(timeout, on: fileDescriptor)
    }

    private static func setTimeout(_ timeout: Duration?, on descriptor: Int32) {
        var value = timeval(tv_sec: 0, tv_usec: 0)
        if let timeout {
            let (seconds, attoseconds) = timeout.components
            value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
            // A zero timeval means "no timeout": the shortest timeout is one microsecond.
            if value.tv_sec == 0 && value.tv_usec == 0 { value.tv_usec = 1 }
        }
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    /// Writes all of `bytes`.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/timeout`` or ``RedisError/Code/connectionLost``.
    func write(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        var offset = 0
        while offset < bytes.count {
            let pending = UnsafeRawBufferPointer(rebasing: bytes[offset...])
            let written: Int
            if let tls {
                ERR_clear_error()
                let result = SSL_write(tls, pending.baseAddress, Int32(clamping: pending.count))
                guard result > 0 else { throw tlsError(result, errno: errno) }
                written = Int(result)
            } else {
                let result = send(fileDescriptor, pending.baseAddress, pending.count, Int32(MSG_NOSIGNAL))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw Self.socketError(errno: errno) }
                written = result
            }
            offset += written
        }
    }

    /// Blocks until some bytes arrive (or the timeout passes) and returns how many were read, at least one.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/timeout`` or ``RedisError/Code/connectionLost``
    ///   (also when the server closed the connection or another thread shut the socket down).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        while true {
            if let tls {
                ERR_clear_error()
                let result = SSL_read(tls, buffer.baseAddress, Int32(clamping: buffer.count))
                guard result > 0 else { throw tlsError(result, errno: errno) }
                return Int(result)
            }
            let result = recv(fileDescriptor, buffer.baseAddress, buffer.count, 0)
            if result > 0 { return result }
            if result == 0 { throw Self.closedByServer }
            if errno == EINTR { continue }
            throw Self.socketError(errno: errno)
        }
    }

    /// Whether anything arrived unasked (the server closed an idle connection, say): then it must not be reused.
    var isStale: Bool {
        if let tls, SSL_pending(tls) > 0 { return true }
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) != 0
    }

    private static var closedByServer: RedisError { RedisError(.connectionLost, message: "the server closed the connection") }

    private static func socketError(errno error: Int32) -> RedisError {
        if error == EAGAIN || error == EWOULDBLOCK { return RedisError(.timeout, message: "no reply within the timeout") }
        return RedisError(.connectionLost, message: String(cString: strerror(error)))
    }

    private func tlsError(_ result: Int32, errno error: Int32) -> RedisError {
        guard let tls else { return Self.socketError(errno: error) }
        switch SSL_get_error(tls, result) {
        case SSL_ERROR_ZERO_RETURN: return Self.closedByServer
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return RedisError(.timeout, message: "no reply within the timeout")
        case SSL_ERROR_SYSCALL:
            if error == EAGAIN || error == EWOULDBLOCK { return RedisError(.timeout, message: "no reply within the timeout") }
            return error == 0 ? Self.closedByServer : Self.socketError(errno: error)
        default:
            return RedisError(.connectionLost, message: "TLS: \(Self.openSSLErrorText() ?? "the TLS session failed")")
        }
    }

    // MARK: Connecting

    private static func connectTCP(host: String, port: Int, timeout: Duration) throws(RedisError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw RedisError(.connectionFailed, message: "cannot resolve '\(host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = ECONNREFUSED
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            let descriptor = socket(current.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else {
                lastError = errno
                continue
            }
            let error = connect(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen, timeout: timeout)
            if error == 0 {
                var on: Int32 = 1
                let size = socklen_t(MemoryLayout<Int32>.size)
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, size)
                setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &on, size)
                var idle: Int32 = 15
                var interval: Int32 = 5
                var count: Int32 = 3
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPIDLE, &idle, size)
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPINTVL, &interval, size)
                setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPCNT, &count, size)
                return descriptor
            }
            close(descriptor)
            lastError = error
        }
        throw RedisError(.connectionFailed, message: String(cString: strerror(lastError)))
    }

    private static func connectUnix(path: String, timeout: Duration) throws(RedisError) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.utf8.count < capacity else { throw RedisError(.connectionFailed, message: "the socket path is too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8)
            raw[path.utf8.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RedisError(.connectionFailed, message: String(cString: strerror(errno))) }
        let error = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size), timeout: timeout)
            }
        }
        guard error == 0 else {
            close(descriptor)
            throw RedisError(.connectionFailed, message: String(cString: strerror(error)))
        }
        return descriptor
    }

    /// A non-blocking `connect` awaited with `poll`; returns 0 or the `errno` of the failure.
    private static func connect(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t, timeout: Duration) -> Int32 {
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        if Glibc.connect(descriptor, address, length) == 0 { return 0 }
        guard errno == EINPROGRESS || errno == EAGAIN else { return errno }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var descriptorSet = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        while true {
            let ready = poll(&descriptorSet, 1, max(milliseconds, 1))
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { return ETIMEDOUT }
            if ready < 0 { return errno }
            break
        }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &size)
        return error
    }

    /// Runs the client side of the TLS handshake on a connected socket, verifying the server's certificate.
    private static func handshake(descriptor: Int32, host: String, settings: RedisConfiguration.TLS) throws(RedisError) -> OpaquePointer {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw tlsSetupError("cannot create a TLS context") }
        // Each session keeps its own reference to the context.
        defer { SSL_CTX_free(context) }
        _ = reel_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        SSL_CTX_set_verify(context, settings.verifiesPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
        if let caFile = settings.caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                throw tlsSetupError("cannot read the CA file '\(caFile)'")
            }
        } else {
            guard SSL_CTX_set_default_verify_paths(context) == 1 else { throw tlsSetupError("cannot load the system's CA certificates") }
        }
        if let certificateFile = settings.certificateFile {
            guard SSL_CTX_use_certificate_chain_file(context, certificateFile) == 1 else {
                throw tlsSetupError("cannot read the client certificate '\(certificateFile)'")
            }
            let keyFile = settings.keyFile ?? certificateFile
            guard SSL_CTX_use_PrivateKey_file(context, keyFile, SSL_FILETYPE_PEM) == 1 else {
                throw tlsSetupError("cannot read the client key '\(keyFile)'")
            }
            guard SSL_CTX_check_private_key(context) == 1 else {
                throw tlsSetupError("the client key '\(keyFile)' does not match the certificate")
            }
        }
        guard let session = SSL_new(context) else { throw tlsSetupError("cannot create a TLS session") }
        let serverName = settings.serverName ?? host
        // SNI carries host names only, never IP addresses (RFC 6066); SSL_set1_host checks either.
        if !isIPAddress(serverName) { _ = reel_SSL_set_tlsext_host_name(session, serverName) }
        if settings.verifiesPeer { _ = SSL_set1_host(session, serverName) }
        SSL_set_fd(session, descriptor)
        let result = SSL_connect(session)
        guard result == 1 else {
            let error = errno
            let verification = SSL_get_verify_result(session)
            let failure = SSL_get_error(session, result)
            let detail = openSSLErrorText()
            SSL_free(session)
            if verification != X509_V_OK {
                let reason = String(cString: X509_verify_cert_error_string(verification))
                throw RedisError(
                    .connectionFailed,
                    message: "TLS: the server's certificate could not be verified (\(reason)) for '\(serverName)'"
                )
            }
            if failure == SSL_ERROR_WANT_READ || failure == SSL_ERROR_WANT_WRITE || error == EAGAIN {
                throw RedisError(.connectionFailed, message: "TLS: no handshake within the connect timeout")
            }
            let text = detail ?? (error == 0 ? "the server closed the connection during the TLS handshake" : String(cString: strerror(error)))
            throw RedisError(.connectionFailed, message: "TLS handshake failed: \(text)")
        }
        return session
    }

    private static func tlsSetupError(_ what: String) -> RedisError {
        RedisError(.connectionFailed, message: "TLS: \(what)\(openSSLErrorText().map { ": \($0)" } ?? "")")
    }

    /// The reason of the oldest error on this thread's OpenSSL error queue, which it then clears.
    private static func openSSLErrorText() -> String? {
        defer { ERR_clear_error() }
        let code = ERR_get_error()
        guard code != 0 else { return nil }
        guard let reason = ERR_reason_error_string(code) else { return "OpenSSL error \(code)" }
        return String(cString: reason)
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var storage = in6_addr()
        return inet_pton(AF_INET, text, &storage) == 1 || inet_pton(AF_INET6, text, &storage) == 1
    }

    /// A write to a socket the server closed raises SIGPIPE in the writing thread (OpenSSL writes with `write(2)`);
    /// block it in the thread that owns the socket so the write fails with EPIPE instead of killing the process.
    private static func blockSIGPIPE() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
