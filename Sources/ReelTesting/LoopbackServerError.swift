/// The server of ``withLoopbackServer(_:_:)`` stopped before it listened, without saying why.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String { "the test server stopped before it listened" }
}
