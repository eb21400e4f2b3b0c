import Foundation
import Glibc

/// Reads a run's outputs (cleaned and removed documents, and when there are any the run summary, the
/// clusters file and the template summary) and writes the report folder: `report.html`,
/// `report.json`, `cluster-list.jsonl` and `clusters.csv`. Memory stays bounded by the clusters, not the corpus: a first
/// pass keeps only cluster members' ids, URLs and sizes; a second fetches the texts the page shows.
public struct ReportBuilder {
    public var options: ReportOptions
    /// Where the run's files are; `cleaned` is required. `report` is set to the folder written.
    public var inputs: RunSummary.Outputs
    /// The run summary, when known (in-process, or read with `loadSummary`).
    public var run: RunSummary?
    public var fields: FieldNames
    /// Rows of clusters.csv held in memory at once; a cluster with more members is written as it is read.
    var csvRowsInMemory = 200_000
    /// The sites of `inputs.templateSummary` when the run that wrote it holds them: taken instead of
    /// reading the file back.
    var templateSites: [TemplateSummary.Site]?
    private var staging: StagedFolder?

    public init(options: ReportOptions, inputs: RunSummary.Outputs, run: RunSummary? = nil, fields: FieldNames = .standard) {
        self.options = options
        self.inputs = inputs
        self.run = run
        self.fields = fields
    }

    /// What was written, for the caller's message.
    public struct Written: Sendable, Equatable {
        public var folder: String
        public var nearDuplicateClusters: Int
        public var exactClusters: Int
        public var sites: Int
        public var warnings: [String]
    }

    /// Builds the report and replaces `folder` (created if needed) with one holding its three files
    /// and the other files the folder held, in one step (`StagedFolder`).
    public func write(to folder: String) throws(WinnowError) -> Written {
        // Made in one step an interruption waits for (`TemporaryFiles.creating`).
        let staged = try TemporaryFiles.shared.creating { () throws(WinnowError) in try StagedFolder(target: folder) }
        let written = try write(into: staged)
        try staged.commit()
        return written
    }

    /// Writes the report's three files into `folder`'s work folder, reading inputs that were written
    /// there (a run's clusters and template summary) from it; the caller commits the folder.
    public func write(into folder: StagedFolder) throws(WinnowError) -> Written {
        var builder = self
        builder.staging = folder
        // The folder written, as the run names its own: a later report into it writes the run's bytes again.
        builder.inputs.report = folder.target
        let gathered = try builder.build()
        let report = gathered.report
        let listed = try Self.writeClustersJSONL(
            gathered.clusters, to: folder.work + "/cluster-list.jsonl", keeping: report.largestClusters.count)
        var json = try report.json(listed: listed)
        json.append(0x0A)
        try Self.writeFile(folder.work + "/report.json", json)
        try builder.writeClustersCSV(gathered, to: folder.work + "/clusters.csv")
        try Self.writeFile(
            folder.work + "/report.html",
            try ReportPage(report: report, texts: gathered.texts, options: options, listed: listed).render())
        return Written(
            folder: folder.target, nearDuplicateClusters: report.clusterSizes.nearDuplicate,
            exactClusters: report.clusterSizes.exact, sites: report.sites.count, warnings: report.warnings)
    }

    /// Where an input is read: from the work folder of the report being written when it is there.
    private func located(_ path: String) -> String {
        guard let staging else { return path }
        let staged = staging.staged(path)
        return staged != path && FileManager.default.fileExists(atPath: staged) ? staged : path
    }

    /// Reads a run summary written with `--stats`.
    public static func loadSummary(_ path: String) throws(WinnowError) -> RunSummary {
        let data: [UInt8]
        do {
            data = try WholeFile.read(path, limit: WholeFile.sideFileLimit)
        } catch {
            throw WinnowError(error.kind, "cannot read the run summary (\(error.message))", path: path)
        }
        do {
            return try JSONDecoder().decode(RunSummary.self, from: Data(data))
        } catch {
            throw .configuration("not a Winnow run summary (the file --stats writes): \(error)", path: path)
        }
    }

