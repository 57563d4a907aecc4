extension AESGCM {
    /// The result of sealing: nonce, ciphertext and tag, also available as one byte string.
    public struct SealedBox: Sendable, Hashable {
        /// The 12-byte nonce.
        public let nonce: [UInt8]
        /// The encrypted bytes (as long as the plaintext).
        public let ciphertext: [UInt8]
        /// The 16-byte authentication tag.
        public let tag: [UInt8]

        /// Creates a box from its parts.
        public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
            self.nonce = nonce
            self.ciphertext = ciphertext
            self.tag = tag
        }

        /// Splits `combined` (nonce ‖ ciphertext ‖ tag).
        /// - Throws: `CryptoError.malformedInput` when it is shorter than a nonce and a tag.
        public init(combined: [UInt8]) throws(CryptoError) {
            guard combined.count >= AESGCM.nonceSize + AESGCM.tagSize else {
                throw CryptoError(.malformedInput, message: "a sealed box is at least \(AESGCM.nonceSize + AESGCM.tagSize) bytes")
            }
            nonce = Array(combined.prefix(AESGCM.nonceSize))
            ciphertext = Array(combined.dropFirst(AESGCM.nonceSize).dropLast(AESGCM.tagSize))
            tag = Array(combined.suffix(AESGCM.tagSize))
        }

        /// nonce ‖ ciphertext ‖ tag.
        public var combined: [UInt8] { nonce + ciphertext + tag }
    }
}
