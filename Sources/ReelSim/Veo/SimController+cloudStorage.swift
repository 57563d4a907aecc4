import Foundation
import Hummingbird

extension SimController {
    /// The bucket of `gs://bucket/…`, or nil when `uri` is no Cloud Storage URI.
    static func cloudStorageBucket(of uri: String) -> Substring? {
        guard uri.hasPrefix("gs://"), let bucket = uri.dropFirst(5).split(separator: "/", omittingEmptySubsequences: false).first,
            !bucket.isEmpty
        else { return nil }
        return bucket
    }

    /// Where a Vertex AI operation writes its video under the request's `storageUri`: `{storageUri}/{id}/sample_0.mp4`.
    static func veoResultObject(_ storageURI: String, id: String) -> String {
        (storageURI.hasSuffix("/") ? storageURI : storageURI + "/") + "\(id)/sample_0.mp4"
    }

    /// `GET /storage/v1/b/{bucket}/o/{object}?alt=media` (Cloud Storage's JSON API, the object name URL-encoded): the
    /// video a finished Vertex AI operation wrote under its `storageUri`, for any bearer token `POST /token` issued
    /// (`account`, the service account it was issued to).
    @Sendable func cloudStorageDownload(_ request: Request, _ context: Context, _ account: String) async throws -> Response {
        let bucket = try context.parameters.require("bucket")
        let encoded = try context.parameters.require("object")
        guard request.uri.queryParameters["alt"] == "media", let object = encoded.removingPercentEncoding else {
            throw SimGoogleError.invalidArgument("Only media downloads (alt=media) of URL-encoded object names are simulated.")
        }
        let uri = "gs://\(bucket)/\(object)"
        let segments = object.split(separator: "/")
        let id = segments.count >= 2 && segments.last == "sample_0.mp4" ? String(segments[segments.count - 2]) : ""
        let video = simulator.withState { $0.videos[id] }
        guard let video, let storageURI = video.storageURI, Self.veoResultObject(storageURI, id: id) == uri, video.isCompleted(at: simulator.now())
        else {
            throw SimGoogleError.notFound("No such object: \(bucket.prefix(100))/\(object.prefix(200))")
        }
        return videoResponse()
    }
}
