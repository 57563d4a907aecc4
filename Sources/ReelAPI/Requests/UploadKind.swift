import Foundation

/// What a file part must contain; checked against the part's content type (415 otherwise).
package struct UploadKind: Sendable, Equatable {
    /// Accepted MIME types.
    let contentTypes: Set<String>
    /// File-name extensions that identify an accepted type when the client sent `application/octet-stream`.
    let extensions: [String: String]
    /// What to call it in messages.
    let noun: String

    /// Reference images: JPEG, PNG, WebP.
    static let image = UploadKind(
        contentTypes: ["image/jpeg", "image/png", "image/webp"],
        extensions: ["jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"],
        noun: "an image (image/jpeg, image/png or image/webp)"
    )
    /// Source videos: MP4, QuickTime, WebM.
    package static let video = UploadKind(
        contentTypes: ["video/mp4", "video/quicktime", "video/webm"],
        extensions: ["mp4": "video/mp4", "mov": "video/quicktime", "webm": "video/webm"],
        noun: "a video (video/mp4, video/quicktime or video/webm)"
    )

    /// The accepted content type of a part, or nil when the part is not of this kind.
    func accept(contentType: String?, filename: String) -> String? {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let type, contentTypes.contains(type) { return type }
        if type == nil || type == "application/octet-stream" {
            let ext = filename.split(separator: ".").last.map { $0.lowercased() } ?? ""
            return extensions[ext]
        }
        return nil
    }
}
