import Testing

@testable import Winnow

/// Keys of JSON numbers sort as the numbers do, exactly, and only JSON numbers have one.
@Suite struct DecimalKeyTests {
    static func key(_ json: String) -> [UInt8]? { DecimalKey.of(Array(json.utf8)) }

    @Test func keysSortAsTheNumbers() throws {
        // Ascending; numbers in one inner list are equal.
        let ascending: [[String]] = [
            ["-1.5e20"], ["-1e20", "-100000000000000000000"], ["-12345678901234567891"], ["-100", "-1e2", "-1.00E+2"],
            ["-99.5"], ["-1", "-1.0"], ["-0.5", "-5e-1"], ["-0.05"], ["-1e-9"], ["0", "-0", "0.000", "0e7"], ["1e-9"],
            ["0.05", "5E-2"], ["0.5"], ["1", "1.0", "10e-1"], ["1.5"], ["2"], ["10"], ["99.99"], ["100", "1e2"],
            ["1000", "1e3"], ["1700000000000000000"], ["1700000000000000001"], ["12345678901234567891"],
            ["1e20"], ["1.5e20"],
        ]
        let keys = try ascending.map { group in try group.map { try #require(Self.key($0), "\($0)") } }
        for (index, group) in keys.enumerated() {
            #expect(Set(group).count == 1, "\(ascending[index]) are one number")
            if index > 0 {
                #expect(keys[index - 1][0].lexicographicallyPrecedes(group[0]), "\(ascending[index - 1]) < \(ascending[index])")
                // Inverted, the order turns round: no key is a prefix of another.
                #expect(group[0].map { ~$0 }.lexicographicallyPrecedes(keys[index - 1][0].map { ~$0 }))
            }
        }
    }

    @Test func onlyJSONNumbersHaveAKey() {
        for json in ["", "-", "+1", ".5", "1.", "1e", "1e+", "--1", "1x", "true", "\"1\"", "0x10", "1 "] {
            #expect(Self.key(json) == nil, "\(json)")
        }
        #expect(Self.key("1e99999999999999999999") != nil, "a huge exponent saturates")
    }
}
