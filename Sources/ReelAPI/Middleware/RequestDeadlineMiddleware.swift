import ReelAPICore
import Hummingbird
import NIOCore

/// Refuses with 408 a request whose body is still arriving after the deadline (a client dripping bytes to hold a
/// connection and a temporary file); a client that sends nothing at all is closed by the idle timeout.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let timeout: Duration
    var now: @Sendable () -> ContinuousClock.Instant = { .now }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Most requests (reads, deletes) have no body: they keep Hummingbird's own, cheaper to read.
        guard Self.mayHaveBody(request) else { return try await next(request, context) }
        var request = request
        request.body = RequestBody(asyncSequence: DeadlineBody(base: request.body, deadline: now() + timeout, now: now))
        return try await next(request, context)
    }

    /// Whether the request announces a body: a `Content-Length` other than 0, or a `Transfer-Encoding`. Reads skip
    /// the header lookups (each scans every header): no read route reads a body.
    static func mayHaveBody(_ request: Request) -> Bool {
        switch request.method {
        case .get, .head, .options: return false
        default: break
        }
        if request.headers[.transferEncoding] != nil { return true }
        return request.headers[.contentLength].map { $0 != "0" } ?? false
    }
}

/// A request body that throws ``APIError`` 408 once a chunk arrives after `deadline`.
struct DeadlineBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let deadline: ContinuousClock.Instant
    let now: @Sendable () -> ContinuousClock.Instant

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let deadline: ContinuousClock.Instant
        let now: @Sendable () -> ContinuousClock.Instant

        mutating func next() async throws -> ByteBuffer? {
            let chunk = try await base.next()
            if chunk != nil, now() > deadline {
                throw APIError(.requestTimeout, "The request body took too long to arrive. Send it faster or in a smaller request.")
            }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), deadline: deadline, now: now) }
}
