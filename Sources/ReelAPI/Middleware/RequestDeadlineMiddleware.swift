import ReelAPICore
import Hummingbird
import NIOCore

/// Refuses with 408 a request whose body is still arriving after the deadline (a client dripping bytes to hold a
/// connection and a temporary file); a client that sends nothing at all is closed by the idle timeout.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let timeout: Duration
    var now: @Sendable () -> ContinuousClock.Instant = { .now }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Only the methods whose routes read a body: the others keep Hummingbird's own body, cheaper to pass on.
        guard Self.readsBody(request.method) else { return try await next(request, context) }
        var request = request
        request.body = RequestBody(asyncSequence: DeadlineBody(base: request.body, deadline: now() + timeout, now: now))
        return try await next(request, context)
    }

    /// Whether routes of `method` read the request body (checking the method, not the headers, which takes a scan of
    /// them all per lookup).
    static func readsBody(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch
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
