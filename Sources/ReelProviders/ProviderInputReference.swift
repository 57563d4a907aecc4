/// The image or video a new render starts from (`input_reference`).
public enum ProviderInputReference: Sendable, Hashable {
    /// A local file uploaded with the request (sent as multipart).
    case file(ProviderFile)
    /// A fully qualified URL or a base64 data URL (`{"image_url": …}`).
    case imageURL(String)
    /// A file already uploaded to the provider (`{"file_id": …}`).
    case fileID(String)
}
