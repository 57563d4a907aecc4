import Foundation
public import ReelRouting

extension ModelCatalog {
    /// Reads catalog JSON from a file.
    public static func load(path: String) throws(ConfigurationError) -> ModelCatalog {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(.unreadable, message: "cannot read the model catalog \(path): \(error.localizedDescription)")
        }
        return try ModelCatalog(json: text)
    }

    /// The catalog a process starts from: the file `reel_settings.catalog` names, else ``default``.
    /// (A newer catalog published through Redis replaces it once the process follows reloads.)
    public static func configured(by settings: ReelSettings) throws(ConfigurationError) -> ModelCatalog {
        guard let path = settings.catalogPath else { return .default }
        return try load(path: path)
    }
}
