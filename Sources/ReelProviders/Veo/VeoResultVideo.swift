/// One generated video as a finished operation hands it over.
enum VeoResultVideo: Sendable, Hashable {
    /// A URI to download, with the dialect's credentials: a Gemini API file URI or a Cloud Storage `gs://` URI.
    case uri(String, mimeType: String?)
    /// The bytes themselves, base64 in the operation document (Vertex AI without a storage URI).
    case inline(base64: String, mimeType: String?)
}
