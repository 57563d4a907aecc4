import Foundation

extension RedisConfiguration {
    /// Parses a Redis URL.
    ///
    /// Accepted forms:
    /// - `redis://[[user]:password@]host[:port][/db]` (port 6379 and database 0 by default; `[::1]` for IPv6),
    /// - `rediss://[[user]:password@]host[:port][/db][?ca_file=…&cert_file=…&key_file=…&server_name=…]`: TLS,
    ///   the server's certificate verified against `ca_file` (or the system's store) and its name against
    ///   `server_name` (or the host); `cert_file` and `key_file` give a client certificate (see ``TLS``),
    /// - `unix://[[user]:password@]/path/to/redis.sock[?db=N]`,
    /// - `redis-sentinel://[[user]:password@]host[:port][,host[:port]…]/<master name>[?db=N]`: the primary that
    ///   these sentinels (port 26379 by default) monitor under the name, followed across failovers (see
    ///   ``Endpoint/sentinel(masterName:sentinels:)``); user and password are those of the data nodes, the
    ///   sentinels are reached without; `rediss-sentinel://` takes the TLS parameters of `rediss://` for both.
    ///
    /// User, password and parameter values are percent-decoded; `redis://secret@host` is read as a password.
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
            RedisError(
                .invalidURL,
                message: "\(reason) (expected redis://[user:password@]host:port/db, rediss://…, redis-sentinel://host:port,…/name or unix:///path?db=N)"
            )
        }
        guard let separator = url.range(of: "://") else { throw invalid("missing scheme") }
        let scheme = url[..<separator.lowerBound].lowercased()
        var rest = Substring(url[separator.upperBound...])

        var database = 0
        var tls = TLS()
        var tlsParameters: [String] = []
        if let questionMark = rest.firstIndex(of: "?") {
            for parameter in rest[rest.index(after: questionMark)...].split(separator: "&") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, let value = String(pair[1]).removingPercentEncoding, !value.isEmpty else {
                    throw invalid("bad URL parameter '\(parameter)'")
                }
                switch pair[0] {
                case "db":
                    guard let number = Int(value), number >= 0 else { throw invalid("database '\(value)' is not a number") }
                    database = number
                case "ca_file": tls.caFile = value
                case "cert_file": tls.certificateFile = value
                case "key_file": tls.keyFile = value
                case "server_name": tls.serverName = value
                case "verify_peer":
                    guard let verifies = ["yes": true, "true": true, "no": false, "false": false][value] else {
                        throw invalid("verify_peer '\(value)' is not yes or no")
                    }
                    tls.verifiesPeer = verifies
                default: throw invalid("unknown URL parameter '\(parameter)'")
                }
                if pair[0] != "db" { tlsParameters.append(String(pair[0])) }
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
        case "redis", "rediss":
            endpoint = try Self.tcpEndpoint(authority, defaultPort: 6379, invalid: invalid)
            if !path.isEmpty && path != "/" {
                guard let number = Int(path.dropFirst()), number >= 0 else { throw invalid("database '\(path.dropFirst())' is not a number") }
                database = number
            }
        case "redis-sentinel", "rediss-sentinel":
            let sentinels = try authority.split(separator: ",", omittingEmptySubsequences: false).map {
                try Self.tcpEndpoint($0, defaultPort: 26379, invalid: invalid)
            }
            guard let masterName = String(path.dropFirst()).removingPercentEncoding, !masterName.isEmpty, !masterName.contains("/") else {
                throw invalid("missing master name: redis-sentinel://host:port,…/<master name>")
            }
            endpoint = .sentinel(masterName: masterName, sentinels: sentinels)
        case "unix":
            guard authority.isEmpty else { throw invalid("a unix socket URL has no host") }
            guard path.count > 1 else { throw invalid("missing socket path") }
            endpoint = .unixSocket(path: String(path))
        default:
            throw invalid("unsupported scheme '\(scheme)'")
        }
        let usesTLS = scheme == "rediss" || scheme == "rediss-sentinel"
        if !usesTLS, let parameter = tlsParameters.first {
            throw invalid("'\(parameter)' is a TLS parameter: use rediss:// or rediss-sentinel://")
        }
        self.init(
            endpoint: endpoint,
            username: username,
            password: password,
            database: database,
            connectTimeout: connectTimeout,
            commandTimeout: commandTimeout,
            poolSize: poolSize,
            tls: usesTLS ? tls : nil
        )
    }

    private static func tcpEndpoint(_ authority: Substring, defaultPort: Int, invalid: (String) -> RedisError) throws -> Endpoint {
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
        var port = defaultPort
        if let portText {
            guard let number = Int(portText), (1...65535).contains(number) else { throw invalid("port '\(portText)' is not in 1...65535") }
            port = number
        }
        return .tcp(host: String(host), port: port)
    }
}
