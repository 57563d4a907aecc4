import ReelProviders

/// The uploaded files a submission sends, resolved to local paths before a deployment is chosen.
struct SubmitFiles: Sendable {
    /// The reference image (or the provider file or URL it names), for a generation.
    var inputReference: ProviderInputReference?
    /// The source video, for an edit or an extension.
    var source: ProviderVideoSource?
    /// The character's source video.
    var characterVideo: ProviderFile?
}