    /// The files of a run as `winnow report` is told them: those given, else those the run summary
    /// records; the removed output defaults to the file beside the cleaned one when it exists.
    public static func inputs(
        cleaned: String?, removed: String?, clusters: String?, templateSummary: String?,
        summary: RunSummary?
    ) throws(WinnowError) -> RunSummary.Outputs {
        var inputs = summary?.outputs ?? RunSummary.Outputs()
        if let cleaned { inputs.cleaned = cleaned }
        guard let output = inputs.cleaned, output != "-" else {
            throw .configuration("give the cleaned output of the run (a file), or --stats with the summary of a run that wrote one")
        }
        if let removed {
            inputs.removed = removed
        } else if summary == nil, let beside = OutputTarget.sibling(of: output, kind: "removed"),
            FileManager.default.fileExists(atPath: beside)
        {
            inputs.removed = beside
        }
        if let clusters { inputs.clusters = clusters }
        if let templateSummary { inputs.templateSummary = templateSummary }
        for path in [inputs.cleaned, inputs.removed, inputs.clusters, inputs.templateSummary].compactMap({ $0 }) {
            // A run's outputs have names that are their own bytes (`OutputTarget`); the report reads them by name.
            if let problem = FileName.spellingProblem(path) {
                throw .configuration(
                    "this name \(problem); the report reads a finished run's files, which no run names so: "
                        + "rename or link the file to a UTF-8 name",
                    path: path)
            }
            guard FileManager.default.fileExists(atPath: path) else {
                throw .configuration("not found (the report reads a finished run's files)", path: path)
            }
        }
        // One file as both would count every document twice; compared as a run compares its outputs,
        // whatever the spelling (`./x`, a link, a hard link).
        if let removed = inputs.removed, let key = OutputTarget.identity(of: removed), key == OutputTarget.identity(of: output) {
            throw .configuration(
                "the removed output \(removed) is the cleaned output \(output): its documents would count twice; "
                    + "give the run's removed output (--removed), or none (nothing was read)",
                path: removed)
        }
        return inputs
    }

    // MARK: - Gathering

    /// What the first pass over the outputs finds: counts, and a bounded tally of each cluster.
    private struct FirstPass {
        var counts = RunReport.DocumentCounts()
        /// Every cluster's tally, in the order they were met (a tally's serial is its place here).
        var tallies: [ClusterTally] = []
        /// The tallies' serials: near-duplicate clusters by their `cluster` label, exact groups by the
        /// id of the copy kept in their place.
        var index = ClusterIndex()
        var warnings: [String] = []
        /// Whether `held` holds the clusters.csv rows of the members: until more than
        /// `csvRowsInMemory` are found, when they go to `spill` with every later row.
        var holdsRows = true
        var held = ClustersCSV.HeldRows()
        var spill: ClusterRowSpill?

        mutating func startSpilling(to path: String) throws(WinnowError) {
            let spill = try ClusterRowSpill(path: path)
            try held.forEachRow { (serial, cells) throws(WinnowError) in try spill.append(serial: serial, cells: cells) }
            held = ClustersCSV.HeldRows()
            holdsRows = false
            self.spill = spill
        }
    }

    /// The report, the texts the page compares, and what writing clusters.csv needs.
    struct Gathered {
        var report: RunReport
        /// Every cluster, in report order (the report lists the largest).
        var clusters: [RunReport.Cluster]
        var texts: [ClusterTexts]
        /// The outputs read, the cleaned one first.
        var files: [String]
        var cleaned: String
        /// Where each near-duplicate cluster's kept document was read, by cluster position.
        var keptOrigins: [Int: DocumentOrigin]
        /// The clusters.csv cells of each cluster's members but the kept one, when the first pass
        /// could hold them all.
        var csvRows: ClustersCSV.HeldRows?
        /// Else the file that holds them, and each cluster's position by its tally's serial.
        var spill: ClusterRowSpill?
        var positionOfSerial: [Int] = []
    }

