public import ReelVideo

/// What a provider family (and model) can do, so a request it cannot serve is refused before anything is enqueued:
/// its operations, the `seconds` and `size` values it takes, the inputs it starts from and the content variants it
/// produces.
///
/// ```swift
/// let group = [ProviderCapabilities.openAI, .veo(model: "veo-3.1-generate-001")]
/// let serving = group.filter { $0.satisfies(.init(operation: .remix)) }       // only the OpenAI-shaped one
/// let refusal = ProviderCapabilities.refusal(.init(operation: .create, seconds: "5"), group: [.veo(model: "veo-3.1-generate-001")])
/// // refusal?.code == "invalid_value", refusal?.message names "4", "6", "8"
/// ```
public struct ProviderCapabilities: Sendable, Hashable {
    /// An operation of the OpenAI video API.
    public struct Operation: Hashable, Sendable, CustomStringConvertible, CaseIterable {
        private enum Base: String, CaseIterable { case create, remix, edit, extend, characters, delete }
        private let base: Base

        /// `POST /videos`.
        public static var create: Self { .init(base: .create) }
        /// `POST /videos/{id}/remix`.
        public static var remix: Self { .init(base: .remix) }
        /// `POST /videos/edits`.
        public static var edit: Self { .init(base: .edit) }
        /// `POST /videos/extensions`.
        public static var extend: Self { .init(base: .extend) }
        /// `POST /videos/characters` and `GET /videos/characters/{id}`.
        public static var characters: Self { .init(base: .characters) }
        /// `DELETE /videos/{id}` at the provider.
        public static var delete: Self { .init(base: .delete) }
        /// Every operation.
        public static var allCases: [Self] { Base.allCases.map { Self(base: $0) } }

        /// The operation's name (`create`, `remix`, …).
        public var description: String { base.rawValue }
    }

    /// What a render may start from.
    public struct InputKind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String { case image, video }
        private let base: Base

        /// A reference image (`input_reference` with an image).
        public static var image: Self { .init(base: .image) }
        /// A reference video (`input_reference` with a video).
        public static var video: Self { .init(base: .video) }

        /// The kind's name.
        public var description: String { base.rawValue }
    }

    /// What one request needs of a deployment.
    public struct Requirement: Sendable, Hashable {
        /// The operation.
        public var operation: Operation
        /// The `seconds` asked for (of the new video, or added by an extension).
        public var seconds: String?
        /// The `size` asked for.
        public var size: String?
        /// The kind of `input_reference`, if any.
        public var input: InputKind?

        /// Creates a requirement.
        public init(operation: Operation, seconds: String? = nil, size: String? = nil, input: InputKind? = nil) {
            self.operation = operation
            self.seconds = seconds
            self.size = size
            self.input = input
        }
    }

    /// Why no deployment of a group can serve a request, in the OpenAI error envelope's terms.
    public struct Refusal: Sendable, Hashable, Error {
        /// `unsupported_operation` or `invalid_value`.
        public var code: String
        /// The request field at fault (`seconds`, `size`, `input_reference`), nil for an operation.
        public var param: String?
        /// Names the operation or value and what the group accepts.
        public var message: String
    }

    /// Operations offered.
    public var operations: Set<Operation>
    /// `seconds` values a new video may have, in the order they are listed to clients.
    public var seconds: [String]
    /// `seconds` values an extension may add.
    public var extensionSeconds: [String] = []
    /// `size` values taken.
    public var sizes: [String]
    /// What a render may start from.
    public var inputs: Set<InputKind>
    /// Content variants a finished video has.
    public var variants: [VideoVariant]

    /// Whether a deployment with these capabilities can serve `requirement`.
    public func satisfies(_ requirement: Requirement) -> Bool {
        Self.mismatch(requirement, self) == nil
    }

    /// Nil when some member of `group` satisfies `requirement`; otherwise why none does, naming what the group accepts.
    public static func refusal(_ requirement: Requirement, group: [ProviderCapabilities]) -> Refusal? {
        guard !group.contains(where: { $0.satisfies(requirement) }) else { return nil }
        let offering = group.filter { $0.operations.contains(requirement.operation) }
        guard !offering.isEmpty else {
            let offered = Operation.allCases.filter { operation in group.contains { $0.operations.contains(operation) } }
            return Refusal(
                code: "unsupported_operation", param: nil,
                message: "This model does not support \(requirement.operation); it supports: \(offered.map(\.description).joined(separator: ", "))."
            )
        }
        let (param, value, accepted) = offering.lazy.compactMap { mismatch(requirement, $0) }.first ?? ("", "", [])
        let union = offering.flatMap { capabilities -> [String] in
            switch param {
            case "seconds": requirement.operation == .extend ? capabilities.extensionSeconds : capabilities.seconds
            case "size": capabilities.sizes
            default: capabilities.inputs.map(\.description).sorted()
            }
        }
        var listed: [String] = []
        for item in union + accepted where !listed.contains(item) { listed.append(item) }
        return Refusal(
            code: "invalid_value", param: param,
            message: "Invalid value: '\(value.prefix(100))'. Supported values are: \(listed.map { "'\($0)'" }.joined(separator: ", "))."
        )
    }

    /// The first field of `requirement` these capabilities do not take: (param, value, accepted values).
    private static func mismatch(_ requirement: Requirement, _ capabilities: ProviderCapabilities) -> (String, String, [String])? {
        guard capabilities.operations.contains(requirement.operation) else { return ("operation", requirement.operation.description, []) }
        let acceptedSeconds = requirement.operation == .extend ? capabilities.extensionSeconds : capabilities.seconds
        if let seconds = requirement.seconds, requirement.operation == .create || requirement.operation == .extend, !acceptedSeconds.contains(seconds) {
            return ("seconds", seconds, acceptedSeconds)
        }
        if let size = requirement.size, requirement.operation == .create, !capabilities.sizes.contains(size) {
            return ("size", size, capabilities.sizes)
        }
        if let input = requirement.input, !capabilities.inputs.contains(input) {
            return ("input_reference", input.description, capabilities.inputs.map(\.description).sorted())
        }
        return nil
    }
}
