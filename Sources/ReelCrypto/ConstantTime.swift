import COpenSSL

/// Comparisons whose running time does not depend on where the inputs differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Only the lengths may leak through timing.
    public static func equals(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { l in
            b.withUnsafeBytes { r in CRYPTO_memcmp(l.baseAddress, r.baseAddress, l.count) == 0 }
        }
    }

    /// Whether `a` and `b` hold the same bytes. Only the lengths may leak through timing.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        equals(a[...], b[...])
    }
}
