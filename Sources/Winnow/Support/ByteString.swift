/// A string that is equal, hashed and ordered by its UTF-8 bytes, as a dictionary key: `String`'s
/// own equality follows Unicode canonical equivalence, which makes "café" and "cafe\u{301}" one key.
public struct ByteString: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let string: String

    public init(_ string: String) {
        self.string = string
    }

    public init(stringLiteral value: String) {
        string = value
    }

    public var description: String { string }

    public static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        BytewiseOrder.equal(lhs.string, rhs.string)
    }

    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        BytewiseOrder.precedes(lhs.string, rhs.string)
    }

    public func hash(into hasher: inout Hasher) {
        BytewiseOrder.hash(string, into: &hasher)
    }
}
