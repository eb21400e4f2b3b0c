/// A 64-bit hash of a byte string at sixteen bytes per multiply (wyhash's step: a 128-bit product
/// folded to 64 bits), for long texts where FNV-1a's multiply per byte is the cost.
enum BlockHash {
    /// Odd constants with no zero byte (wyhash's secrets). A step loses the state when its first eight
    /// bytes equal `blockKey` (whose byte 0x03 is a control character, which folded text never holds)
    /// or its second eight equal the state (chance 2^-64 for text not made to hit it).
    static let seed: UInt64 = 0xA076_1D64_78BD_642F
    static let blockKey: UInt64 = 0xE703_7ED1_A0B4_28DB
    static let lengthKey: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var state = seed
        let count = bytes.count
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 16 <= count {
                let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self))
                state = mix(low ^ blockKey, high ^ state)
                index &+= 16
            }
        }
        // The last 0–15 bytes, zero-padded, little-endian; the length tells padding from zero bytes.
        var tail: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &tail) { tail in
            for offset in 0..<(count - index) { tail[offset] = bytes[index + offset] }
        }
        state = mix(UInt64(littleEndian: tail.0) ^ blockKey, UInt64(littleEndian: tail.1) ^ state)
        return mix(state ^ lengthKey, UInt64(count) ^ seed)
    }

    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
