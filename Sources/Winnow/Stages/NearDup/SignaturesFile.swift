import Glibc

/// The intermediate file between the `neardup` stage's map and merge steps, one JSON object per line:
///
///     {"format":"winnow.minhash-signatures","version":9,"shingle_words":5,"permutations":112,"bands":28,"rows":4,"sketch":256,"seed":"1","keep":"longest"}
///     {"input":"shard-3.jsonl"}
///     {"id":"a17","source":"shard-3.jsonl","line":12,"rank":"fffffffffffffe2a…","shingles":412,"fingerprint":"5be0…","signature":"9c01ab77…","sketch":"0001f3a2…","bands":["3f0e…",…]}
///     {"end_of_file":1}
///
/// The header names the parameters the signatures depend on; `merge` refuses files made with others.
/// Per document: its id and origin (input name and line: records may share an id, so map and apply
/// must name their inputs alike), its keep rank (hex bytes; bytewise smaller is kept first, ties
/// broken by id, then origin),
/// its number of shingles, its fingerprint (16 hex digits: `WordSequenceHash`, which the clusters file
/// carries for apply to check), its MinHash signature (8 hex digits per slot), its shingle sketch (8 hex
/// digits per hash, fewer than `sketch` hashes when the sketch holds every shingle: `ShingleSketch`)
/// and its LSH band keys (16 hex digits each, band 0 first: `LSHBanding.key`). An engine can explode
/// the band keys, group by (band, key) in its shuffle to find candidate pairs, and verify them with
/// the sketches; `winnow neardup merge` does all of it. The `input` lines name the inputs map read
/// (`MapInputs`), which the clusters file carries on for apply to check; a map of framed records writes none.
public enum SignaturesFile {
    public static let format = "winnow.minhash-signatures"
    /// 6 since lines carry the document's fingerprint, 7 since the file names the inputs map read, 9
    /// since each character of a script written without spaces is a word (`WordHasher`).
    public static let version = 9

    static func header(_ options: NearDupOptions) -> [(String, JSONValue)] {
        [
            ("format", .string(format)), ("version", .int(version)), ("shingle_words", .int(options.shingleWords)),
            ("permutations", .int(options.permutations)), ("bands", .int(options.bands)), ("rows", .int(options.rows)),
            ("sketch", .int(options.sketch)), ("seed", .string(String(options.seed))), ("keep", .string(options.keep.description)),
        ]
    }

    public static func write(_ tally: SignatureTally, options: NearDupOptions, to path: String) throws(WinnowError) {
        let writer = try Writer(path: path, options: options, inputs: tally.inputs)
        try writer.append(tally)
        try writer.commit()
    }

    /// Writes a signatures file a tally at a time (`neardup map` appends each batch's as it is done).
    public final class Writer {
        /// The file written; a stream (a pipe, `/dev/stdout`) has the lines written so far.
        package let file: OutputFile
        private let options: NearDupOptions
        private var buffer: [UInt8] = []
        /// Signature lines in `buffer`: the records a stream is sent, the header and input lines not counted.
        private var buffered = 0
        private var count = 0

        /// Opens the file (committed atomically by `commit`) and writes its header and `inputs`' lines.
        public init(path: String, options: NearDupOptions, inputs: MapInputs) throws(WinnowError) {
            file = try OutputFile(path: path)
            self.options = options
            JSONValue.object(SignaturesFile.header(options)).encode(into: &buffer)
            buffer.append(0x0A)
            count = inputs.appendLines(to: &buffer)
        }

        /// Appends one line per document of `tally`.
        public func append(_ tally: SignatureTally) throws(WinnowError) {
            let banding = options.banding
            count += tally.count
            for index in 0..<tally.count {
                let signature = tally.signature(index, permutations: options.permutations)
                buffer.append(contentsOf: "{\"id\":".utf8)
                JSONString.append(tally.ids[index], to: &buffer)
                buffer.append(contentsOf: ",\"source\":".utf8)
                JSONString.append(tally.origins[index].source, to: &buffer)
                buffer.append(contentsOf: ",\"line\":".utf8)
                buffer.append(contentsOf: String(tally.origins[index].line).utf8)
                buffer.append(contentsOf: ",\"rank\":\"".utf8)
                for byte in tally.ranks[index] { Hex.append(UInt64(byte), digits: 2, to: &buffer) }
                buffer.append(contentsOf: "\",\"shingles\":".utf8)
                buffer.append(contentsOf: String(tally.shingleCounts[index]).utf8)
                buffer.append(contentsOf: ",\"fingerprint\":\"".utf8)
                Hex.append(tally.fingerprints[index], digits: 16, to: &buffer)
                buffer.append(contentsOf: "\",\"signature\":\"".utf8)
                Hex.append(words: signature, to: &buffer)
                buffer.append(contentsOf: "\",\"sketch\":\"".utf8)
                Hex.append(words: tally.sketch(index), to: &buffer)
                buffer.append(contentsOf: "\",\"bands\":[".utf8)
                for band in 0..<banding.bands {
                    buffer.append(contentsOf: band > 0 ? ",\"".utf8 : "\"".utf8)
                    Hex.append(sixteenDigitsOf: banding.key(band: band, of: signature), to: &buffer)
                    buffer.append(UInt8(ascii: "\""))
                }
                buffer.append(contentsOf: "]}\n".utf8)
                buffered += 1
                if buffer.count >= 1 << 20 { try flush() }
            }
        }

