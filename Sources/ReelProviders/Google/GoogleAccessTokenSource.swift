import Foundation
public import Logging
public import ReelHTTP
import ReelCrypto
import ReelJSON
import ReelLogging
import Synchronization

/// Access tokens for one service account (one deployment), from an RS256-signed JWT exchanged at the account's
/// `token_uri` (the OAuth 2.0 JWT bearer grant, RFC 7523), cached and refreshed before they expire.
///
/// Concurrent callers share one token request: while a request is out, every caller waits for its answer
/// (single flight), so a busy deployment makes one token request per token lifetime.
///
/// ```swift
/// let tokens = GoogleAccessTokenSource(account: account, transport: CurlTransport(), clock: ContinuousClock())
/// headers.add(name: "Authorization", value: "Bearer \(try await tokens.accessToken())")
/// ```
public final class GoogleAccessTokenSource<C: Clock>: Sendable where C.Duration == Duration {
    /// The scope Vertex AI asks for.
    public static var cloudPlatformScope: String { "https://www.googleapis.com/auth/cloud-platform" }
    /// Lifetime asked for in the JWT (Google's maximum, one hour).
    static var assertionLifetimeSeconds: Int64 { 3600 }
    /// Longest access token accepted, in bytes.
    static var maxTokenSize: Int { 8192 }

    private struct Cached {
        var value: String
        var refreshAt: C.Instant
    }

    private enum Next {
        case cached(String)
        case wait(Task<String, any Error>)
    }

    private struct State {
        var token: Cached?
        var inFlight: Task<String, any Error>?
    }

    /// The account whose tokens this source gets.
    public let account: GoogleServiceAccount
    private let scope: String
    private let clock: C
    private let unixTime: @Sendable () -> Int64
    private let refreshMargin: Duration
    private let timeouts: HTTPTimeouts
    private let exchange: @Sendable (HTTPRequest) async throws -> HTTPResponse
    private let logger: Logger
    private let state = Mutex(State())

    /// Creates a token source.
    /// - Parameters:
    ///   - account: The service account.
    ///   - scope: The OAuth scope asked for (default cloud-platform).
    ///   - transport: Performs the token requests.
    ///   - clock: Decides when a cached token is due for refresh.
    ///   - unixTime: Seconds since 1970 for the JWT's `iat` and `exp` (Google checks them against its own clock); the
    ///     system clock's when nil.
    ///   - refreshMargin: How long before its expiry a token is replaced (at most half its lifetime).
    ///   - timeouts: Limits of a token request.
    ///   - logger: Receives a debug message per token request.
    public init(
        account: GoogleServiceAccount,
        scope: String = cloudPlatformScope,
        transport: some HTTPTransport,
        clock: C,
        unixTime: (@Sendable () -> Int64)? = nil,
        refreshMargin: Duration = .seconds(300),
        timeouts: HTTPTimeouts = .init(connect: .seconds(10), total: .seconds(30)),
        logger: Logger = Logger(label: "reel.providers.google")
    ) {
        self.account = account
        self.scope = scope
        self.clock = clock
        self.unixTime = unixTime ?? { Int64(Date().timeIntervalSince1970) }
        self.refreshMargin = refreshMargin
        self.timeouts = timeouts
        self.exchange = { try await transport.execute($0) }
        self.logger = logger
    }

    /// A valid access token: the cached one, or a new one when none is cached or it is due for refresh.
    /// - Throws: ``ProviderError`` when the token endpoint refuses the assertion (permanent) or cannot be reached (transient).
    public func accessToken() async throws -> String {
        let next: Next = state.withLock { state in
            if let token = state.token, clock.now < token.refreshAt { return .cached(token.value) }
            if let inFlight = state.inFlight { return .wait(inFlight) }
            // Unstructured on purpose: the request outlives a cancelled caller so the others waiting on it still get
            // the token; it is bounded by the request's timeouts.
            let task = Task { try await self.refresh() }
            state.inFlight = task
            return .wait(task)
        }
        switch next {
        case .cached(let token): return token
        case .wait(let task): return try await task.value
        }
    }

    /// Requests a token and caches it; clears the in-flight marker either way.
    private func refresh() async throws -> String {
        do {
            let (value, lifetime) = try await requestToken()
            let refreshIn = max(lifetime - refreshMargin, lifetime / 2)
            let now = clock.now
            state.withLock {
                $0.token = Cached(value: value, refreshAt: now.advanced(by: refreshIn))
                $0.inFlight = nil
            }
            return value
        } catch {
            state.withLock { $0.inFlight = nil }
            throw error
        }
    }

    /// One token request: the signed assertion posted to `token_uri`, the answer checked.
    private func requestToken() async throws -> (String, Duration) {
        let issuedAt = unixTime()
        var claims = JSONWriter(capacity: 256)
        claims.beginObject()
        claims.key("iss")
        claims.string(account.clientEmail)
        claims.key("scope")
        claims.string(scope)
        claims.key("aud")
        claims.string(account.tokenURI)
        claims.key("iat")
        claims.int(issuedAt)
        claims.key("exp")
        claims.int(issuedAt + Self.assertionLifetimeSeconds)
        claims.endObject()
        let assertion: String
        do {
            assertion = try JSONWebToken.signRS256(claims: claims.bytes, keyID: account.privateKeyID, with: account.privateKey)
        } catch {
            throw ProviderError(.permanent, message: "could not sign the token request of \(account.clientEmail): \(error)")
        }
        let body = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=\(assertion)"
        let request = HTTPRequest(
            method: "POST",
            url: account.tokenURI,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: .string(body),
            timeouts: timeouts
        )
        logger.debug("requesting an access token", metadata: [LogKey.googleAccount: "\(account.clientEmail)"])
        let response: HTTPResponse
        do {
            response = try await exchange(request)
        } catch let error as HTTPTransportError {
            if error.code == .cancelled { throw CancellationError() }
            throw ProviderError(transportError: error)
        }
        guard response.isSuccess else { throw ProviderError(tokenResponse: response) }
        return try Self.token(from: response)
    }

    /// The token and its lifetime from a 2xx answer `{"access_token": …, "expires_in": …}`.
    private static func token(from response: HTTPResponse) throws -> (String, Duration) {
        let answer = try? JSONDecoder().decode(TokenAnswer.self, from: Data(response.body))
        guard let answer, !answer.accessToken.isEmpty, answer.accessToken.utf8.count <= maxTokenSize,
            answer.accessToken.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        else {
            throw ProviderError(.transient, httpStatus: response.status, message: "the token endpoint's answer has no usable access_token")
        }
        // Google says 3599; a missing or absurd value is taken as one minute, and no token is kept beyond a day.
        let seconds = min(max(answer.expiresIn ?? 60, 1), 86_400)
        return (answer.accessToken, .seconds(seconds))
    }

    private struct TokenAnswer: Decodable {
        var accessToken: String
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case expiresIn = "expires_in"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            accessToken = try container.decode(String.self, forKey: .accessToken)
            if let seconds = try? container.decodeIfPresent(Int.self, forKey: .expiresIn) {
                expiresIn = seconds
            } else if let seconds = try? container.decodeIfPresent(Double.self, forKey: .expiresIn), seconds.isFinite, abs(seconds) < 1e9 {
                expiresIn = Int(seconds)
            } else {
                expiresIn = nil
            }
        }
    }
}
