/// The video an edit or extension works on.
public enum ProviderVideoSource: Sendable, Hashable {
    /// A video the provider already has, by its provider id (`{"id": …}`).
    case id(String)
    /// A local video file uploaded with the request (sent as multipart).
    case file(ProviderFile)
}
