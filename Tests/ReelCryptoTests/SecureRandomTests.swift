import ReelCrypto
import Testing

struct SecureRandomTests {
    @Test func identifiersAre128BitsOfLowercaseHexAndDoNotRepeat() {
        let identifiers = (0..<10_000).map { _ in SecureRandom.identifier() }
        #expect(identifiers.allSatisfy { $0.utf8.count == 32 && $0.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } })
        #expect(Set(identifiers).count == identifiers.count)
        // Every hex digit shows up in every position across 10,000 draws: no position is stuck.
        for position in 0..<32 {
            let digits = Set(identifiers.map { $0.utf8[$0.utf8.index($0.utf8.startIndex, offsetBy: position)] })
            #expect(digits.count == 16, "position \(position)")
        }
    }
}
