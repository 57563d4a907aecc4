import Foundation

/// Paths of files shipped in the repository, found from this source file's location.
public enum RepositoryFiles {
    /// The repository's root directory.
    public static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Sources/ReelTesting/RepositoryFiles.swift
        return parts.joined(separator: "/")
    }()

    /// The absolute path of a file given relative to the repository's root.
    public static func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The text of a file given relative to the repository's root.
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