    func build() throws(WinnowError) -> Gathered {
        guard let cleaned = inputs.cleaned, Self.readsBack(cleaned) else {
            throw .configuration(
                "the report reads the cleaned output back: it must be a file, not standard output, a device or a pipe")
        }
        let removed = inputs.removed.flatMap { Self.readsBack($0) ? $0 : nil }
        let files = [cleaned] + (removed.map { [$0] } ?? [])
        var first = try firstPass(files, cleaned: cleaned)
        if removed == nil {
            first.warnings.append("the removed output was not kept in a file: removed documents and their clusters are missing")
        }
        let clustersFile = inputs.clusters.flatMap { Self.readsBack($0) ? $0 : nil }
        if inputs.clusters != nil && clustersFile == nil {
            first.warnings.append("the clusters file was not kept in a file: the clusters were not checked against it")
        }
        let templateSummary = inputs.templateSummary.flatMap { templateSites != nil || Self.readsBack($0) ? $0 : nil }
        if inputs.templateSummary != nil && templateSummary == nil {
            first.warnings.append("the template summary was not kept in a file: the sites are missing")
        }
        var unordered = first.tallies
        first.tallies = []
        var built = unordered.indices.map { unordered[$0].cluster() }
        let order = ReportOrder.sortedPositions(built)

        // Second pass: the exact keepers' own details, and the texts of the clusters the page compares.
        var clusters: [RunReport.Cluster] = []
        clusters.reserveCapacity(built.count)
        for index in order { clusters.append(Self.take(&built[index])) }
        built = []
        let withText = options.clustersWithText(clusters.prefix(RunReport.clustersListed))
        let compared = withText.map { options.membersWithText(clusters[$0]) }
        var keepers = Set<ByteString>()
        for index in clusters.indices where clusters[index].kind == .exact { keepers.insert(ByteString(clusters[index].kept)) }
        let (keeperDetails, texts) = try secondPass(
            files, cleaned: cleaned, keepers: keepers, texts: Set(compared.joined().map { ByteString($0) }))
        var facts = ClusterFacts()
        var keptOrigins: [Int: DocumentOrigin] = [:]
        for (index, tally) in order.enumerated() {
            let details = unordered[tally].kind == .exact ? keeperDetails[ByteString(unordered[tally].label)] : nil
            if unordered[tally].kind == .nearDuplicate {
                keptOrigins[index] = unordered[tally].keptOrigin
            } else if let details {
                clusters[index].members[0] = details
            }
            facts.merge(ClusterFacts(unordered[tally], keeperFound: details != nil))
        }
        // After two neardup steps the outputs hold both steps' clusters under the kept ids, while a kept
        // document's `cluster_size` and the clusters file are the last step's: neither is checked then.
        // Without the removed output, every cluster would differ from both.
        let oneNearDupStep = (run?.stages.filter { $0.stage == NearDupStage.stageName }.count ?? 0) <= 1
        var warnings = first.warnings + facts.warnings(checkingSizes: removed != nil && oneNearDupStep)
        if let path = clustersFile, removed != nil, oneNearDupStep {
            warnings += try Self.crossCheck(unordered, first.index, withClustersFile: located(path), named: path)
        }

        let clusterTexts = zip(withText, compared).compactMap { index, members in
            ClusterTexts(cluster: index, members: members, texts: texts)
        }
        let report = RunReport(
            pipeline: run?.pipeline, inputs: inputs, run: run, documents: first.counts, clusterSizes: facts.sizes,
            largestClusters: Array(clusters.prefix(RunReport.clustersListed)),
            sites: try templateSummary.map { path throws(WinnowError) in
                if let templateSites { return Self.sites(of: templateSites) }
                return try Self.sites(located(path))
            } ?? [],
            warnings: warnings)
        return Gathered(
            report: report, clusters: clusters, texts: clusterTexts, files: files, cleaned: cleaned,
            keptOrigins: keptOrigins, csvRows: first.holdsRows ? first.held : nil,
            spill: first.spill, positionOfSerial: Self.positions(ofSerials: order.map { unordered[$0].serial }))
    }

    /// Whether the report can read `path` back: a file, not standard output, a device or a pipe, which
    /// hold nothing to read again (`/dev/null`) or block the reader until another process writes (a FIFO).
    /// A folder of part files is read as its files.
    static func readsBack(_ path: String) -> Bool {
        switch try? OutputTarget(path) {
        case .standardOutput, .stream: return false
        // A redirection to a file (`3>removed.jsonl`, named /dev/fd/3) is that file.
        case .descriptor(let descriptor):
            var info = stat()
            return fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        case .file, nil: return true
        }
    }

    /// Moves a cluster out of an array that is done with it, leaving an empty one: no copy of its strings.
    private static func take(_ cluster: inout RunReport.Cluster) -> RunReport.Cluster {
        var taken = RunReport.Cluster(kind: .exact, cluster: "", size: 0, kept: "", minSimilarity: 0, members: [], moreMembers: 0)
        swap(&taken, &cluster)
        return taken
    }

