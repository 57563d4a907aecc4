extension RoutingSnapshot {
    /// Checks that a key whose model list is `patterns` may use `model`.
    ///
    /// A pattern grants the model when it is
    /// - `*` (every model);
    /// - an access group (`model_info.access_groups`) of a deployment that serves the model;
    /// - the model's name, written bare or with its provider (`sora-2` and `openai/sora-2` are the same model
    ///   when the catalog says `sora-2` is OpenAI's);
    /// - a glob (`openai/*`, `openai/sora-*`; `.` is literal) matching the model or its catalog-qualified name,
    ///   provided the model is known: configured as a group, or in the current catalog.
    ///
    /// An empty list grants nothing; callers that give a key every model pass `["*"]`.
    /// - Throws: `RoutingError.modelNotAllowed`, naming the key's patterns and the requested model.
    public func checkAccess(patterns: [String], model: String) throws(RoutingError) {
        guard !isAllowed(patterns: patterns, model: model) else { return }
        let list = patterns.map { "'\($0)'" }.joined(separator: ", ")
        throw RoutingError(
            .modelNotAllowed,
            message: "This key is not allowed to access model `\(model)`. This key can only access models=[\(list)]."
        )
    }

    /// Whether `patterns` grant `model` (see ``checkAccess(patterns:model:)``).
    public func isAllowed(patterns: [String], model: String) -> Bool {
        let qualified = catalog.qualifiedName(of: model)
        let isKnown = qualified != nil || groups[model] != nil
        var servingGroups: Set<String>?
        for text in patterns {
            if text == "*" || text == model { return true }
            if accessGroupNames.contains(text) {
                if servingGroups == nil { servingGroups = Set(deployments(for: model).flatMap(\.accessGroups)) }
                if servingGroups?.contains(text) == true { return true }
                continue
            }
            let pattern = ModelPattern(text)
            if pattern.isGlob {
                if isKnown, pattern.matches(model) || qualified.map(pattern.matches) == true { return true }
            } else if let qualified, catalog.qualifiedName(of: text) == qualified {
                return true
            }
        }
        return false
    }
}
