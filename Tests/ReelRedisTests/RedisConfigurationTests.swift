import ReelRedis
import Testing

struct RedisConfigurationTests {
    struct Parsed: Sendable, CustomTestStringConvertible {
        var url: String
        var endpoint: RedisConfiguration.Endpoint
        var username: String? = nil
        var password: String? = nil
        var database = 0
        var testDescription: String { url }
    }

    @Test(arguments: [
        Parsed(url: "redis://127.0.0.1:6390", endpoint: .tcp(host: "127.0.0.1", port: 6390)),
        Parsed(url: "redis://localhost", endpoint: .tcp(host: "localhost", port: 6379)),
        Parsed(url: "REDIS://cache.internal:7000/3", endpoint: .tcp(host: "cache.internal", port: 7000), database: 3),
        Parsed(url: "redis://:s3cret@10.0.0.1:6379/0", endpoint: .tcp(host: "10.0.0.1", port: 6379), password: "s3cret"),
        Parsed(
            url: "redis://worker:p%40ss%3Aword@h:1/15",
            endpoint: .tcp(host: "h", port: 1),
            username: "worker",
            password: "p@ss:word",
            database: 15
        ),
        Parsed(url: "redis://legacy@h", endpoint: .tcp(host: "h", port: 6379), password: "legacy"),
        Parsed(url: "redis://[::1]:6380/2", endpoint: .tcp(host: "::1", port: 6380), database: 2),
        Parsed(url: "redis://h:6379/?db=4", endpoint: .tcp(host: "h", port: 6379), database: 4),
        Parsed(url: "unix:///var/run/redis.sock", endpoint: .unixSocket(path: "/var/run/redis.sock")),
        Parsed(url: "unix:///tmp/r.sock?db=2", endpoint: .unixSocket(path: "/tmp/r.sock"), database: 2),
        Parsed(url: "unix://:pw@/tmp/r.sock", endpoint: .unixSocket(path: "/tmp/r.sock"), password: "pw"),
        Parsed(
            url: "redis-sentinel://:pw@s1:5000,s2,[::1]:5002/main?db=3",
            endpoint: .sentinel(masterName: "main", sentinels: [.tcp(host: "s1", port: 5000), .tcp(host: "s2", port: 26379), .tcp(host: "::1", port: 5002)]),
            password: "pw",
            database: 3
        ),
        Parsed(url: "rediss-sentinel://s1/my%20primary", endpoint: .sentinel(masterName: "my primary", sentinels: [.tcp(host: "s1", port: 26379)])),
    ])
    func parsesValidURLs(_ expected: Parsed) throws {
        let configuration = try RedisConfiguration(url: expected.url)
        #expect(configuration.endpoint == expected.endpoint)
        #expect(configuration.username == expected.username)
        #expect(configuration.password == expected.password)
        #expect(configuration.database == expected.database)
    }

    @Test(arguments: [
        ("", "missing scheme"),
        ("127.0.0.1:6379", "missing scheme"),
        ("http://127.0.0.1:6379", "unsupported scheme 'http'"),
        ("redis://h?ca_file=/ca.pem", "'ca_file' is a TLS parameter: use rediss://"),
        ("rediss://h?verify_peer=maybe", "verify_peer 'maybe' is not yes or no"),
        ("rediss://h?ca_file=", "bad URL parameter 'ca_file='"),
        ("redis://", "missing host"),
        ("redis://:pw@:6379", "missing host"),
        ("redis://h:0", "port '0' is not in 1...65535"),
        ("redis://h:70000", "port '70000' is not in 1...65535"),
        ("redis://h:port", "port 'port' is not in 1...65535"),
        ("redis://h:6379/x", "database 'x' is not a number"),
        ("redis://h:6379/-1", "database '-1' is not a number"),
        ("redis://h/?timeout=3", "unknown URL parameter 'timeout=3'"),
        ("redis://[::1:6379", "unclosed '['"),
        ("redis://u:%zz@h", "bad percent-encoding"),
        ("unix://", "missing socket path"),
        ("unix://host/tmp/r.sock", "a unix socket URL has no host"),
        ("redis-sentinel://s1:26379", "missing master name"),
        ("redis-sentinel://s1,,s2/main", "missing host"),
        ("redis-sentinel://s1:99999/main", "port '99999' is not in 1...65535"),
        ("redis-sentinel://s1/main?ca_file=/ca.pem", "'ca_file' is a TLS parameter: use rediss:// or rediss-sentinel://"),
    ])
    func refusesInvalidURLsClearly(url: String, reason: String) {
        let error = #expect(throws: RedisError.self) { try RedisConfiguration(url: url) }
        #expect(error?.code == .invalidURL)
        #expect(error?.message?.contains(reason) == true, "\(error?.message ?? "no message")")
    }

    @Test func tlsParametersAreRead() throws {
        let plain = try RedisConfiguration(url: "redis://h:6379")
        #expect(plain.tls == nil)
        let defaults = try RedisConfiguration(url: "rediss://:pw@redis.internal:6380/2")
        #expect(defaults.endpoint == .tcp(host: "redis.internal", port: 6380))
        #expect(defaults.tls == RedisConfiguration.TLS())
        #expect(defaults.tls?.verifiesPeer == true)
        #expect(defaults.password == "pw" && defaults.database == 2)
        let full = try RedisConfiguration(
            url: "rediss://10.0.0.5:6380?ca_file=/etc/ca%20file.pem&cert_file=/c.pem&key_file=/k.pem&server_name=redis.internal&db=3"
        )
        #expect(
            full.tls
                == RedisConfiguration.TLS(caFile: "/etc/ca file.pem", certificateFile: "/c.pem", keyFile: "/k.pem", serverName: "redis.internal")
        )
        #expect(full.database == 3)
        #expect(try RedisConfiguration(url: "rediss://h?verify_peer=no").tls?.verifiesPeer == false)
        #expect(try RedisConfiguration(url: "redis-sentinel://s/m").tls == nil)
        #expect(try RedisConfiguration(url: "rediss-sentinel://s/m?ca_file=/ca.pem").tls == RedisConfiguration.TLS(caFile: "/ca.pem"))
    }

    @Test func descriptionsNeverShowThePassword() throws {
        let configuration = try RedisConfiguration(url: "redis://user:topsecret@h:6379/1")
        #expect(configuration.endpoint.description == "h:6379")
        let error = #expect(throws: RedisError.self) { try RedisClient(url: "redis://user:topsecret@h:bad") }
        #expect(error.map { "\($0)" }?.contains("topsecret") == false)
        #expect(RedisConfiguration.Endpoint.tcp(host: "::1", port: 1).description == "[::1]:1")
        #expect(RedisConfiguration.Endpoint.unixSocket(path: "/tmp/r.sock").description == "unix:/tmp/r.sock")
        let sentinel = try RedisConfiguration(url: "redis-sentinel://u:topsecret@s1:1,s2:2/main")
        #expect(sentinel.endpoint.description == "sentinel:main@s1:1,s2:2")
    }
}
