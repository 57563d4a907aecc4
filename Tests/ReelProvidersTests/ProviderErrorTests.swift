import Foundation
import ReelHTTP
import ReelSim
import ReelTesting
import Testing

import ReelProviders

struct ProviderErrorTests {
    @Test func aResponseThatCouldNotBeStoredIsTransientAndItsMessageNamesNoURL() {
        let url = "https://videos.internal.example/v1/videos/video_1/content"
        let full = ProviderError(transportError: HTTPTransportError(.responseFileFailed, message: "cannot write the response body file: No space left on device", url: url))
        #expect(full.kind == .transient, "a full disk may pass: the job is retried, not failed")
        let unreadable = ProviderError(transportError: HTTPTransportError(.fileError, message: "cannot open the request body file: No such file or directory", url: url))
        #expect(unreadable.kind == .permanent)
        for error in [full, unreadable] { #expect(!error.message.contains("internal.example"), "\(error.message)") }
    }

    @Test func rateLimitIsTransientAndCarriesRetryAfter() async throws {
        try await withSim(SimConfiguration(port: 0, renderSeconds: 0, retryAfterSeconds: 7)) { simulator, provider, _ in
            simulator.injectFaults([.rateLimit])
            let error = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x"), idempotencyKey: "k")
            }
            #expect(error?.kind == .transient)
            #expect(error?.httpStatus == 429)
            #expect(error?.retryAfter == .seconds(7))
            #expect(error?.code == "rate_limit_exceeded")
            #expect(error?.message == "Rate limit reached for requests. Please try again later.")
            // The fault was one-off: the retry goes through.
            _ = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x"), idempotencyKey: "k")
        }
    }

