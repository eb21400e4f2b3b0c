import Foundation

/// Strings in the order of their UTF-8 bytes (the report's order for ids and sites), compared with
/// `memcmp`: the same as `a.utf8.lexicographicallyPrecedes(b.utf8)`, which steps byte by byte.
enum BytewiseOrder {
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }
}
