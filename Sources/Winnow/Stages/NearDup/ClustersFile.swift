import Foundation

/// The near-duplicate clusters of a corpus: a header line, then one JSON object per cluster, largest
/// cluster first:
///
///     {"format":"winnow.clusters","version":5}
///     {"input":"s1.jsonl"}
///     {"cluster":"a17","size":3,"kept":"a17","members":[{"id":"a17","source":"s1.jsonl","line":4,"fingerprint":"5be0…","similarity":1},…]}
///     {"end_of_file":1}
///
/// `cluster` is the label every member carries (the kept document's id), `members` lists the kept
/// document first and then the others in keep order, each with its Jaccard similarity to the kept
/// one (exact for documents of fewer than `sketch` shingles, else estimated from the sketches), and
/// the hash of its folded words (16 hex digits), which apply checks. The `input` lines name the
/// inputs map read (`MapInputs`), which apply checks its own against. Documents in no line are alone. It is what `winnow neardup merge` writes and
/// `winnow neardup apply --clusters` reads; the assignments file (`{"id","cluster"}` per clustered
/// document) is the form `score_clusters.py` reads.
public enum ClustersFile {
    public static let format = "winnow.clusters"
    /// 3 since members carry their fingerprint, 4 since the file names the inputs map read, 5 since each
    /// character of a script written without spaces is a word (`WordHasher`): those fingerprints changed.
    public static let version = 5
    static let header = JSONValue.object([("format", .string(format)), ("version", .int(version))]).encoded()
    /// The headers of earlier versions, whose sizes the report still reads (`forEachSize`).
    static let earlierHeaders = [2, 3, 4].map { Array(#"{"format":"winnow.clusters","version":\#($0)}"#.utf8) }

    public static func write(_ clusters: DuplicateClusters, to path: String) throws(WinnowError) {
        try writing(clusters, to: path).commit()
    }

    /// The clusters file written whole to `path` but not yet renamed into place (`OutputFile.commit`).
    public static func writing(_ clusters: DuplicateClusters, to path: String) throws(WinnowError) -> OutputFile {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = header + [0x0A]
        let inputLines = clusters.inputs.appendLines(to: &buffer)
        // Read in place and appended byte by byte: each cluster copied, and each literal made an array, cost more than the rest.
        try clusters.clusters.withUnsafeBufferPointer { (clusters) throws(WinnowError) in
            for cluster in clusters {
                try cluster.members.withUnsafeBufferPointer { (members) throws(WinnowError) in
                    buffer.append(contentsOf: #"{"cluster":"#.utf8)
                    JSONString.append(members[0].id, to: &buffer)
                    buffer.append(contentsOf: #","size":"#.utf8)
                    SortedJSONWriter.appendDecimal(members.count, to: &buffer)
                    buffer.append(contentsOf: #","kept":"#.utf8)
                    JSONString.append(members[0].id, to: &buffer)
                    buffer.append(contentsOf: #","members":["#.utf8)
                    for index in members.indices {
                        if index > 0 { buffer.append(UInt8(ascii: ",")) }
                        buffer.append(contentsOf: #"{"id":"#.utf8)
                        JSONString.append(members[index].id, to: &buffer)
                        buffer.append(contentsOf: #","source":"#.utf8)
                        JSONString.append(members[index].origin.source, to: &buffer)
                        buffer.append(contentsOf: #","line":"#.utf8)
                        SortedJSONWriter.appendDecimal(members[index].origin.line, to: &buffer)
                        buffer.append(contentsOf: #","fingerprint":""#.utf8)
                        Hex.append(members[index].fingerprint, digits: 16, to: &buffer)
                        buffer.append(contentsOf: #"","similarity":"#.utf8)
                        appendRounded(members[index].similarity, to: &buffer)
                        buffer.append(UInt8(ascii: "}"))
                    }
                    buffer.append(contentsOf: "]}\n".utf8)
                    try file.drain(&buffer)
                }
            }
        }
        buffer += IntermediateFile.endLine(count: inputLines + clusters.clusters.count)
        try file.drain(&buffer, atLeast: 0)
        try file.finish()
        return file
    }

    /// One `{"id":…,"cluster":…}` line per document of every cluster.
    public static func writeAssignments(_ clusters: DuplicateClusters, to path: String) throws(WinnowError) {
        try writingAssignments(clusters, to: path).commit()
    }

    /// The assignments written whole to `path` but not yet renamed into place (`OutputFile.commit`).
    public static func writingAssignments(_ clusters: DuplicateClusters, to path: String) throws(WinnowError) -> OutputFile {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = []
        for cluster in clusters.clusters {
            for member in cluster.members {
                buffer += Array("{\"id\":".utf8)
                JSONString.append(member.id, to: &buffer)
                buffer += Array(",\"cluster\":".utf8)
                JSONString.append(cluster.kept, to: &buffer)
                buffer += Array("}\n".utf8)
            }
            try file.drain(&buffer)
        }
        try file.drain(&buffer, atLeast: 0)
        try file.finish()
        return file
    }

    /// Reads a clusters file back (for `neardup apply`), plain or gzip.
    public static func read(_ path: String) throws(WinnowError) -> DuplicateClusters {
        var clusters: [DuplicateClusters.Cluster] = []
        // A document is its origin, and in one cluster at most: one listed twice could be removed as
        // the copy of a document that is itself removed, and its text would be lost.
        var clusterOf: [DocumentOrigin: Int] = [:]
        var inputs = MapInputs.unknown
        try IntermediateFile.readRecords(
            path, kind: "clusters", header: header, mismatch: mismatch,
            maxLineBytes: maxLineBytes
        ) { record throws(WinnowError) in
            if try inputs.read(record) { return }
            guard let object = record.object, let members = object["members"] as? [[String: Any]], members.count >= 2 else {
                throw .configuration(
                    "a clusters line must be an object with 'members': two or more "
                        + "{\"id\", \"source\", \"line\", \"fingerprint\", \"similarity\"}", path: record.location)
            }
            var parsed: [DuplicateClusters.Member] = []
            for member in members {
                // A similarity is a Jaccard estimate; outside 0...1 the file is damaged (and 1e306 would
                // be written back as "inf", which no JSON reader takes).
                guard let id = member["id"] as? String, let source = member["source"] as? String,
                    let line = (member["line"] as? NSNumber)?.intValue, line >= 0, line <= IntermediateFile.maxCount,
                    let fingerprintHex = member["fingerprint"] as? String,
                    let fingerprint = Hex.parse(ArraySlice(fingerprintHex.utf8), digits: 16), fingerprint.count == 1,
                    let similarity = (member["similarity"] as? NSNumber)?.doubleValue, similarity >= 0 && similarity <= 1
                else {
                    throw .configuration(
                        "a member needs a string 'id' and 'source', a numeric 'line', a 16-hex-digit 'fingerprint' "
                            + "and a 'similarity' between 0 and 1", path: record.location)
                }
                let origin = DocumentOrigin(source: source, line: line)
                if let earlier = clusterOf.updateValue(clusters.count, forKey: origin) {
                    throw .configuration(
                        "the document at \(origin) is listed twice"
                            + (earlier == clusters.count ? " in this cluster" : ", here and in cluster \(earlier + 1) of the file")
                            + ": the file is damaged, or merged from overlapping shards", path: record.location)
                }
                parsed.append(.init(id: id, origin: origin, similarity: similarity, fingerprint: fingerprint[0]))
            }
            if let kept = object["kept"] as? String, kept != parsed[0].id {
                throw .configuration("'kept' (\(kept)) must be the first member", path: record.location)
            }
            clusters.append(.init(members: parsed))
        }
        var read = DuplicateClusters(clusters: clusters)
        read.inputs = inputs
        return read
    }

    /// Hands each cluster's kept id and size to `body`, without holding the members (for the report's
    /// cross-check, which reads an earlier run's version 2 files too). `path` may be a folder of part
    /// files, each a whole clusters file.
    static func forEachSize(_ path: String, _ body: (String, Int) -> Void) throws(WinnowError) {
        for file in try InputSpec.jsonlFiles(path) {
            try IntermediateFile.readRecords(
                file.path, kind: "clusters", maxLineBytes: maxLineBytes,
                checkHeader: { line, location throws(WinnowError) in
                    guard line.elementsEqual(header) || earlierHeaders.contains(where: { line.elementsEqual($0) }) else {
                        throw .configuration(
                            "\(mismatch); expected the header " + String(decoding: header, as: UTF8.self), path: location)
                    }
                }
            ) { record throws(WinnowError) in
                if record.has("input") { return }
                guard let kept = record.string("kept"), let size = record.count("size") else {
                    throw .configuration("a clusters line needs 'kept' and 'size'", path: record.location)
                }
                body(kept, size)
            }
        }
    }

    /// One cluster is one line, so lines may be long: up to 1 GiB (about 15 million members).
    static let maxLineBytes = 1 << 30

    private static let mismatch =
        "not a clusters file of this version (made by 'winnow neardup merge'; an older winnow's names no inputs, or holds "
        + "no fingerprints: map and merge again with this one)"

    /// Three decimals: finer than any threshold, and than an estimate's own precision (about ±0.02).
    static func rounded(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled == 1 ? "1" : "\(scaled)"
    }

    /// `rounded(value)`'s bytes, spelled from the thousandths for a similarity in 0...1 (the shortest
    /// round-trip form of k/1000 is "0." and k's digits without trailing zeros) instead of made as a string.
    static func appendRounded(_ value: Double, to buffer: inout [UInt8]) {
        let thousandths = (value * 1000).rounded()
        guard thousandths >= 0, thousandths < 1000 else {
            buffer.append(contentsOf: rounded(value).utf8)
            return
        }
        var digits = Int(thousandths)
        buffer.append(contentsOf: "0.".utf8)
        guard digits > 0 else {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        var place = 100
        while digits > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(digits / place))
            digits %= place
            place /= 10
        }
    }
}
