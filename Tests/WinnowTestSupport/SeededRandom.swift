import Foundation

/// SplitMix64, a small seeded generator for test data: the same seed gives the same data on every
/// machine, so a failing case can be replayed from the seed its message prints.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The seed of this test process's randomised tests: `WINNOW_TEST_SEED` when set (to replay a
    /// failure), else a fresh one; the tests print it in their failure messages.
    public static let testSeed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["WINNOW_TEST_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64.max)
    }()

    /// A generator for one randomised test, seeded from `testSeed` and the test's own salt.
    public static func forTest(_ salt: UInt64) -> SeededRandom { SeededRandom(seed: testSeed ^ salt) }

    /// What a failure message says so that the run can be replayed.
    public static var replay: String { "WINNOW_TEST_SEED=\(testSeed)" }
}
