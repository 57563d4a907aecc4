/// Logger metadata keys of the router.
enum RouterLogging {
    static let deploymentID = "reel.deployment.id"
    static let cooldownMilliseconds = "reel.cooldown.ms"
    static let catalogVersion = "reel.catalog.version"
    static let catalogModels = "reel.catalog.models"
    static let configVersion = "reel.config.version"
    static let error = "reel.error"
}
