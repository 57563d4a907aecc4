/// The rule every blob key follows, whatever the store.
enum BlobKey {
    /// Whether `key` is `/`-separated segments of ASCII letters, digits, `.`, `_` and `-`, none empty or starting
    /// with `.` (so it can name neither a parent directory nor a hidden file, and needs no escaping in a URL).
    static func isValid(_ key: String) -> Bool {
        let segments = key.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return !segments.isEmpty && segments.allSatisfy { segment in
            segment.first.map { $0 != UInt8(ascii: ".") } ?? false && segment.allSatisfy(isAllowed)
        }
    }

    /// Throws ``StorageError/Code/invalidKey`` unless `key` is valid.
    static func validate(_ key: String) throws(StorageError) {
        guard isValid(key) else { throw StorageError(.invalidKey, message: "invalid blob key '\(key)'") }
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
