/// `DELETE /v1/videos/{id}`: `{id, object:"video.deleted", deleted:true}`.
struct VideoDeleted: Encodable, Sendable, Equatable {
    var id: String
    var object = "video.deleted"
    var deleted = true

    /// Creates the answer for `id`.
    init(id: String) { self.id = id }
}
