/// Bottom-k sketches of shingle sets, which verify candidate pairs: a document's sketch is its
/// `size` smallest distinct shingle hashes (upper 32 bits), ascending, or all of them when it has fewer.
///
/// Two sketches give the Jaccard similarity and containment of their documents *exactly* when both
/// hold every shingle (documents of fewer than `size` shingles, most news articles at the default
/// 256), and otherwise estimate them from the shingles below both sketches' cut-off, a uniform sample
/// of the union. With more values than MinHash slots and no sampling at all for short documents, the
/// estimate is far tighter than the signature's: the signature finds candidates, the sketch judges them.
public struct ShingleSketch: Sendable, Equatable {
    /// Hashes kept per document; a sketch with fewer values holds the whole set.
    public let size: Int

    public init(size: Int) {
        precondition(size > 0, "a sketch keeps at least one hash")
        self.size = size
    }

    /// Appends the sketch of `shingles` to `values`.
    public func appendSketch(of shingles: [UInt64], to values: inout [UInt32]) {
        // Hashes are uniform, so the `size` smallest of n lie below about size/n of the range: keep
        // what falls under a bound four standard deviations above that, and sort only those. A
        // document that runs short under the bound (repeated shingles; one in 30,000 otherwise)
        // starts again with no bound.
        let expected = (Double(size) + 4 * Double(size).squareRoot()) / Double(max(shingles.count, 1))
        var bound = expected >= 1 ? UInt32.max : UInt32(expected * 4_294_967_296)
        while true {
            var kept = [UInt32](unsafeUninitializedCapacity: shingles.count) { kept, initialized in
                var count = 0
                for shingle in shingles {
                    // Written always, kept only when under the bound: no branch to mispredict.
                    let half = UInt32(truncatingIfNeeded: shingle >> 32)
                    kept[count] = half
                    count += half <= bound ? 1 : 0
                }
                initialized = count
            }
            Self.sortAscending(&kept, upTo: bound)
            Self.removeRepeats(&kept)
            if kept.count >= size || bound == UInt32.max {
                values.append(contentsOf: kept.prefix(size))
                return
            }
            bound = UInt32.max
        }
    }

