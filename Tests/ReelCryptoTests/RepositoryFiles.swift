import Foundation

/// Files shipped in the repository, found from this source file's location.
enum RepositoryFiles {
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/ReelCryptoTests/RepositoryFiles.swift
        return parts.joined(separator: "/")
    }()

    /// The text of the file at `relative` (from the repository root).
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8)
    }
}
