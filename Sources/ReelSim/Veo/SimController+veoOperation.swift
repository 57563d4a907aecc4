import Foundation
import NIOCore

extension SimController {
    /// The operation name: `models/{model}/operations/{id}` (Gemini API) or
    /// `projects/{p}/locations/{l}/publishers/google/models/{model}/operations/{id}` (Vertex AI).
    func veoOperationName(id: String, model: String, caller: SimVeoCaller) -> String {
        switch caller.dialect {
        case .gemini: "models/\(model)/operations/\(id)"
        case .vertex(let project, let location): "projects/\(project)/locations/\(location)/publishers/google/models/\(model)/operations/\(id)"
        }
    }

    /// The operation as the dialect reports it now: not done; done with the video (a file URI on the Gemini API;
    /// on Vertex AI, inline bytes or a `gs://` object under the request's `storageUri`); done with everything
    /// filtered (`raiMediaFilteredCount`); done with an `error`.
    func veoOperation(_ video: SimVideo, caller: SimVeoCaller, host: String) -> [String: Any] {
        var operation: [String: Any] = ["name": veoOperationName(id: video.id, model: video.model, caller: caller)]
        let now = simulator.now()
        guard now >= video.completesAt else {
            operation["metadata"] = [:] as [String: Any]
            return operation
        }
        operation["done"] = true
        var results: [String: Any]
        switch video.outcome {
        case .success:
            switch caller.dialect {
            case .gemini:
                results = ["generatedSamples": [["video": ["uri": "https://\(host)/v1beta/files/\(video.id):download?alt=media"]]]]
            case .vertex:
                if let storageURI = video.storageURI {
                    results = ["videos": [["gcsUri": Self.veoResultObject(storageURI, id: video.id), "mimeType": "video/mp4"]]]
                } else {
                    results = ["videos": [["bytesBase64Encoded": videoData().base64EncodedString(), "mimeType": "video/mp4"]]]
                }
            }
        case .moderationBlocked:
            results = [
                "raiMediaFilteredCount": 1,
                "raiMediaFilteredReasons": ["The prompt could not be submitted. It contains content the safety filters block (simulated)."],
            ]
        case .generationFailed:
            operation["error"] = ["code": 13, "message": "Video generation failed due to an internal error (simulated)."]
            return operation
        }
        switch caller.dialect {
        case .gemini:
            operation["response"] = [
                "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
                "generateVideoResponse": results,
            ]
        case .vertex:
            results["@type"] = "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse"
            operation["response"] = results
        }
        return operation
    }
}
