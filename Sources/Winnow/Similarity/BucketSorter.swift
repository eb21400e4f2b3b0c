/// Sorts one band's bucket keys for the LSH clustering: key `k` at position `p` becomes the word
/// `k << 32 | p`, and the words come out in ascending order, so a bucket's members are adjacent and
/// in position (keep) order. A stable radix sort on the key (three passes of 11 bits) does it in
/// linear time; the buffers are kept between bands.
struct BucketSorter {
    private var scratch: [UInt64] = []
    private var counts = [Int](repeating: 0, count: 3 * BucketSorter.radix)
    private static let bits = 11
    private static let radix = 1 << bits
    /// Below this many keys a comparison sort is cheaper than clearing the radix counters.
    private static let smallInput = 4096

    /// Replaces `sorted` with the packed words of `keys` (position = index in `keys`) in ascending order.
    mutating func sort(_ keys: ArraySlice<UInt32>, into sorted: inout [UInt64]) {
        precondition(keys.count <= Int(UInt32.max), "too many keys for 32-bit positions")
        sorted.removeAll(keepingCapacity: true)
        for (position, key) in keys.enumerated() { sorted.append(UInt64(key) << 32 | UInt64(position)) }
        guard sorted.count >= Self.smallInput else {
            sorted.sort()
            return
        }
        // Positions are already ascending, so a stable sort on the key alone sorts the whole word.
        let count = sorted.count
        let radix = Self.radix, mask = UInt64(radix - 1)
        for index in counts.indices { counts[index] = 0 }
        for word in sorted {
            let key = word >> 32
            counts[Int(key & mask)] += 1
            counts[radix + Int((key >> 11) & mask)] += 1
            counts[2 * radix + Int(key >> 22)] += 1
        }
        for pass in 0..<3 {
            var total = 0
            for digit in (pass * radix)..<((pass + 1) * radix) {
                let bucketSize = counts[digit]
                counts[digit] = total
                total += bucketSize
            }
        }
        if scratch.count != count { scratch = [UInt64](repeating: 0, count: count) }
        sorted.withUnsafeMutableBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { target in
                counts.withUnsafeMutableBufferPointer { offsets in
                    Self.scatter(from: source, to: target, count: count, shift: 32, offsets: offsets, base: 0)
                    Self.scatter(from: target, to: source, count: count, shift: 43, offsets: offsets, base: radix)
                    Self.scatter(from: source, to: target, count: count, shift: 54, offsets: offsets, base: 2 * radix)
                }
            }
        }
        // The last pass wrote the scratch buffer: it becomes the result, the old result the scratch.
        swap(&sorted, &scratch)
    }

    /// One stable pass: each word goes to the next free slot of its digit (bits `shift`..< `shift` + 11).
    private static func scatter(
        from source: UnsafeMutableBufferPointer<UInt64>, to target: UnsafeMutableBufferPointer<UInt64>,
        count: Int, shift: UInt64, offsets: UnsafeMutableBufferPointer<Int>, base: Int
    ) {
        let mask = UInt64(radix - 1)
        for index in 0..<count {
            let word = source[index]
            let digit = base + Int((word >> shift) & mask)
            target[offsets[digit]] = word
            offsets[digit] += 1
        }
    }
}
