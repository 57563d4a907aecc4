import ReelAPICore
import Hummingbird
import Synchronization

/// Answers 405 with `Allow` (instead of the router's 404) when the path is a route but the method is not one of it.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// The routes' path patterns and methods, filled once the router has all its routes.
    final class Routes: Sendable {
        private let patterns = Mutex<[(segments: [Substring], methods: [String])]>([])

        /// Takes the routes of `router`.
        func load(_ router: Router<Context>) {
            var byPath: [String: [String]] = [:]
            for route in router.routes { byPath["\(route.path)", default: []].append(route.method.rawValue) }
            let loaded = byPath.map { path, methods in (Self.segments(of: path), methods.sorted()) }
            patterns.withLock { $0 = loaded }
        }

        /// The methods of the route whose pattern matches `path`, or empty.
        func methods(for path: String) -> [String] {
            let requested = Self.segments(of: path)
            return patterns.withLock { patterns in
                // Like the router, a literal segment wins over a capture (`videos/characters` over `videos/{id}`).
                let matching = patterns.filter { pattern in
                    pattern.segments.count == requested.count
                        && zip(pattern.segments, requested).allSatisfy { Self.isCapture($0) || $0 == $1 }
                }
                return matching.max { $0.segments.count(where: Self.isCapture) > $1.segments.count(where: Self.isCapture) }?.methods ?? []
            }
        }

        private static func isCapture(_ segment: Substring) -> Bool { segment.first == ":" || segment.first == "{" }

        private static func segments(of path: String) -> [Substring] {
            path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/") } ?? []
        }
    }

    let routes: Routes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            var response = try APIError(
                .methodNotAllowed, "Method \(request.method.rawValue) is not allowed on this route; use \(allowed.joined(separator: ", "))."
            ).response(from: request, context: context)
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        }
    }
}
