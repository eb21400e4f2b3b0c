/// The clustering of the `neardup` stage as two steps an engine runs apart, each over one partition's
/// signature lines: `pairs` judges the LSH buckets a partition was given and writes their verified
/// pairs; `link` clusters whole connected components of those pairs. Both call the code `winnow run`
/// clusters with (`DuplicateClusters`), so the clusters are the same however the engine partitions.
package enum NearDupSteps {
    /// The verified pairs of the buckets each signature line takes part in: the bands listed in its
    /// `judge_bands` member (band numbers, comma-separated). Every member of a judged bucket must be in
    /// `signatures`, with that band listed.
    package static func pairs(
        signatures: [String], options: NearDupOptions, output: String
    ) throws(WinnowError)
        -> ClusteringStatistics
    {
        var judged: [Bool] = []
        let tally = try readSignatures(signatures, options: options) { record throws(WinnowError) in
            var bands = [Bool](repeating: false, count: options.bands)
            for field in (record.plainString("judge_bands") ?? []).split(separator: UInt8(ascii: ",")) {
                guard let band = Int(String(decoding: field, as: UTF8.self)), bands.indices.contains(band) else {
                    throw .configuration(
                        "'judge_bands' must list band numbers below \(options.bands), comma-separated",
                        path: record.location)
                }
                bands[band] = true
            }
            judged += bands
        }
        var statistics = ClusteringStatistics()
        statistics.documents = tally.documents
        let order = DuplicateClusters.keepOrder(tally)
        let pairs = DuplicateClusters.verifiedPairs(tally, order: order, options: options, statistics: &statistics) { index, band in
            judged[index * options.bands + band]
        }.pairs
        try VerifiedPairsFile.write(
            pairs.map { pair in
                (earlier: tally.origins[order[Int(pair & 0xFFFF_FFFF)]], later: tally.origins[order[Int(pair >> 32)]])
            }, options: options, to: output)
        return statistics
    }

    /// The clusters of the documents in `signatures` from their verified pairs (`pairs` files). Every
    /// document of a pair must be in `signatures`, and a connected component of the pairs must be
    /// whole: its clusters are then the ones `winnow run` finds.
    package static func link(
        signatures: [String], pairs: [String], options: NearDupOptions
    ) throws(WinnowError)
        -> DuplicateClusters
    {
        let tally = try readSignatures(signatures, options: options)
        let order = DuplicateClusters.keepOrder(tally)
        var positions: [DocumentOrigin: Int] = [:]
        for (position, index) in order.enumerated() { positions[tally.origins[index]] = position }
        var packed: [UInt64] = []
        for path in pairs {
            try VerifiedPairsFile.read(path, options: options) { earlier, later throws(WinnowError) in
                guard let first = positions[earlier], let second = positions[later], first != second else {
                    throw .configuration(
                        "the pair \(earlier) – \(later) names a document that has no signature here",
                        path: path)
                }
                packed.append(DuplicateClusters.pair(min(first, second), max(first, second)))
            }
        }
        var statistics = ClusteringStatistics()
        statistics.documents = tally.documents
        var clusters = DuplicateClusters(
            tally: tally, order: order, pairs: Array(Set(packed)).sorted(), options: options,
            statistics: statistics)
        // A partition's signatures are some of the corpus's: its clusters file records no inputs.
        clusters.inputs = .unknown
        return clusters
    }

    /// The signatures of every file in one tally, each document once (`requireDistinctOrigins`): what
    /// `neardup merge`, `pairs` and `link` cluster.
    package static func readSignatures(_ paths: [String], options: NearDupOptions) throws(WinnowError) -> SignatureTally {
        try readSignatures(paths, options: options, added: nil)
    }

    /// Reads as above; `added` sees each line after its document is added (`pairs`' bands to judge).
    static func readSignatures(
        _ paths: [String], options: NearDupOptions, added: ((IntermediateFile.Record) throws(WinnowError) -> Void)?
    ) throws(WinnowError) -> SignatureTally {
        var tally = SignatureTally()
        var files: [(path: String, end: Int)] = []
        var namingInputs: (named: String?, unnamed: String?) = (nil, nil)
        for path in paths {
            let inputs = try SignaturesFile.read(path, options: options, into: &tally, added: added)
            try MapInputs.requireAlike(inputs, path: path, kind: "signatures", seen: &namingInputs)
            files.append((path, tally.count))
        }
        try requireDistinctOrigins(tally, files: files)
        return tally
    }

    /// A document is its origin: two signature lines of one origin are one file given twice (an
    /// overlapping glob), two shards mapped under one input name, or a partition built wrongly.
    /// Clustered, each copy would be the other's near-duplicate and apply would remove both, the
    /// kept one included. `files` are the paths read, each with the tally's count after it.
    private static func requireDistinctOrigins(
        _ tally: SignatureTally, files: [(path: String, end: Int)]
    )
        throws(WinnowError)
    {
        func file(of index: Int) -> String { files.first { index < $0.end }?.path ?? "?" }
        var first: [DocumentOrigin: Int] = [:]
        first.reserveCapacity(tally.count)
        for (index, origin) in tally.origins.enumerated() {
            guard let earlier = first[origin] else {
                first[origin] = index
                continue
            }
            let (one, other) = (file(of: earlier), file(of: index))
            throw .configuration(
                "two signature lines of one document (\(origin)), "
                    + (one == other ? "both in \(one)" : "one in \(one), one in \(other)")
                    + ": give each signatures file once (an overlapping glob names one twice), and map each input "
                    + "under a name of its own; nothing was written")
        }
    }
}
