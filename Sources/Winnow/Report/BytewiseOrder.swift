import Foundation

/// Strings in the order of their UTF-8 bytes (the report's order for ids and sites), compared with
/// `memcmp`: the same as `a.utf8.lexicographicallyPrecedes(b.utf8)`, which steps byte by byte.
enum BytewiseOrder {
    @inline(__always)
    static func precedes(_ a: String, _ b: String) -> Bool {
        // Native strings are read where they are; only bridged ones are copied first.
        if let order = a.utf8.withContiguousStorageIfAvailable({ left in
            b.utf8.withContiguousStorageIfAvailable { right in precedes(left, right) }
        }), let order {
            return order
        }
        var a = a, b = b
        return a.withUTF8 { left in b.withUTF8 { right in precedes(left, right) } }
    }

    private static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
        return order != 0 ? order < 0 : left.count < right.count
    }
}
