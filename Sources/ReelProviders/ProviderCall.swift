import Logging
import ReelHTTP
import ReelLogging

/// One provider transfer with its failures classified, shared by the adapters (which differ only in how they read a
/// non-2xx answer).
enum ProviderCall {
    /// Runs `run(request)` and turns transport failures and non-2xx answers into ``ProviderError``s (`classify` reads
    /// the answer); with `acceptingRedirects`, a 3xx answer with a `Location` is returned too. A cancelled transfer
    /// throws `CancellationError`.
    static func perform(
        _ request: HTTPRequest,
        acceptingRedirects: Bool,
        logger: Logger,
        classify: (HTTPResponse) -> ProviderError,
        _ run: (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await run(request)
        } catch let error as HTTPTransportError {
            if error.code == .cancelled { throw CancellationError() }
            logger.debug("provider call failed", metadata: [LogKey.providerURL: "\(request.url)", LogKey.error: "\(error)"])
            throw ProviderError(transportError: error)
        }
        let isRedirect = (300..<400).contains(response.status) && response.headers["location"] != nil
        guard response.isSuccess || (acceptingRedirects && isRedirect) else {
            let error = classify(response)
            logger.debug(
                "provider call failed",
                metadata: [LogKey.providerURL: "\(request.url)", LogKey.providerStatus: "\(response.status)", LogKey.error: "\(error)"]
            )
            throw error
        }
        return response
    }
}
