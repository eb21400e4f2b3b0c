import Foundation

/// The report in three steps, for a cluster engine whose shuffle groups the rows, so that no step
/// reads a whole run on one machine:
/// - `map` reads a share of the cleaned or removed output and writes its counts, a row per cluster
///   member and (with `keepers`) a row per document that may be an exact group's kept copy;
/// - `clusters` reads rows grouped by cluster key and writes each cluster's line and clusters.csv
///   rows, keyed by the report order, and the facts of its clusters;
/// - `page` reads the summed counts and facts, the first clusters in report order and the texts the
///   page compares, and writes report.json and report.html.
/// Lines are `KEY<tab>JSON`. Decisions are the ones `ReportBuilder` makes on one machine.
public enum ReportSteps {
    /// The counts of one map call: documents by output, and lines it could not read.
    struct CountsRow: Codable {
        var counts = RunReport.DocumentCounts()
        var unreadable = 0
        var problem: String?
    }

    /// A cluster member, or (`keeper`) a document that may be the kept copy of the exact group its id
    /// labels; `order` places it in the outputs (output, part, line).
    struct MemberRow: Codable {
        var member: RunReport.Member
        var declaredSize: Int?
        var keeper: Bool?
        var order: String

        enum CodingKeys: String, CodingKey {
            case member, keeper, order
            case declaredSize = "declared_size"
        }
    }

    static let countsKey = "C"
    static let clusterTag = "c"
    static let csvTag = "v"
    static let factsTag = "f"
    static let textTag = "t"

