/// The blob store keys of the video domain, spelled in this one place: a job's uploads and a video's stored results.
///
/// ```swift
/// let key = VideoBlobKey.result(videoID: record.id, variant: .thumbnail)   // "results/video_…/thumbnail"
/// try await blobs.deleteAll(under: VideoBlobKey.results(videoID: record.id))
/// ```
public enum VideoBlobKey {
    /// A file uploaded with a job's request, by its form field (`uploads/<job id>/<field>`).
    public static func upload(jobID: String, field: String) -> String {
        "\(uploads(jobID: jobID))/\(field)"
    }

    /// The prefix of every upload of a job.
    public static func uploads(jobID: String) -> String {
        "uploads/\(jobID)"
    }

    /// A stored variant of a finished video (`results/<video id>/<variant>`).
    public static func result(videoID: String, variant: VideoVariant) -> String {
        "\(results(videoID: videoID))/\(variant.rawValue)"
    }

    /// The prefix of every stored variant of a video.
    public static func results(videoID: String) -> String {
        "\(resultsRoot)/\(videoID)"
    }

    /// The folder holding every video's stored variants, one folder per video id.
    public static let resultsRoot = "results"
}
