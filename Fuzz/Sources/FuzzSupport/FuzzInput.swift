/// One fuzzer input: a few leading bytes choose the target's settings (limits, chunk sizes, flags),
/// the rest is the data under test. Missing setting bytes read as 0, so every input is usable.
public struct FuzzInput {
    private var bytes: ArraySlice<UInt8>

    /// Copies the `count` bytes at `start` (libFuzzer's buffer, valid only during the call).
    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count))[...] } ?? []
    }

    /// Takes the next setting byte.
    public mutating func byte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// The bytes left after the settings: the data under test.
    public var rest: [UInt8] { Array(bytes) }
}
