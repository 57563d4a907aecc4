import Foundation

/// Recognizes hosts that name this machine or a private network: loopback, private, carrier-grade NAT, link-local,
/// unspecified and multicast addresses, in every literal form libcurl accepts (`127.1`, `0x7f000001`,
/// `2130706433`, `[::ffff:127.0.0.1]`), and `localhost`.
enum PrivateAddress {
    /// Whether `host` (as in a URL, IPv6 with or without brackets) is such an address.
    static func contains(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        var v4 = in_addr()
        if inet_aton(name, &v4) != 0 { return isPrivate(v4: UInt32(bigEndian: v4.s_addr)) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            return isPrivate(v6: bytes)
        }
        return false
    }

    private static func isPrivate(v4 address: UInt32) -> Bool {
        let blocks: [(UInt32, Int)] = [
            (0x0000_0000, 8), (0x0A00_0000, 8), (0x6440_0000, 10), (0x7F00_0000, 8), (0xA9FE_0000, 16),
            (0xAC10_0000, 12), (0xC0A8_0000, 16), (0xC000_0000, 24), (0xE000_0000, 4), (0xF000_0000, 4),
        ]
        return blocks.contains { network, length in address >> (32 - length) == network >> (32 - length) }
    }

    private static func isPrivate(v6 bytes: [UInt8]) -> Bool {
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return bytes[15] <= 1 }  // :: and ::1
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {  // ::ffff:a.b.c.d
            return isPrivate(v4: bytes[12..<16].reduce(0) { $0 << 8 | UInt32($1) })
        }
        return bytes[0] == 0xFF || bytes[0] & 0xFE == 0xFC || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80)
    }
}
