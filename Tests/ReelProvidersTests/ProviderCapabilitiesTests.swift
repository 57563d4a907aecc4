import ReelProviders
import ReelVideo
import Testing

struct ProviderCapabilitiesTests {
    static let veo31 = ProviderCapabilities.veo(model: "veo-3.1-generate-001")
    static let veo3 = ProviderCapabilities.veo(model: "veo-3.0-generate-001")
    static let veo2 = ProviderCapabilities.veo(model: "veo-2.0-generate-001")

    @Test func familiesStateWhatTheyDo() {
        let openAI = ProviderCapabilities.openAI
        #expect(openAI.operations == Set(ProviderCapabilities.Operation.allCases))
        #expect(openAI.variants == [.video, .thumbnail, .spritesheet])
        #expect(Self.veo31.operations == [.create, .extend])
        #expect(Self.veo31.variants == [.video])
        #expect(Self.veo31.seconds == ["4", "6", "8"])
        #expect(Self.veo31.extensionSeconds == ["7"])
        #expect(Self.veo31.sizes.contains("3840x2160"))
        #expect(Self.veo3.operations == [.create])
        #expect(!Self.veo3.sizes.contains("3840x2160"))
        #expect(Self.veo2.seconds == ["5", "6", "7", "8"])
        #expect(Self.veo2.sizes == ["1280x720", "720x1280"])
        #expect(Self.veo31.inputs == [.image])
    }

    @Test(arguments: [
        (ProviderCapabilities.Requirement(operation: .create, seconds: "8", size: "1920x1080", input: .image), true),
        (.init(operation: .create, seconds: "12"), false),
        (.init(operation: .create, size: "1792x1024"), false),
        (.init(operation: .create, input: .video), false),
        (.init(operation: .extend, seconds: "7"), true),
        (.init(operation: .extend, seconds: "8"), false),
        (.init(operation: .remix), false),
        (.init(operation: .edit), false),
        (.init(operation: .characters), false),
        (.init(operation: .delete), false),
    ])
    func veoTakesWhatItTakes(requirement: ProviderCapabilities.Requirement, served: Bool) {
        #expect(Self.veo31.satisfies(requirement) == served)
    }

    @Test func aRemixOnAVeoOnlyGroupIsAnUnsupportedOperation() throws {
        let refusal = try #require(ProviderCapabilities.refusal(.init(operation: .remix), group: [Self.veo31, Self.veo3]))
        #expect(refusal.code == "unsupported_operation")
        #expect(refusal.param == nil)
        #expect(refusal.message == "This model does not support remix; it supports: create, extend.")
    }

    @Test func secondsAVeoGroupDoesNotTakeNameTheAcceptedValues() throws {
        let refusal = try #require(ProviderCapabilities.refusal(.init(operation: .create, seconds: "12"), group: [Self.veo31, Self.veo2]))
        #expect(refusal.code == "invalid_value")
        #expect(refusal.param == "seconds")
        #expect(refusal.message == "Invalid value: '12'. Supported values are: '4', '6', '8', '5', '7'.")
        let size = try #require(ProviderCapabilities.refusal(.init(operation: .create, size: "1x1"), group: [Self.veo2]))
        #expect(size.param == "size")
        #expect(size.message == "Invalid value: '1x1'. Supported values are: '1280x720', '720x1280'.")
    }

    @Test func aMixedGroupServesWhatAnyMemberServes() {
        let group = [ProviderCapabilities.openAI, Self.veo31]
        #expect(ProviderCapabilities.refusal(.init(operation: .remix), group: group) == nil)
        #expect(group.filter { $0.satisfies(.init(operation: .remix)) } == [.openAI])
        #expect(group.filter { $0.satisfies(.init(operation: .create, seconds: "8")) }.count == 2)
        #expect(group.filter { $0.satisfies(.init(operation: .create, seconds: "6")) } == [Self.veo31])
        #expect(ProviderCapabilities.refusal(.init(operation: .create, seconds: "5"), group: group)?.code == "invalid_value")
    }
}
