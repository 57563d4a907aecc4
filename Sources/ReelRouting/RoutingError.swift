/// Why a request cannot be routed. ReelAPI maps the codes to HTTP statuses (noted on each code).
public struct RoutingError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, bounded (safe as a metric label).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case modelNotAllowed, modelNotFound, noHealthyDeployment, conflictingAffinity, pinnedDeploymentUnavailable, unknownDeployment,
                unknownObject, invalidBody, idTooLong
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The key may not use the model (403).
        public static var modelNotAllowed: Self { .init(.modelNotAllowed) }
        /// No deployment serves the model (400 `model_not_found`, as OpenAI answers an unknown model).
        public static var modelNotFound: Self { .init(.modelNotFound) }
        /// Every deployment of the group is cooling down or at its limits (429 with `retry-after`).
        public static var noHealthyDeployment: Self { .init(.noHealthyDeployment) }
        /// The request's objects live on different deployments, e.g. characters from two deployments (400).
        public static var conflictingAffinity: Self { .init(.conflictingAffinity) }
        /// The deployment that owns the request's object is cooling down and no deployment shares its
        /// credentials (429 with `retry-after`).
        public static var pinnedDeploymentUnavailable: Self { .init(.pinnedDeploymentUnavailable) }
        /// The object's deployment is no longer configured (404: the object cannot be reached).
        public static var unknownDeployment: Self { .init(.unknownDeployment) }

        /// A managed ID in the request is not genuine (404: as if the object did not exist).
        public static var unknownObject: Self { .init(.unknownObject) }
        /// The request body is not the JSON object expected (400).
        public static var invalidBody: Self { .init(.invalidBody) }
        /// A field of a managed ID to mint is longer than ``ManagedIDCodec/maxFieldSize`` (502 when the field
        /// came from the provider, such as an id it returned).
        public static var idTooLong: Self { .init(.idTooLong) }

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence safe to show the client (never another key's data or a deployment's credentials).
    public let message: String
    /// When retrying may succeed, for `retry-after` (set for the 429 codes).
    public let retryAfter: Duration?

    /// Creates an error.
    public init(_ code: Code, message: String, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(code): \(message)" }
}
