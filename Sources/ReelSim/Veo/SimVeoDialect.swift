/// Which of Google's Veo APIs a request came through, and under which credential.
struct SimVeoCaller: Sendable {
    enum Dialect: Sendable {
        /// The Gemini API (`x-goog-api-key`).
        case gemini
        /// Vertex AI in a project and location (a bearer token from `/token`).
        case vertex(project: String, location: String)
    }

    let dialect: Dialect
    /// The API key, or the service account a bearer token was issued to: what `/sim/stats` counts under `keys`.
    let credential: String

    /// Who owns the operations this caller makes: only the same credential (and, on Vertex AI, the same project and
    /// location) finds them again, as on the real services.
    var owner: String {
        switch dialect {
        case .gemini: "gemini \(credential)"
        case .vertex(let project, let location): "vertex \(project)/\(location) \(credential)"
        }
    }
}
