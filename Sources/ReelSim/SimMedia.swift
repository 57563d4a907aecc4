public import NIOCore
import Foundation

/// The small, valid media files the simulator serves, also handy as upload bodies in tests.
public enum SimMedia {
    /// A 2 s 320x180 H.264 MP4 (the `video` variant).
    public static let clipMP4 = decode(clipMP4Base64)
    /// A 320x180 WebP still (the `thumbnail` variant).
    public static let thumbnailWebP = decode(thumbnailWebPBase64)
    /// A 6x4 tiled JPEG (the `spritesheet` variant).
    public static let spritesheetJPEG = decode(spritesheetJPEGBase64)
    /// A 64x64 PNG, usable as an `input_reference`.
    public static let referencePNG = decode(referencePNGBase64)

    private static func decode(_ base64: String) -> ByteBuffer {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("bundled media is valid base64")
        }
        return ByteBuffer(bytes: data)
    }
}
