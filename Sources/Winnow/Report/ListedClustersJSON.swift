/// The JSON of the clusters report.json and the page list (the first `RunReport.clustersListed` in
/// report order) as cluster-list.jsonl writes them: a cluster's object, and its members' array, are
/// the same bytes in all three files, so they are written once and copied.
struct ListedClustersJSON {
    private var bytes: [UInt8] = []
    /// Per cluster, in report order: its object's range in `bytes`, and its members array's.
    private var objects: [Range<Int>] = []
    private var memberArrays: [Range<Int>] = []

    var count: Int { objects.count }

    /// Adds the next cluster: `json`, one cluster's object, whose members array is at `members`.
    mutating func append(_ json: [UInt8], members: Range<Int>) {
        let start = bytes.count
        bytes += json
        objects.append(start..<bytes.count)
        memberArrays.append((start + members.lowerBound)..<(start + members.upperBound))
    }

    /// The object of the cluster at `position`.
    func object(_ position: Int) -> ArraySlice<UInt8> { bytes[objects[position]] }

    /// The members array of the cluster at `position`.
    func members(_ position: Int) -> ArraySlice<UInt8> { bytes[memberArrays[position]] }
}
