import Foundation

extension RedisConfiguration {
    /// Parses a Redis URL.
    ///
    /// Accepted forms:
    /// - `redis://[[user]:password@]host[:port][/db]` (port 6379 and database 0 by default; `[::1]` for IPv6),
    /// - `unix://[[user]:password@]/path/to/redis.sock[?db=N]`.
    ///
    /// User and password are percent-decoded; `redis://secret@host` is read as a password. `rediss://` (TLS)
    /// is not supported and is refused.
    /// - Parameters:
    ///   - url: The URL.
    ///   - connectTimeout: How long establishing a connection may take.
    ///   - commandTimeout: How long a command may wait for its reply.
    ///   - poolSize: The number of shared connections.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/invalidURL`` saying what is wrong.
    public init(
        url: String,
        connectTimeout: Duration = .seconds(2),
        commandTimeout: Duration = .seconds(5),
        poolSize: Int = 2
    ) throws {
        func invalid(_ reason: String) -> RedisError {
            RedisError(.invalidURL, message: "\(reason) (expected redis://[user:password@]host:port/db or unix:///path?db=N)")
        }
        guard let separator = url.range(of: "://") else { throw invalid("missing scheme") }
        let scheme = url[..<separator.lowerBound].lowercased()
        var rest = Substring(url[separator.upperBound...])

        var database = 0
        if let questionMark = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: questionMark)...].split(separator: "&") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0] == "db" else { throw invalid("unknown URL parameter '\(parameter)'") }
                guard let number = Int(pair[1]), number >= 0 else { throw invalid("database '\(pair[1])' is not a number") }
                database = number
            }
            rest = rest[..<questionMark]
        }

        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        let path = rest[slash...]
        var username: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            var decoded: [String] = []
            for part in parts {
                guard let text = String(part).removingPercentEncoding else { throw invalid("bad percent-encoding in the user or password") }
                decoded.append(text)
            }
            if decoded.count == 2 {
                username = decoded[0].isEmpty ? nil : decoded[0]
                password = decoded[1]
            } else {
                password = decoded[0]
            }
        }

        let endpoint: Endpoint
        switch scheme {
        case "redis":
            endpoint = try Self.tcpEndpoint(authority, invalid: invalid)
            if !path.isEmpty && path != "/" {
                guard let number = Int(path.dropFirst()), number >= 0 else { throw invalid("database '\(path.dropFirst())' is not a number") }
                database = number
            }
        case "unix":
            guard authority.isEmpty else { throw invalid("a unix socket URL has no host") }
            guard path.count > 1 else { throw invalid("missing socket path") }
            endpoint = .unixSocket(path: String(path))
        case "rediss":
            throw RedisError(.invalidURL, message: "TLS (rediss://) is not supported; use redis:// on a trusted network or a unix socket")
        default:
            throw invalid("unsupported scheme '\(scheme)'")
        }
        self.init(
            endpoint: endpoint,
            username: username,
            password: password,
            database: database,
            connectTimeout: connectTimeout,
            commandTimeout: commandTimeout,
            poolSize: poolSize
        )
    }

    private static func tcpEndpoint(_ authority: Substring, invalid: (String) -> RedisError) throws -> Endpoint {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unclosed '[' in the host") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw invalid("unexpected '\(after)' after the host") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw invalid("missing host") }
        var port = 6379
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else { throw invalid("port '\(portText)' is not in 1...65535") }
            port = number
        }
        return .tcp(host: String(host), port: port)
    }
}
