#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding bytes in bytes with `memchr` and `memcmp` (the standard library's generic
/// `firstRange(of:)` is far slower on hot paths).
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`, or nil.
    static func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let first = Int32(pattern[0])
            let lastStart = haystack.count - pattern.count
            var offset = 0
            while offset <= lastStart {
                guard let hit = memchr(base + offset, first, lastStart - offset + 1) else { return nil }
                let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if memcmp(base + position, pattern.baseAddress!, pattern.count) == 0 { return position }
                offset = position + 1
            }
            return nil
        }
    }

    /// The offset of the first `byte` in `haystack` at or after `start`, or nil.
    static func firstOffset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, start < haystack.count,
            let hit = memchr(base + start, Int32(byte), haystack.count - start)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { firstOffset(of: needle, in: $0) != nil }
    }

    static func firstOffset(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        haystack.withUnsafeBufferPointer { buffer in firstOffset(of: needle, in: buffer).map { $0 + haystack.startIndex } }
    }
}
