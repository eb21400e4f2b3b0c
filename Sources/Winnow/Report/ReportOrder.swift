/// The order of the report's clusters: largest first, then near-duplicate before exact, then kept id
/// bytewise. A cluster engine sorts by `key`, which orders its strings the same way.
enum ReportOrder {
    /// The positions of `clusters` in report order. Fields are read where they are: sorting hundreds
    /// of thousands of clusters copies none of them (nor retains the array at each comparison).
    static func sortedPositions(_ clusters: [RunReport.Cluster]) -> [Int] {
        clusters.withUnsafeBufferPointer { clusters in
            clusters.indices.sorted { a, b in
                if clusters[a].size != clusters[b].size { return clusters[a].size > clusters[b].size }
                if clusters[a].kind != clusters[b].kind { return clusters[a].kind == .nearDuplicate }
                return BytewiseOrder.precedes(clusters[a].kept, clusters[b].kept)
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
