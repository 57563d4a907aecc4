/// The `input_reference` of a generation: an uploaded image, an image URL (or data URL), or a provider file id.
public enum InputReference: Sendable, Codable, Equatable {
    /// An uploaded file, stored in the blob store.
    case upload(BlobReference)
    /// `input_reference[image_url]` / `{"image_url": …}`.
    case imageURL(String)
    /// `input_reference[file_id]` / `{"file_id": …}`.
    case fileID(String)
}