    /// Counts every document and tallies the clusters, keeping only the members each will list.
    private func firstPass(_ files: [String], cleaned: String) throws(WinnowError) -> FirstPass {
        var found = FirstPass()
        let spillPath = (staging?.work ?? NSTemporaryDirectory()) + "/.clusters.csv.rows-\(UInt64.random(in: 0...UInt64.max))"
        let listed = RunReport.membersListed - 1
        for path in files {
            let isCleaned = path == cleaned
            let unreadable = try OutputDocuments.forEachFields(path, fields: fields) { (document, _) throws(WinnowError) in
                let removedBy = document.removingStage(isCleaned: isCleaned)
                found.counts.add(textBytes: document.textBytes, removedBy: removedBy, reason: isCleaned ? nil : document.removedReason)
                guard let place = ClusterMembership(document, removedBy: removedBy) else { return }
                let (holdsRows, spill) = (found.holdsRows, found.spill)
                /// The member whose row is to be held: not the kept document's, and none once rows are spilled.
                func add(to tally: inout ClusterTally) throws(WinnowError) -> RunReport.Member? {
                    guard let other = tally.add(place.member, origin: document.origin, declaredSize: place.declaredSize) else { return nil }
                    guard holdsRows else {
                        try spill?.append(serial: tally.serial, member: other)
                        return nil
                    }
                    return other
                }
                // One lookup: a label not met yet is entered with the next serial.
                let serial = found.tallies.count
                let index = found.index.serial(place.kind, place.label)
                if index == serial {
                    found.tallies.append(ClusterTally(kind: place.kind, label: place.label, listed: listed, serial: serial))
                }
                guard let other = try add(to: &found.tallies[index]) else { return }
                found.held.append(other, serial: index)
                if found.held.count > csvRowsInMemory { try found.startSpilling(to: spillPath) }
            }
            if let problem = Self.problem(unreadable, path) { found.warnings.append(problem) }
        }
        return found
    }

    /// Fetches the details of the exact groups' kept copies, and the texts (cut) of the given ids.
    private func secondPass(
        _ files: [String], cleaned: String, keepers: Set<ByteString>,
        texts wanted: Set<ByteString>
    ) throws(WinnowError) -> ([ByteString: RunReport.Member], [ByteString: String]) {
        var details: [ByteString: RunReport.Member] = [:]
        var texts = ComparedTexts(maxBytes: options.maxTextBytes)
        guard !keepers.isEmpty || !wanted.isEmpty else { return (details, [:]) }
        // Lines that lead with an id sought neither as a keeper nor for its text are not decoded.
        let leading = LeadingID(fields: fields)
        let sought = Set(keepers.union(wanted).map { LeadingID.hash(of: $0.string) })
        func isSkipped(_ storage: [UInt8], _ range: Range<Int>) -> Bool {
            guard let bytes = leading?.idBytes(in: storage, range) else { return false }
            guard sought.contains(LeadingID.hash(storage[bytes])) else { return true }
            let id = ByteString(String(decoding: storage[bytes], as: UTF8.self))
            return !keepers.contains(id) && !wanted.contains(id)
        }
        for path in files {
            let isCleaned = path == cleaned
            _ = try scan(path, skipping: isSkipped) { (document) throws(WinnowError) in
                let removedBy = isCleaned ? nil : document.stringField(FieldNames.removedBy) ?? "?"
                let id = ByteString(document.id)
                if keepers.contains(id), let keeper = ClusterMembership.keeper(ReportFields(document), removedBy: removedBy),
                    details[id].map({ ClusterMembership.preferred(keeper, over: $0) }) ?? true
                {
                    details[id] = keeper
                }
                if wanted.contains(id) { texts.offer(document, removedBy: removedBy) }
            }
        }
        return (details, texts.texts)
    }

