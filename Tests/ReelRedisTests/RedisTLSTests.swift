import Foundation
import ReelRedis
import ReelTesting
import Testing

/// TLS against a real `redis-server --tls-port`: the peer is verified, and every failure says why at start-up.
@Suite(.enabled(if: RedisTestEnvironment.shouldRun, "needs REDIS_URL and REDIS_TLS_DIR (scripts/test sets them)"), .timeLimit(.minutes(1)))
struct RedisTLSTests {
    private func certificates() throws -> URL {
        try #require(RedisTestEnvironment.tlsDirectory, "REDIS_TLS_DIR is not set (scripts/test makes the certificates)")
    }

    private func firstError(_ url: String) async throws -> RedisError? {
        let client = try RedisClient(url: url)
        defer { client.close() }
        return await #expect(throws: RedisError.self) { try await client.send(["PING"]) }
    }

    @Test func connectsWithTheCAAndRefusesPlainClients() async throws {
        let server = try await RedisTestServer.launch(tls: true)
        let client = try RedisClient(url: server.url)
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
        let payload = String(repeating: "x", count: 300_000)
        _ = try await client.send(["SET", "big", payload])
        #expect(try await client.send(["GET", "big"]).string == payload)

        let plain = try await firstError("redis://127.0.0.1:\(server.port)")
        #expect(plain?.code == .connectionFailed)
    }

    @Test func wrongCAIsAClearStartUpError() async throws {
        let server = try await RedisTestServer.launch(tls: true)
        let otherCA = try certificates().appendingPathComponent("other-ca.crt").path
        let error = try await firstError("rediss://127.0.0.1:\(server.port)?ca_file=\(otherCA)")
        #expect(error?.code == .connectionFailed)
        // redis-server sends its CA along with its certificate: a chain that ends in a CA nobody said to trust.
        #expect(
            error?.message?.contains("certificate could not be verified (self-signed certificate in certificate chain)") == true,
            "\(String(describing: error))"
        )
    }

    @Test func systemStoreDoesNotTrustTheTestCA() async throws {
        let server = try await RedisTestServer.launch(tls: true)
        let error = try await firstError("rediss://127.0.0.1:\(server.port)")
        #expect(error?.message?.contains("certificate could not be verified") == true, "\(String(describing: error))")
    }

    @Test func wrongServerNameIsAClearStartUpError() async throws {
        let server = try await RedisTestServer.launch(tls: true)
        let error = try await firstError(server.url + "&server_name=redis.example.com")
        #expect(error?.code == .connectionFailed)
        #expect(error?.message?.contains("certificate could not be verified (hostname mismatch) for 'redis.example.com'") == true, "\(String(describing: error))")
        // The name in the certificate, instead of the address connected to, is accepted.
        let client = try RedisClient(url: server.url + "&server_name=localhost")
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))
    }

    @Test func clientCertificateRequiredByTheServer() async throws {
        let directory = try certificates()
        let server = try await RedisTestServer.launch(arguments: ["--tls-auth-clients", "yes"], tls: true)
        let certificate = directory.appendingPathComponent("client.crt").path
        let key = directory.appendingPathComponent("client.key").path
        let client = try RedisClient(url: server.url + "&cert_file=\(certificate)&key_file=\(key)")
        defer { client.close() }
        #expect(try await client.send(["PING"]) == .simpleString("PONG"))

        let error = try await firstError(server.url)
        #expect(error?.code == .connectionFailed)
        // The server's "certificate required" alert arrives, or, when the client's first command reached the
        // closed socket before the alert was read, a reset drops it: then the message says what is missing.
        let message = error?.message ?? ""
        #expect(message.contains("certificate required") || message.contains("requires a client certificate: set cert_file"), "\(message)")
    }

    @Test func unreadableFilesAreNamed() async throws {
        let server = try await RedisTestServer.launch(tls: true)
        let error = try await firstError("rediss://127.0.0.1:\(server.port)?ca_file=/nonexistent/ca.crt")
        #expect(error?.message?.contains("cannot read the CA file '/nonexistent/ca.crt'") == true, "\(String(describing: error))")
        let missingKey = try await firstError(server.url + "&cert_file=\(try certificates().appendingPathComponent("client.crt").path)")
        #expect(missingKey?.message?.contains("cannot read the client key") == true, "\(String(describing: missingKey))")
    }
}
