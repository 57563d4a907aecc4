/// The adapter a `model_list` entry's provider prefix (`litellm_params.model` before the first `/`) selects, and so
/// what its deployment can do: Veo for `gemini` and `vertex_ai`, the OpenAI video API for every other prefix (OpenAI,
/// Azure and the servers that copy OpenAI's shape). The front filters by it and the worker builds providers by it,
/// so the two cannot disagree.
///
/// ```swift
/// let family = ProviderFamily(provider: "vertex_ai")           // .vertexVeo
/// family.capabilities(model: "veo-3.1-generate-001").variants  // [.video]
/// ```
public struct ProviderFamily: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String { case openAI, geminiVeo, vertexVeo }
    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// The OpenAI video API (`openai/`, `azure/`, and any prefix not listed below).
    public static var openAI: Self { .init(.openAI) }
    /// Veo through the Gemini API (`gemini/`).
    public static var geminiVeo: Self { .init(.geminiVeo) }
    /// Veo through Vertex AI (`vertex_ai/`).
    public static var vertexVeo: Self { .init(.vertexVeo) }

    /// The family of a provider prefix.
    public init(provider: String) {
        switch provider {
        case "gemini": self = .geminiVeo
        case "vertex_ai": self = .vertexVeo
        default: self = .openAI
        }
    }

    /// What a deployment of this family serving `model` (the provider's model name) can do.
    public func capabilities(model: String) -> ProviderCapabilities {
        base == .openAI ? .openAI : .veo(model: model)
    }

    /// The family's name (bounded).
    public var description: String { base.rawValue }
}
