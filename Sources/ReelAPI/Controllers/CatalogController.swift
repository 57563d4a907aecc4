import Hummingbird
import ReelQueue
import ReelStorage

/// `POST /reload/model_cost_map` (master key): re-reads the model catalog and publishes it to every front and worker.
struct CatalogController<Queue: JobQueueDriver, Keys: VirtualKeyStore, Blobs: BlobStore> {
    let front: VideoFront<Queue, Keys, Blobs>
    /// Loads and publishes the catalog; returns the new catalog version.
    let reload: @Sendable () async throws -> Int

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("reload/model_cost_map", use: reloadCatalog)
    }

    @Sendable func reloadCatalog(_ request: Request, context: APIRequestContext) async throws -> Response {
        try front.requireMaster(try context.requireCaller())
        let version = try await reload()
        return try jsonResponse(["status": AnyEncodable("success"), "catalog_version": AnyEncodable(version)])
    }
}