    /// The key of a cluster's rows: `M`, the kind's letter, the label as a JSON string.
    static func memberKey(_ kind: RunReport.ClusterKind, _ label: String) -> String {
        var bytes = Array("M".utf8)
        bytes.append(kind == .nearDuplicate ? UInt8(ascii: "n") : UInt8(ascii: "e"))
        SortedJSONWriter.appendString(label, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where a line of an output is: the output (0 cleaned, 1 removed), the part, the line, in digits
    /// of fixed width so that the strings sort as the numbers.
    static func order(cleaned: Bool, part: Int, line: Int) -> String {
        (cleaned ? "0" : "1") + padded(part) + padded(line)
    }

    private static func padded(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    // MARK: - Map

    /// Map: the report rows of the JSONL output at `input` (a file or a folder of parts): `cleaned`
    /// says which output it is, `part` its place among the shares.
    public static func map(
        input: String, cleaned: Bool, part: Int, keepers: Bool, fields: FieldNames = .standard, to output: String
    ) throws(WinnowError) {
        try map(input: input, cleaned: cleaned, part: part, keepers: keepers, texts: nil, fields: fields, to: output)
    }

    /// Map for the page's texts: the lines of the documents whose ids `ids` lists (a file of JSON
    /// strings, one a line), each as `t`, its place in the outputs and the line as read.
    public static func mapTexts(
        input: String, cleaned: Bool, part: Int, ids: String, fields: FieldNames = .standard, to output: String
    ) throws(WinnowError) {
        var wanted: Set<ByteString> = []
        try forEachLine(ids) { (line: ArraySlice<UInt8>) throws(WinnowError) in
            do { wanted.insert(ByteString(try JSONDecoder().decode(String.self, from: Data(line)))) } catch {
                throw .io("not an id as a JSON string: \(error)", path: ids)
            }
        }
        try map(input: input, cleaned: cleaned, part: part, keepers: false, texts: wanted, fields: fields, to: output)
    }

    private static func map(
        input: String, cleaned: Bool, part: Int, keepers: Bool, texts: Set<ByteString>?, fields: FieldNames, to output: String
    ) throws(WinnowError) {
        let file = try OutputFile(path: output)
        var buffer: [UInt8] = []
        var row = CountsRow()
        var json = SortedJSONWriter()
        var line = 0
        func append(_ key: String, _ value: some Encodable) throws(WinnowError) {
            buffer += key.utf8
            buffer.append(0x09)
            try json.encoded(value)
            json.move(to: &buffer)
            buffer.append(0x0A)
            try file.drain(&buffer)
        }
        func visit(_ document: ReportFields, _ bytes: ArraySlice<UInt8>) throws(WinnowError) {
            line += 1
            if let texts {
                guard texts.contains(ByteString(document.id)) else { return }
                buffer += "\(textTag)\t\(order(cleaned: cleaned, part: part, line: line))\t".utf8
                buffer += bytes
                buffer.append(0x0A)
                try file.drain(&buffer)
                return
            }
            let removedBy = document.removingStage(isCleaned: cleaned)
            row.counts.add(textBytes: document.textBytes, removedBy: removedBy, reason: cleaned ? nil : document.removedReason)
            let order = Self.order(cleaned: cleaned, part: part, line: line)
            if let place = ClusterMembership(document, removedBy: removedBy) {
                try append(
                    memberKey(place.kind, place.label),
                    MemberRow(member: place.member, declaredSize: place.declaredSize, order: order))
            }
            if keepers, let keeper = ClusterMembership.keeper(document, removedBy: removedBy) {
                try append(memberKey(.exact, keeper.id), MemberRow(member: keeper, keeper: true, order: order))
            }
        }
        let unreadable: OutputDocuments.Unreadable
        do throws(WinnowError) {
            unreadable = try OutputDocuments.forEachFields(input, fields: fields, visit)
        } catch {
            // Rows on a pipe are out already.
            throw error.restated(for: [file])
        }
        row.unreadable = unreadable.count
        row.problem = unreadable.first
        if texts == nil { try append(countsKey, row) }
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    // MARK: - Clusters

    /// Clusters: from the rows at `input` (member and keeper rows, those of one key together), the
    /// line of every cluster and its clusters.csv rows, keyed by `ReportOrder.key`, then the facts of
    /// all of them. A key whose rows are all keeper rows is no cluster and writes nothing.
    public static func clusters(input: String, to output: String) throws(WinnowError) {
        let file = try OutputFile(path: output)
        var buffer: [UInt8] = []
        var facts = ClusterFacts()
        // Keys by their bytes, as the rows were sorted (ids that differ only in their bytes are apart).
        var finished: Set<ByteString> = []
        var key: ByteString?
        var rows: [MemberRow] = []
        let decoder = JSONDecoder()
        func finish() throws(WinnowError) {
            guard let done = key else { return }
            finished.insert(done)
            try cluster(key: done.string, rows: &rows, facts: &facts, to: &buffer)
            try file.drain(&buffer)
            rows.removeAll(keepingCapacity: true)
        }
        func visit(_ line: ArraySlice<UInt8>) throws(WinnowError) {
            guard let tab = line.firstIndex(of: 0x09) else { throw .io("a report row without a key", path: input) }
            let rowKey = ByteString(String(decoding: line[..<tab], as: UTF8.self))
            if rowKey != key {
                try finish()
                guard !finished.contains(rowKey) else {
                    throw .io("the rows of \(rowKey) are not together: group the rows by their key first", path: input)
                }
                key = rowKey
            }
            do {
                rows.append(try decoder.decode(MemberRow.self, from: Data(line[(tab + 1)...])))
            } catch {
                throw .io("not a report member row: \(error)", path: input)
            }
        }
        do throws(WinnowError) {
            try forEachLine(input, visit)
        } catch {
            // Lines on a pipe are out already.
            throw error.restated(for: [file])
        }
        try finish()
        buffer += "\(factsTag)\t".utf8
        var json = SortedJSONWriter()
        try json.encoded(facts)
        json.move(to: &buffer)
        buffer.append(0x0A)
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    /// One cluster from its rows: its line, its clusters.csv rows (the kept document first, then the
    /// others in the order of the outputs), and its facts.
    private static func cluster(
        key: String, rows: inout [MemberRow], facts: inout ClusterFacts, to buffer: inout [UInt8]
    ) throws(WinnowError) {
        guard let kind: RunReport.ClusterKind = key.hasPrefix("Mn") ? .nearDuplicate : key.hasPrefix("Me") ? .exact : nil,
            let label = try? JSONDecoder().decode(String.self, from: Data(key.utf8.dropFirst(2)))
        else { throw .io("not a cluster key: \(key)") }
        rows.sort { $0.order < $1.order }
        var tally = ClusterTally(kind: kind, label: label, listed: RunReport.membersListed - 1)
        var keeper: RunReport.Member?
        var others: [Int] = []
        var keptRow: Int?
        for index in rows.indices {
            if rows[index].keeper == true {
                if keeper.map({ ClusterMembership.preferred(rows[index].member, over: $0) }) ?? true { keeper = rows[index].member }
                continue
            }
            let origin = DocumentOrigin(source: rows[index].order, line: 0)
            guard tally.add(rows[index].member, origin: origin, declaredSize: rows[index].declaredSize) != nil else {
                keptRow = index
                continue
            }
            // A kept copy the tally prefers over the one it held (their id labels the cluster) takes its place.
            if let previous = keptRow, tally.keptOrigin == origin {
                others.append(previous)
                keptRow = index
            } else {
                others.append(index)
            }
        }
        guard others.count + (tally.kept == nil ? 0 : 1) > 0 else { return }
        let cluster = tally.cluster(keptDetails: kind == .exact ? keeper : nil)
        facts.merge(ClusterFacts(tally, keeperFound: keeper != nil))
        let order = ReportOrder.key(cluster)
        var json = SortedJSONWriter(capacity: 1024)
        try cluster.write(to: &json)
        buffer += "\(clusterTag)\t\(order)\t".utf8
        json.move(to: &buffer)
        buffer.append(0x0A)
        var prefix: [UInt8] = []
        ClustersCSV.appendClusterCells(cluster, to: &prefix)
        for (sequence, member) in ([cluster.members[0]] + others.map { rows[$0].member }).enumerated() {
            var row = prefix
            ClustersCSV.appendMemberCells(member, to: &row)
            buffer += "\(csvTag)\t\(order)\t\(padded(sequence))\t".utf8
            SortedJSONWriter.appendString(String(decoding: row, as: UTF8.self), to: &buffer)
            buffer.append(0x0A)
        }
    }

    // MARK: - Page

    /// The files `page` reads.
    public struct PageInputs: Sendable {
        /// Counts rows (`C` lines of the map calls), summed.
        public var counts: String
        /// Facts rows (`f` lines of the clusters calls), merged.
        public var facts: String
        /// Cluster lines (`c` lines) of the first clusters in report order, at least
        /// `RunReport.clustersListed` of them when there are that many.
        public var largest: String
        /// Documents (JSONL, any order) holding the texts the page compares; of documents that share
        /// an id, the one `ClusterMembership.preferred` takes (a removed one carries `removed_by`).
        public var texts: String?

        public init(counts: String, facts: String, largest: String, texts: String?) {
            self.counts = counts
            self.facts = facts
            self.largest = largest
            self.texts = texts
        }
    }

    /// Page: report.json and report.html of the run whose files `outputs` names (as the report shows
    /// them) into `folder`, replacing those two files and keeping what else the folder holds.
    public static func page(
        _ inputs: PageInputs, outputs: RunSummary.Outputs, run: RunSummary?, options: ReportOptions,
        fields: FieldNames = .standard, to folder: String
    ) throws(WinnowError) -> ReportBuilder.Written {
        var counts = CountsRow()
        var unreadable: [String] = []
        try forEachLine(inputs.counts) { (line: ArraySlice<UInt8>) throws(WinnowError) in
            let row: CountsRow = try decodeRow(line, tag: countsKey, path: inputs.counts)
            counts.counts.merge(row.counts)
            counts.unreadable += row.unreadable
            if let problem = row.problem { unreadable.append(problem) }
        }
        var facts = ClusterFacts()
        try forEachLine(inputs.facts) { (line: ArraySlice<UInt8>) throws(WinnowError) in
            facts.merge(try decodeRow(line, tag: factsTag, path: inputs.facts))
        }
        var largest: [RunReport.Cluster] = []
        var lastKey: String?
        try forEachLine(inputs.largest) { (line: ArraySlice<UInt8>) throws(WinnowError) in
            guard largest.count < RunReport.clustersListed else { return }
            let fields = line.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, String(decoding: fields[0], as: UTF8.self) == clusterTag else {
                throw .io("not a cluster line of the report's clusters step", path: inputs.largest)
            }
            let key = String(decoding: fields[1], as: UTF8.self)
            guard lastKey.map({ BytewiseOrder.precedes($0, key) }) ?? true else {
                throw .io("the clusters are not in report order (sort them by their key)", path: inputs.largest)
            }
            lastKey = key
            do {
                largest.append(try JSONDecoder().decode(RunReport.Cluster.self, from: Data(fields[2])))
            } catch {
                throw .io("not a report cluster: \(error)", path: inputs.largest)
            }
        }
        let withText = options.clustersWithText(largest[...])
        let compared = withText.map { options.membersWithText(largest[$0]) }
        let wanted = Set(compared.joined().map { ByteString($0) })
        var texts = ComparedTexts(maxBytes: options.maxTextBytes)
        if let path = inputs.texts, !wanted.isEmpty {
            _ = try OutputDocuments.forEach(path, fields: fields) { (document, _) throws(WinnowError) in
                if wanted.contains(ByteString(document.id)) { texts.offer(document, removedBy: document.stringField(FieldNames.removedBy)) }
            }
        }
        var warnings: [String] = []
        if counts.unreadable > 0 {
            warnings.append(
                "\(counts.unreadable) lines of the outputs could not be read and are not counted"
                    + (unreadable.min(by: BytewiseOrder.precedes).map { " (first: \($0))" } ?? ""))
        }
        warnings += facts.warnings
        let report = RunReport(
            pipeline: run?.pipeline, inputs: outputs, run: run, documents: counts.counts, clusterSizes: facts.sizes,
            largestClusters: largest,
            sites: try outputs.templateSummary.map { path throws(WinnowError) in try ReportBuilder.sites(path) } ?? [],
            warnings: warnings)
        let clusterTexts = zip(withText, compared).compactMap { index, members in
            ClusterTexts(cluster: index, members: members, texts: texts.texts)
        }
        // Made in one step an interruption waits for (`TemporaryFiles.creating`).
        let staged = try TemporaryFiles.shared.creating { () throws(WinnowError) in try StagedFolder(target: folder) }
        var json = try report.json()
        json.append(0x0A)
        try ReportBuilder.writeFile(staged.work + "/report.json", json)
        try ReportBuilder.writeFile(
            staged.work + "/report.html", try ReportPage(report: report, texts: clusterTexts, options: options).render())
        try staged.commit()
        return ReportBuilder.Written(
            folder: folder, nearDuplicateClusters: facts.sizes.nearDuplicate, exactClusters: facts.sizes.exact,
            sites: report.sites.count, warnings: warnings)
    }

    /// Hands each non-blank line of `path` (a file, plain or gzip, or a folder of parts) to `body`.
    private static func forEachLine(
        _ path: String, _ body: (ArraySlice<UInt8>) throws(WinnowError) -> Void
    ) throws(WinnowError) {
        let reader = RecordReader(inputs: try InputSpec.jsonlFiles(path), maxRecordBytes: Int(Int32.max))
        while let batch = try reader.nextBatch() {
            for record in batch.records {
                switch record.content {
                case .jsonLine(let range): try body(batch.storage[range])
                case .unreadable(let message, _): throw .io(message, path: "\(path):\(record.origin.line)")
                default: throw .io("not a line of report rows", path: "\(path):\(record.origin.line)")
                }
            }
            reader.recycle(batch)
        }
    }

    private static func decodeRow<Row: Decodable>(_ line: ArraySlice<UInt8>, tag: String, path: String) throws(WinnowError) -> Row {
        guard let tab = line.firstIndex(of: 0x09), String(decoding: line[..<tab], as: UTF8.self) == tag else {
            throw .io("expected lines that start \(tag) and a tab", path: path)
        }
        do {
            return try JSONDecoder().decode(Row.self, from: Data(line[(tab + 1)...]))
        } catch {
            throw .io("not a report row: \(error)", path: path)
        }
    }
}