    /// Writes cluster-list.jsonl: every cluster, one JSON object a line, in report order. Returns the
    /// JSON of the first `kept` clusters, which report.json and the page show too.
    @discardableResult
    static func writeClustersJSONL(
        _ clusters: [RunReport.Cluster], to path: String, keeping kept: Int = 0
    ) throws(WinnowError) -> ListedClustersJSON {
        let file = try OutputFile(path: path)
        var json = SortedJSONWriter(capacity: 4096)
        var buffer: [UInt8] = []
        var listed = ListedClustersJSON()
        // Read in place: `clusters[index].write` copied each cluster (retaining its strings) first.
        try clusters.withUnsafeBufferPointer { (clusters) throws(WinnowError) in
            for index in clusters.indices {
                let members = try clusters[index].write(to: &json)
                if index < kept { listed.append(json.bytes, members: members) }
                json.move(to: &buffer)
                buffer.append(0x0A)
                try file.drain(&buffer)
            }
        }
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
        return listed
    }

    /// Writes clusters.csv: every member of every cluster, clusters in report order, each the kept
    /// document first and then the others in the order of the outputs. From the rows the first pass
    /// held when it could; else from the file the first pass wrote them to (`ClusterRowSpill`), read
    /// once per group of clusters of at most `csvRowsInMemory` rows.
    private func writeClustersCSV(_ gathered: Gathered, to path: String) throws(WinnowError) {
        // Clusters are read in place: passing `clusters[index]` on copied each one (retaining its strings).
        try gathered.clusters.withUnsafeBufferPointer { (clusters) throws(WinnowError) in
            try writeClustersCSV(gathered, clusters, to: path)
        }
    }

