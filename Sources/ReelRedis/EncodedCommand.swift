/// One command's arguments, stored contiguously so they can be handed to hiredis as an argv without copies.
struct EncodedCommand: Sendable {
    /// How long a command may block on the server by itself.
    enum BlockingTime: Equatable {
        case notBlocking
        case forever
        case upTo(Duration)
    }

    /// All arguments back to back, plus one trailing byte so the buffer is never empty.
    private(set) var storage: [UInt8] = []
    /// The length of each argument in `storage`.
    private(set) var lengths: [Int] = []

    init(_ arguments: [String]) throws(RedisError) {
        guard !arguments.isEmpty else { throw Self.emptyCommand }
        for argument in arguments {
            storage.append(contentsOf: argument.utf8)
            lengths.append(argument.utf8.count)
        }
        storage.append(0)
    }

    init(_ arguments: [[UInt8]]) throws(RedisError) {
        guard !arguments.isEmpty else { throw Self.emptyCommand }
        for argument in arguments {
            storage.append(contentsOf: argument)
            lengths.append(argument.count)
        }
        storage.append(0)
    }

    private static var emptyCommand: RedisError { RedisError(.protocolError, message: "a command needs at least one argument") }

    /// The argument at `index` decoded as UTF-8, or `nil` past the end.
    func argument(_ index: Int) -> String? {
        guard lengths.indices.contains(index) else { return nil }
        let start = lengths[..<index].reduce(0, +)
        return String(decoding: storage[start..<start + lengths[index]], as: UTF8.self)
    }

    /// The blocking time of the blocking commands (`BLPOP`, `BZPOPMIN`, `XREAD BLOCK`, `WAIT`, …), read from their arguments.
    var blockingTime: BlockingTime {
        func seconds(_ text: String?) -> BlockingTime {
            guard let text, let value = Double(text), value >= 0 else { return .notBlocking }
            return value == 0 ? .forever : .upTo(.milliseconds(Int((value * 1000).rounded(.up))))
        }
        switch argument(0)?.uppercased() {
        case "BLPOP", "BRPOP", "BRPOPLPUSH", "BLMOVE", "BZPOPMIN", "BZPOPMAX":
            return seconds(argument(lengths.count - 1))
        case "BLMPOP", "BZMPOP":
            return seconds(argument(1))
        case "WAIT":
            // WAIT numreplicas timeout-in-milliseconds
            guard let milliseconds = argument(2).flatMap(Double.init) else { return .notBlocking }
            return seconds(String(milliseconds / 1000))
        case "XREAD", "XREADGROUP":
            guard let index = (1..<lengths.count).first(where: { argument($0)?.uppercased() == "BLOCK" }),
                let milliseconds = argument(index + 1).flatMap(Double.init)
            else { return .notBlocking }
            return seconds(String(milliseconds / 1000))
        default:
            return .notBlocking
        }
    }
}
