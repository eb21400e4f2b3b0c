/// The order of the report's clusters: largest first, then near-duplicate before exact, then kept id
/// bytewise. A cluster engine sorts by `key`, which orders its strings the same way.
enum ReportOrder {
    /// The positions of `clusters` in report order. The sort reads each cluster's size, kind and kept
    /// id's bytes from arrays of their own, not from the clusters (whose strings it retained at each
    /// comparison).
    static func sortedPositions(_ clusters: [RunReport.Cluster]) -> [Int] {
        var sizes: [Int] = []
        var near: [Bool] = []
        var keptEnds: [Int] = []
        var kept: [UInt8] = []
        sizes.reserveCapacity(clusters.count)
        near.reserveCapacity(clusters.count)
        keptEnds.reserveCapacity(clusters.count)
        for index in clusters.indices {
            sizes.append(clusters[index].size)
            near.append(clusters[index].kind == .nearDuplicate)
            kept += clusters[index].kept.utf8
            keptEnds.append(kept.count)
        }
        return kept.withUnsafeBufferPointer { kept in
            func keptID(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: kept[(index == 0 ? 0 : keptEnds[index - 1])..<keptEnds[index]])
            }
            return clusters.indices.sorted { a, b in
                if sizes[a] != sizes[b] { return sizes[a] > sizes[b] }
                if near[a] != near[b] { return near[a] }
                return BytewiseOrder.compare(keptID(a), keptID(b)) < 0
            }
        }
    }

    /// A string whose order (by code point, the same as by UTF-8 byte) is the report's, with no tab or
    /// line break in it: the size subtracted from 10^18 in 18 digits, the kind as 0 or 1, then the kept
    /// id's UTF-8 bytes in lower-case hex.
    static func key(_ cluster: RunReport.Cluster) -> String {
        let descending = String(1_000_000_000_000_000_000 - min(max(cluster.size, 1), 999_999_999_999_999_999))
        var key = String(repeating: "0", count: 18 - descending.count) + descending
        key += cluster.kind == .nearDuplicate ? "0" : "1"
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * cluster.kept.utf8.count)
        for byte in cluster.kept.utf8 { Hex.append(UInt64(byte), digits: 2, to: &hex) }
        return key + String(decoding: hex, as: UTF8.self)
    }
}
