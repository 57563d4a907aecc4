import Foundation

extension VideoError {
    /// The error of a dead-lettered job, from the queue's reason `code: message` (such as
    /// `stalls_exhausted: …`); a reason of another shape becomes the message of `job_failed`.
    public init(deadLetterReason reason: String?) {
        let reason = reason ?? ""
        let parts = reason.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, !parts[0].isEmpty, !parts[0].contains(" ") {
            self.init(code: parts[0], message: parts[1])
        } else {
            self.init(code: "job_failed", message: reason.isEmpty ? "The job was given up." : reason)
        }
    }
}
