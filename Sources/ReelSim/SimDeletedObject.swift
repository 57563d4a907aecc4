/// The answer to a delete: `{id, object:"video.deleted", deleted:true}`.
struct SimDeletedObject: Encodable, Sendable {
    let id: String
    let object = "video.deleted"
    let deleted = true
}