    /// Removes adjacent repeats from sorted `values`.
    static func removeRepeats(_ values: inout [UInt32]) {
        guard values.count > 1 else { return }
        var kept = 1
        for index in 1..<values.count where values[index] != values[kept - 1] {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
    }

    /// Sorts `values`, all at most `bound`, ascending. Hash values spread evenly under the bound, so
    /// one counting pass into about as many buckets as values leaves only neighbours to swap: an
    /// insertion pass finishes it in linear time (any input is sorted; uneven ones only slower).
    static func sortAscending(_ values: inout [UInt32], upTo bound: UInt32) {
        let count = values.count
        guard count > 1 else { return }
        var buckets = 16
        while buckets < count { buckets <<= 1 }
        // bucket(v) = v · buckets / (bound + 1), as a multiply and a shift.
        let factor = (UInt64(buckets) << 32) / (UInt64(bound) + 1)
        var starts = [Int](repeating: 0, count: buckets + 1)
        let sorted = [UInt32](unsafeUninitializedCapacity: count) { sorted, initialized in
            starts.withUnsafeMutableBufferPointer { starts in
                values.withUnsafeBufferPointer { values in
                    for value in values { starts[Int((UInt64(value) &* factor) >> 32) + 1] += 1 }
                    for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
                    for value in values {
                        let bucket = Int((UInt64(value) &* factor) >> 32)
                        sorted[starts[bucket]] = value
                        starts[bucket] += 1
                    }
                }
            }
            for index in 1..<count {
                let value = sorted[index]
                var position = index
                while position > 0 && sorted[position - 1] > value {
                    sorted[position] = sorted[position - 1]
                    position -= 1
                }
                sorted[position] = value
            }
            initialized = count
        }
        values = sorted
    }

    /// What two sketches say about their documents.
    public struct Comparison: Sendable, Equatable {
        /// The Jaccard similarity of the two shingle sets.
        public var jaccard: Double
        /// The share of the smaller set found in the larger (the larger of the two directed shares).
        public var containment: Double
        /// Whether both sketches held their whole sets, so the figures are exact.
        public var exact: Bool
        /// The standard error of `jaccard` (0 when exact): binomial over the union's sampled shingles,
        /// with the finite-population correction for the share of the union they are.
        public var standardError: Double
    }

    /// Compares two sketches as `appendSketch` wrote them.
    public func compare(_ first: ArraySlice<UInt32>, _ second: ArraySlice<UInt32>) -> Comparison {
        let firstWhole = first.count < size, secondWhole = second.count < size
        // Below the cut-off every shingle of either document is in its sketch, so membership in both
        // sets is known there: the union's shingles up to it are a uniform sample of the union.
        let cutOff = min(
            firstWhole ? UInt64.max : UInt64(first.last ?? 0),
            secondWhole ? UInt64.max : UInt64(second.last ?? 0))
        let (inFirst, inSecond, shared) = first.withUnsafeBufferPointer { a in
            second.withUnsafeBufferPointer { b in
                let inFirst = Self.count(a, upTo: cutOff), inSecond = Self.count(b, upTo: cutOff)
                let shared = Self.sharedCount(
                    UnsafeBufferPointer(rebasing: a[..<inFirst]), UnsafeBufferPointer(rebasing: b[..<inSecond]))
                return (inFirst, inSecond, shared)
            }
        }
        let exact = firstWhole && secondWhole
        let union = inFirst + inSecond - shared
        guard union > 0 else { return Comparison(jaccard: 0, containment: 0, exact: exact, standardError: 0) }
        let containment = max(
            inFirst > 0 ? Double(shared) / Double(inFirst) : 0,
            inSecond > 0 ? Double(shared) / Double(inSecond) : 0)
        let jaccard = Double(shared) / Double(union)
        var standardError = 0.0
        if !exact {
            // The union's size from the density of its hashes below the cut-off (hashes are uniform).
            let unionSize = Double(union) * 4_294_967_296 / Double(cutOff + 1)
            let unsampled = max(0, 1 - Double(union) / unionSize)
            standardError = (jaccard * (1 - jaccard) / Double(union) * unsampled).squareRoot()
        }
        return Comparison(jaccard: jaccard, containment: containment, exact: exact, standardError: standardError)
    }

    /// How many of the ascending `values` are at most `bound` (a binary search).
    static func count(_ values: UnsafeBufferPointer<UInt32>, upTo bound: UInt64) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if UInt64(values[middle]) <= bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The number of values two ascending lists without repeats share. Four of each are compared at
    /// once, each of one against all four of the other (rotated), and the block whose last value is
    /// smaller moves on; the last few go through a plain merge.
    static func sharedCount(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        var i = 0, j = 0
        var found = SIMD4<UInt32>()
        if let aBase = a.baseAddress, let bBase = b.baseAddress {
            let one = SIMD4<UInt32>(repeating: 1)
            while i &+ 4 <= a.count && j &+ 4 <= b.count {
                let x = UnsafeRawPointer(aBase + i).loadUnaligned(as: SIMD4<UInt32>.self)
                let y = UnsafeRawPointer(bBase + j).loadUnaligned(as: SIMD4<UInt32>.self)
                let matches =
                    (x .== y) .| (x .== SIMD4(y[1], y[2], y[3], y[0])) .| (x .== SIMD4(y[2], y[3], y[0], y[1]))
                    .| (x .== SIMD4(y[3], y[0], y[1], y[2]))
                found &+= SIMD4<UInt32>().replacing(with: one, where: matches)
                let lastX = x[3], lastY = y[3]
                i &+= lastX <= lastY ? 4 : 0
                j &+= lastY <= lastX ? 4 : 0
            }
        }
        var shared = Int(found.wrappedSum())
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            shared += x == y ? 1 : 0
            i += x <= y ? 1 : 0
            j += y <= x ? 1 : 0
        }
        return shared
    }
}
