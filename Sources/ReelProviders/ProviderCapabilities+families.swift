import ReelVideo

extension ProviderCapabilities {
    /// The OpenAI video API (OpenAI's Sora 2, Azure's deployments, compatible servers): every operation, the three
    /// variants.
    public static let openAI = ProviderCapabilities(
        operations: Set(Operation.allCases),
        seconds: ["4", "8", "12"],
        extensionSeconds: ["4", "8", "12", "16", "20"],
        sizes: ["720x1280", "1280x720", "1024x1792", "1792x1024"],
        inputs: [.image, .video],
        variants: [.video, .thumbnail, .spritesheet]
    )

    /// Google's Veo (Gemini API and Vertex AI alike) for a model name: renders from a prompt or an image, only the
    /// `video` variant; Veo 3.1 also extends videos it made by 7 seconds and renders 4K.
    ///
    /// - `veo-3.1…`: 4, 6 or 8 seconds; 720p, 1080p and 4K, landscape and portrait; extensions of 7 seconds.
    /// - `veo-3…`: 4, 6 or 8 seconds; 720p and 1080p.
    /// - `veo-2…`: 5 to 8 seconds; 720p.
    public static func veo(model: String) -> Self {
        if model.hasPrefix("veo-2") { return veo2 }
        return model.hasPrefix("veo-3.1") ? veo31 : veo3
    }

    // Built once: the front checks a request against its candidates' capabilities on every create.
    private static let hd = ["1280x720", "720x1280"]
    private static let fullHD = ["1920x1080", "1080x1920"]
    private static let veo2 = ProviderCapabilities(operations: [.create], seconds: ["5", "6", "7", "8"], sizes: hd, inputs: [.image], variants: [.video])
    private static let veo3 = ProviderCapabilities(operations: [.create], seconds: ["4", "6", "8"], sizes: hd + fullHD, inputs: [.image], variants: [.video])
    private static let veo31 = ProviderCapabilities(
        operations: [.create, .extend], seconds: ["4", "6", "8"], extensionSeconds: ["7"],
        sizes: hd + fullHD + ["3840x2160", "2160x3840"], inputs: [.image], variants: [.video]
    )
}
