import Foundation

/// Strings compared by their UTF-8 bytes (the order and the equality of ids and sites), with `memcmp`:
/// `==` and `<` on `String` follow Unicode canonical equivalence, so "é" and "e\u{301}" would be one id.
enum BytewiseOrder {
    @inline(__always)
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Whether the two strings are the same bytes.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && compare(a, b) == 0
    }

    /// Negative, zero or positive as `a`'s bytes come before, equal or after `b`'s.
    static func compare(_ a: String, _ b: String) -> Int {
        // Native strings are read where they are; only bridged ones are copied first.
        if let order = a.utf8.withContiguousStorageIfAvailable({ left in
            b.utf8.withContiguousStorageIfAvailable { right in compare(left, right) }
        }), let order {
            return order
        }
        var a = a, b = b
        return a.withUTF8 { left in b.withUTF8 { right in compare(left, right) } }
    }

    /// Whether `bytes` come before the UTF-8 of `string`: a text not yet made a string compared as one.
    static func precedes(_ bytes: UnsafeBufferPointer<UInt8>, _ string: String) -> Bool {
        if let order = string.utf8.withContiguousStorageIfAvailable({ compare(bytes, $0) }) { return order < 0 }
        var string = string
        return string.withUTF8 { compare(bytes, $0) } < 0
    }

    /// Negative, zero or positive as the bytes of `left` come before, equal or after `right`'s.
    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
        return order != 0 ? Int(order) : left.count - right.count
    }

    /// Feeds a string's bytes to `hasher`: the hash that goes with `equal`.
    static func hash(_ string: String, into hasher: inout Hasher) {
        // Read where it is: a mutable copy for `withUTF8` retained and released the string at every lookup.
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            var copy = string
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        hasher.combine(string.utf8.count)
    }
}
