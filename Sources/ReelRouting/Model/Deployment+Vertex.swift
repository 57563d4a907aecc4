extension Deployment {
    /// Where a `vertex_ai/` deployment calls Vertex AI and as whom: `vertex_project`, `vertex_location` and
    /// `vertex_credentials` of its `model_list` entry.
    public struct Vertex: Sendable, Hashable {
        /// `vertex_project`: the project calls are made in (operations live there).
        public var project: String
        /// `vertex_location`: the region, such as `us-central1`, or `global`.
        public var location: String
        /// The service-account key file's JSON text (`vertex_credentials`, inline or read from the file it names).
        public var credentials: String

        /// Creates the settings.
        public init(project: String, location: String, credentials: String) {
            self.project = project
            self.location = location
            self.credentials = credentials
        }
    }
}