    private func writeClustersCSV(
        _ gathered: Gathered, _ clusters: UnsafeBufferPointer<RunReport.Cluster>, to path: String
    ) throws(WinnowError) {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = []
        ClustersCSV.appendHeader(to: &buffer)
        if let held = gathered.csvRows?.grouped(by: gathered.positionOfSerial) {
            var prefix: [UInt8] = []
            for index in clusters.indices {
                prefix.removeAll(keepingCapacity: true)
                ClustersCSV.appendClusterCells(clusters[index], to: &prefix)
                buffer += prefix
                ClustersCSV.appendMemberCells(clusters[index].members[0], to: &buffer)
                held.append(index, after: prefix, to: &buffer)
                try file.drain(&buffer)
            }
            try file.drain(&buffer, atLeast: 0)
            try file.commit()
            return
        }
        guard let spill = gathered.spill else { preconditionFailure("the first pass neither held nor spilled the rows") }
        try spill.finish()
        var start = 0
        while start < clusters.count {
            var end = start + 1
            var rows = clusters[start].size
            while end < clusters.count, rows + clusters[end].size <= csvRowsInMemory {
                rows += clusters[end].size
                end += 1
            }
            let group = start..<end
            var prefixes = [[UInt8]](repeating: [], count: group.count)
            for index in group { ClustersCSV.appendClusterCells(clusters[index], to: &prefixes[index - start]) }
            if group.count == 1 {
                // A cluster larger than a group: its rows are written as they are read.
                buffer += prefixes[0]
                ClustersCSV.appendMemberCells(clusters[start].members[0], to: &buffer)
                try spill.forEachRow { (serial, cells) throws(WinnowError) in
                    guard gathered.positionOfSerial[serial] == start else { return }
                    buffer += prefixes[0]
                    buffer += cells
                    try file.drain(&buffer)
                }
            } else {
                var held = [[UInt8]](repeating: [], count: group.count)
                for index in group {
                    held[index - start] = prefixes[index - start]
                    ClustersCSV.appendMemberCells(clusters[index].members[0], to: &held[index - start])
                }
                try spill.forEachRow { (serial, cells) throws(WinnowError) in
                    let position = gathered.positionOfSerial[serial]
                    guard group.contains(position) else { return }
                    held[position - start] += prefixes[position - start]
                    held[position - start] += cells
                }
                for rows in held {
                    buffer += rows
                    try file.drain(&buffer)
                }
            }
            start = end
        }
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    /// The report position of each tally serial, from the serials in report order.
    private static func positions(ofSerials serials: [Int]) -> [Int] {
        var positions = [Int](repeating: 0, count: serials.count)
        for (position, serial) in serials.enumerated() { positions[serial] = position }
        return positions
    }

    /// Streams the documents of one JSONL output, but for the lines `skipping` says need not be
    /// decoded; returns a warning when some lines do not decode.
    private func scan(
        _ path: String, skipping: ([UInt8], Range<Int>) -> Bool = { _, _ in false },
        visit: (Document) throws(WinnowError) -> Void
    ) throws(WinnowError) -> String? {
        let unreadable = try OutputDocuments.forEach(path, fields: fields, skipping: skipping) {
            (document, _) throws(WinnowError) in try visit(document)
        }
        return Self.problem(unreadable, path)
    }

    /// The warning for the lines of `path` that did not decode, when there are any.
    private static func problem(_ unreadable: OutputDocuments.Unreadable, _ path: String) -> String? {
        guard unreadable.count > 0 else { return nil }
        return "\(unreadable.count) lines of \(path) could not be read and are not counted"
            + (unreadable.first.map { " (first: \($0))" } ?? "")
    }

    /// Compares the clusters found in the documents (`tallies`, entered in `index`) with the clusters
    /// file the run wrote: the same kept ids with the same sizes. Clusters whose kept documents share
    /// an id are one cluster in the outputs, and summed here.
    private static func crossCheck(
        _ tallies: [ClusterTally], _ index: ClusterIndex, withClustersFile location: String,
        named path: String
    ) throws(WinnowError) -> [String] {
        guard FileManager.default.fileExists(atPath: location) else { return ["the clusters file \(path) does not exist"] }
        var listedSizes = [Int](repeating: 0, count: tallies.count)
        var (listedClusters, listedDocuments, unknownKept) = (0, 0, false)
        try ClustersFile.forEachSize(location) { kept, size in
            listedClusters += 1
            listedDocuments += size
            if let serial = index.existing(.nearDuplicate, kept) { listedSizes[serial] += size } else { unknownKept = true }
        }
        var (foundClusters, foundDocuments, differ) = (0, 0, unknownKept)
        for serial in tallies.indices where tallies[serial].kind == .nearDuplicate {
            foundClusters += 1
            foundDocuments += tallies[serial].size
            // A found size is at least 1: a cluster the file does not list differs here too.
            if listedSizes[serial] != tallies[serial].size { differ = true }
        }
        guard differ else { return [] }
        return [
            "the clusters file \(path) lists \(listedClusters) clusters of \(listedDocuments) documents; "
                + "the outputs show \(foundClusters) of \(foundDocuments): were they made by the same run?"
        ]
    }

    /// The sites of a template summary (a file, or a folder of part files: `TemplateSummaryFolder`),
    /// with their template share.
    static func sites(_ path: String) throws(WinnowError) -> [RunReport.Site] {
        sites(of: InputSpec.isFolder(path) ? try TemplateSummaryFolder.read(path) : try summaryFileSites(path))
    }

    /// The report's sites from a template summary's, with their template share.
    private static func sites(of sites: [TemplateSummary.Site]) -> [RunReport.Site] {
        sites.map { site in
            RunReport.Site(
                site: site.site, pages: site.pages, pagesChanged: site.pagesChanged, pagesRemoved: site.pagesRemoved,
                bytesIn: site.bytesIn, bytesRemoved: site.bytesRemoved,
                templateShare: site.bytesIn > 0 ? Double(site.bytesRemoved) / Double(site.bytesIn) : 0,
                templateLines: site.templateLines)
        }
    }

    /// The sites of a template summary file, as the templates stage's `summary` option writes it.
    private static func summaryFileSites(_ path: String) throws(WinnowError) -> [TemplateSummary.Site] {
        let bytes: [UInt8]
        do {
            bytes = try WholeFile.read(path, limit: templateSummaryLimit)
        } catch {
            throw .configuration("cannot read the template summary: \(error.message)", path: path)
        }
        return try TemplateSummaryReader.sites(ofFile: bytes, path: path)
    }

    /// The most a template summary file may hold: it grows with the sites (18 MB for 50,001), so the
    /// limit of smaller side files would refuse a large run's; this one still bounds `/dev/zero`.
    static let templateSummaryLimit = 1 << 30

    /// `text` cut to at most `maxBytes` UTF-8 bytes, at the last line end before the limit when there is one.
    static func cut(_ text: String, maxBytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > maxBytes else { return text }
        var bytes = Array(utf8.prefix(maxBytes))
        if let newline = bytes.lastIndex(of: 0x0A), newline > maxBytes / 2 {
            bytes.removeSubrange(newline...)
        } else {
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self) + "\n[… cut at \(maxBytes) bytes]"
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(WinnowError) {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}
