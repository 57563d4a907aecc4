import NIOCore
import Testing

import ReelSim

struct SimMP4Tests {
    @Test func readsTheDurationOfTheBundledClip() throws {
        let clip = SimMedia.clipMP4
        let duration = try #require(SimMP4.duration(of: Array(clip.readableBytesView)))
        #expect(abs(duration - 2) < 0.01)
    }

    @Test func garbageAndTruncatedFilesHaveNoDuration() {
        #expect(SimMP4.duration(of: []) == nil)
        #expect(SimMP4.duration(of: Array("definitely not an mp4 file".utf8)) == nil)
        #expect(SimMP4.duration(of: Array(SimMedia.clipMP4.readableBytesView.prefix(40))) == nil)
        #expect(SimMP4.duration(of: [0, 0, 0, 1, 0x6d, 0x6f, 0x6f, 0x76]) == nil)
    }
}
