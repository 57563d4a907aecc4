/// Paths of files shipped in the repository, found from this source file's location.
enum RepositoryFiles {
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ReelRoutingTests/RepositoryFiles.swift
        return parts.joined(separator: "/")
    }()

    static func path(_ relative: String) -> String { "\(root)/\(relative)" }
}
