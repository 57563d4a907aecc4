/// Reads the duration of an MP4 from its first bytes (the `mvhd` box inside `moov`, present early in
/// "faststart" files such as the SDK's usual uploads).
package enum SimMP4 {
    /// How many leading bytes of an uploaded video are kept for probing.
    static let probeBytes = 64 << 10

    /// The movie duration in seconds, or nil when `head` holds no readable `moov/mvhd`.
    package static func duration(of head: [UInt8]) -> Double? {
        guard let moov = box("moov", in: head[...]), let mvhd = box("mvhd", in: moov), let version = mvhd.first else { return nil }
        let fields = mvhd.dropFirst(4)  // version and flags
        if version == 1 {
            guard let timescale = integer(fields, at: 16, size: 4), let duration = integer(fields, at: 20, size: 8), timescale > 0 else {
                return nil
            }
            return Double(duration) / Double(timescale)
        }
        guard let timescale = integer(fields, at: 8, size: 4), let duration = integer(fields, at: 12, size: 4), timescale > 0 else {
            return nil
        }
        return Double(duration) / Double(timescale)
    }

    /// The payload of the first box of `type` among the boxes that make up `data`.
    private static func box(_ type: String, in data: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var offset = data.startIndex
        while offset + 8 <= data.endIndex {
            guard var size = integer(data, at: offset - data.startIndex, size: 4) else { return nil }
            var header = 8
            if size == 1 {
                guard let large = integer(data, at: offset - data.startIndex + 8, size: 8) else { return nil }
                size = large
                header = 16
            } else if size == 0 {
                size = UInt64(data.endIndex - offset)
            }
            guard size >= UInt64(header) else { return nil }
            let name = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let end = offset + Int(clamping: size)
            if name == type { return data[(offset + header)..<min(end, data.endIndex)] }
            guard end > offset, end <= data.endIndex else { return nil }
            offset = end
        }
        return nil
    }

    /// A big-endian unsigned integer of `size` bytes at `position` from the start of `data`.
    private static func integer(_ data: ArraySlice<UInt8>, at position: Int, size: Int) -> UInt64? {
        let start = data.startIndex + position
        guard position >= 0, start + size <= data.endIndex else { return nil }
        return data[start..<(start + size)].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
