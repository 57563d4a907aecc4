import Testing

import ReelSim

struct SimFormTests {
    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "boundary", "abc"),
        ("multipart/form-data; boundary=\"a;b c\"", "boundary", "a;b c"),
        ("form-data; name=\"video\"; filename=\"clip.mp4\"", "filename", "clip.mp4"),
        ("form-data; name=\"characters[][id]\"", "name", "characters[][id]"),
        ("form-data; name=\"a\\\"b\"", "name", "a\"b"),
    ])
    func parsesHeaderParameters(header: String, name: String, value: String) {
        #expect(SimForm.parameter(name, in: header) == value)
    }

    @Test func missingParameterIsNil() {
        #expect(SimForm.parameter("filename", in: "form-data; name=\"prompt\"") == nil)
        #expect(SimForm.parameter("boundary", in: "multipart/form-data") == nil)
    }
}