        private func flush() throws(WinnowError) {
            try file.write(buffer, records: buffered)
            buffer.removeAll(keepingCapacity: true)
            buffered = 0
        }

        /// Writes what is buffered and the end line, and moves the file into place.
        public func commit() throws(WinnowError) {
            buffer += IntermediateFile.endLine(count: count)
            try flush()
            try file.commit()
        }
    }

    /// Reads a signatures file made with the same parameters as `options` and adds it to `tally`.
    /// A damaged line fails the whole read (the tally is then not to be used).
    public static func read(_ path: String, options: NearDupOptions, into tally: inout SignatureTally) throws(WinnowError) {
        try read(path, options: options, into: &tally, added: nil)
    }

    /// Reads as above; `added` sees each line after its document is added, for the fields an engine
    /// adds (`NearDupSteps`). Returns the inputs this file names, which it also merges into `tally`.
    @discardableResult
    static func read(
        _ path: String, options: NearDupOptions, into tally: inout SignatureTally,
        added: ((IntermediateFile.Record) throws(WinnowError) -> Void)?
    ) throws(WinnowError) -> MapInputs {
        let banding = options.banding
        var signature: [UInt32] = [], sketch: [UInt32] = []
        // A file too large for its tally to fit in memory (a wrong file given by mistake, say) reserves
        // nothing: its header is refused, or its tally grows as it is read, rather than one allocation fail.
        if let size = regularFileSize(path), size <= physicalMemory / 2 {
            // A line holds 8 hex digits a signature slot and a sketch hash (up to `sketch` of them), and
            // about 100 bytes of id, origin and rank: about this many lines (more when sketches are
            // short), and at most this many sketch hashes.
            let lines = size / (options.permutations * 8 + options.sketch * 8 + 100)
            tally.reserveCapacity(
                documents: lines, permutations: options.permutations, bands: options.bands, sketchHashes: size / 8)
        }
        var inputs = MapInputs.unknown
        try IntermediateFile.readRecords(
            path, kind: "signatures", header: JSONValue.object(header(options)).encoded(),
            mismatch: "signatures were made with other parameters"
        ) {
            record throws(WinnowError) in
            if try inputs.read(record) { return }
            signature.removeAll(keepingCapacity: true)
            sketch.removeAll(keepingCapacity: true)
            guard let id = record.string("id"), let source = record.string("source"), let line = record.count("line"),
                let rankHex = record.plainString("rank"), let fingerprintHex = record.plainString("fingerprint"),
                let fingerprint = Hex.parse(fingerprintHex, digits: 16), fingerprint.count == 1,
                let signatureHex = record.plainString("signature"), let shingles = record.count("shingles"),
                let sketchHex = record.plainString("sketch"), let rank = Hex.parse(rankHex, digits: 2),
                signatureHex.count == options.permutations * 8, Hex.appendWords(of: signatureHex, to: &signature),
                !sketchHex.isEmpty, sketchHex.count <= options.sketch * 8, Hex.appendWords(of: sketchHex, to: &sketch),
                zip(sketch, sketch.dropFirst()).allSatisfy({ $0 < $1 })
            else {
                throw .configuration(
                    "a signature line needs 'id', 'source', 'line', hex 'rank', 'shingles', a 16-hex-digit 'fingerprint', "
                        + "a hex 'signature' of 8 digits "
                        + "per permutation and a hex 'sketch' of 8 digits per hash, ascending, at most the header's "
                        + "'sketch' hashes",
                    path: record.location)
            }
            tally.add(
                id: id, origin: DocumentOrigin(source: source, line: line), rank: rank.map { UInt8($0) },
                fingerprint: fingerprint[0], shingles: shingles, banding: banding
            ) {
                $0 += signature
            } sketch: {
                $0 += sketch
            }
            try added?(record)
        }
        tally.inputs.merge(inputs)
        return inputs
    }

    /// The machine's memory in bytes.
    private static var physicalMemory: Int { sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE)) }

    /// The size of a regular file, nil for anything else (a pipe, a missing file: the read reports it).
    private static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(FileName.system(path), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }
}