    @Test func serverErrorIsTransient() async throws {
        try await withSim { simulator, provider, _ in
            simulator.injectFaults([.serverError])
            let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: "video_1") }
            #expect(error?.kind == .transient)
            #expect(error?.httpStatus == 500)
            #expect(error?.retryAfter == nil)
            #expect(error?.message == "The server had an error while processing your request. Sorry about that!")
        }
    }

    @Test func validationErrorIsPermanentWithTheProvidersCodeAndMessage() async throws {
        try await withSim { _, provider, _ in
            let error = await #expect(throws: ProviderError.self) {
                try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x", seconds: "5"), idempotencyKey: nil)
            }
            #expect(error?.kind == .permanent)
            #expect(error?.httpStatus == 400)
            #expect(error?.code == "invalid_value")
            #expect(error?.message == "Invalid value: '5'. Supported values are: '4', '8', and '12'.")
        }
    }

    @Test func wrongKeyIsPermanent() async throws {
        try await withSim(apiKey: "not-a-key") { _, provider, _ in
            let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: "video_1") }
            #expect(error?.kind == .permanent)
            #expect(error?.httpStatus == 401)
            #expect(error?.code == "invalid_api_key")
        }
    }

    @Test func moderationFailureArrivesAsTheVideosError() async throws {
        try await withSim { simulator, provider, _ in
            simulator.injectFaults([.moderation])
            let created = try await provider.createVideo(CreateVideoRequest(model: "sora-2", prompt: "x"), idempotencyKey: nil)
            let video = try await waitUntilCompleted(provider, id: created.id)
            #expect(video.status == "failed")
            #expect(video.error?.code == "moderation_blocked")
            #expect(video.error?.message.isEmpty == false)
        }
    }

    @Test func hangingProviderTimesOutAsTransient() async throws {
        try await withSim { simulator, _, baseURL in
            let provider = OpenAIVideoProvider(
                configuration: .init(baseURL: baseURL, apiKey: "sk-test", timeouts: .init(connect: .seconds(2), total: .milliseconds(500))),
                transport: CurlTransport()
            )
            simulator.injectFaults([.hang])
            let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: "video_1") }
            #expect(error?.kind == .transient)
            #expect(error?.httpStatus == nil)
            #expect((error?.underlyingError as? HTTPTransportError)?.code == .timeout)
        }
    }

    /// The simulator holds the call for an hour; the time limit bounds a cancellation that does not abort it.
    @Test(.timeLimit(.minutes(1))) func cancellationAbortsAHangingCall() async throws {
        try await withSim { simulator, provider, _ in
            simulator.injectFaults([.hang])
            let call = Task { try await provider.retrieveVideo(id: "video_1") }
            try #require(try await eventually { simulator.stats.faults["hang"] == 1 }, "the call never reached the simulator")
            call.cancel()
            let result = await call.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test func refusedConnectionIsTransient() async throws {
        let provider = OpenAIVideoProvider(configuration: .init(baseURL: "http://127.0.0.1:1/v1", apiKey: "sk-test"), transport: CurlTransport())
        let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: "video_1") }
        #expect(error?.kind == .transient)
        #expect((error?.underlyingError as? HTTPTransportError)?.code == .connectionRefused)
    }

    @Test(arguments: ["ftp2://127.0.0.1/v1", "http://bad host/v1"])
    func malformedBaseURLIsAClearPermanentError(baseURL: String) async throws {
        let provider = OpenAIVideoProvider(configuration: .init(baseURL: baseURL, apiKey: "sk-test"), transport: CurlTransport())
        let error = await #expect(throws: ProviderError.self) { try await provider.retrieveVideo(id: "video_1") }
        #expect(error?.kind == .permanent)
        #expect((error?.underlyingError as? HTTPTransportError)?.code == .invalidRequest)
    }

    @Test(arguments: [
        (400, ProviderError.Kind.permanent), (401, .permanent), (403, .permanent), (404, .permanent), (422, .permanent),
        (408, .transient), (409, .transient), (429, .transient), (500, .transient), (502, .transient), (503, .transient),
    ])
    func statusClassification(status: Int, kind: ProviderError.Kind) {
        #expect(ProviderError.kind(forHTTPStatus: status) == kind)
        #expect(ProviderError(response: HTTPResponse(status: status)).kind == kind)
    }

    @Test func shouldRetryHeaderOverridesTheStatusRule() {
        #expect(ProviderError(response: HTTPResponse(status: 500, headers: ["x-should-retry": "false"])).kind == .permanent)
        #expect(ProviderError(response: HTTPResponse(status: 400, headers: ["X-Should-Retry": "true"])).kind == .transient)
    }

    @Test func retryAfterForms() throws {
        let now = Date(timeIntervalSince1970: 1_784_000_000)
        #expect(ProviderError.retryAfter(from: ["Retry-After": "3"], now: now) == .seconds(3))
        #expect(ProviderError.retryAfter(from: ["retry-after": "1.5"], now: now) == .milliseconds(1500))
        #expect(ProviderError.retryAfter(from: ["retry-after-ms": "250", "retry-after": "9"], now: now) == .milliseconds(250))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: now.addingTimeInterval(42))
        #expect(ProviderError.retryAfter(from: ["Retry-After": date], now: now) == .seconds(42))
        #expect(ProviderError.retryAfter(from: ["Retry-After": formatter.string(from: now.addingTimeInterval(-5))], now: now) == .zero)
        #expect(ProviderError.retryAfter(from: ["Retry-After": "soon"], now: now) == nil)
        #expect(ProviderError.retryAfter(from: [:], now: now) == nil)
    }

    @Test func theEnvelopesMessageIsTakenAndOtherBodiesAreNotPassedOn() {
        let body = #"{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#
        let quota = ProviderError(response: HTTPResponse(status: 429, headers: ["retry-after-ms": "1200"], body: Array(body.utf8)))
        #expect(quota.code == "insufficient_quota")
        #expect(quota.message == "You exceeded your current quota.")
        #expect(quota.retryAfter == .milliseconds(1200))
        let html = ProviderError(response: HTTPResponse(status: 502, body: Array("<html>Bad gateway</html>".utf8)))
        #expect(html.code == nil)
        #expect(html.message == "HTTP 502")
        #expect(ProviderError(response: HTTPResponse(status: 503)).message == "HTTP 503")
    }
}
