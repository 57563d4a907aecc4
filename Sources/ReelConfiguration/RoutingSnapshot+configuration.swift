public import ReelRouting

extension RoutingSnapshot {
    /// Builds a snapshot from a configuration.
    public convenience init(configuration: ReelConfiguration, catalog: ModelCatalog, catalogVersion: Int = 0) {
        self.init(deployments: configuration.deployments, catalog: catalog, settings: configuration.router, catalogVersion: catalogVersion)
    }
}
