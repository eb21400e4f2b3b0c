import Foundation

/// The intermediate file between the `exact` stage's map, merge and apply steps, one JSON object per
/// line, fingerprints in ascending order:
///
///     {"format":"winnow.exact-keepers","version":7,"keep":"longest"}
///     {"input":"shard-3.jsonl"}
///     {"fingerprint":"9c01ab77e4f00a12","rank":"fffffffffffffe2a…","id":"a17","source":"shard-3.jsonl","line":12}
///     {"end_of_file":1}
///
/// Per fingerprint of folded text (16 hex digits: JSON numbers lose precision above 2^53), the
/// document that keeps it: its keep rank (hex bytes; bytewise smaller wins, then id bytewise, then
/// origin), id and origin (input name and line: records may share an id, so map and apply must
/// name their inputs alike). The `input` lines name the inputs map read (`MapInputs`), which apply
/// checks its own against; a map of framed records writes none.
/// Map writes one per shard, merge writes the same format (so merges of merges work), apply reads
/// the merged file. Keepers combine by taking the better rank, so any sharding merges to the same file
/// (with `keep: first` the rank is the input path and line, so it follows how the shards are named).
public enum ExactKeepersFile {
    public static let format = "winnow.exact-keepers"
    /// 5 since the file names the inputs map read, 7 since each character of a script written without
    /// spaces is a word (`WordHasher`), which changes those texts' fingerprints.
    public static let version = 7

    static func header(_ keep: KeepPolicy) -> JSONValue {
        .object([("format", .string(format)), ("version", .int(version)), ("keep", .string(keep.description))])
    }

    public static func write(_ tally: ExactTally, keep: KeepPolicy, to path: String) throws(WinnowError) {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = []
        header(keep).encode(into: &buffer)
        buffer.append(0x0A)
        let inputLines = tally.inputs.appendLines(to: &buffer)
        for fingerprint in tally.keepers.keys.sorted() {
            let keeper = tally.keepers[fingerprint]!
            buffer += Array("{\"fingerprint\":\"".utf8)
            Hex.append(fingerprint, digits: 16, to: &buffer)
            buffer += Array("\",\"rank\":\"".utf8)
            for byte in keeper.rank { Hex.append(UInt64(byte), digits: 2, to: &buffer) }
            buffer += Array("\",\"id\":".utf8)
            JSONString.append(keeper.id, to: &buffer)
            buffer += Array(",\"source\":".utf8)
            JSONString.append(keeper.origin.source, to: &buffer)
            buffer += Array(",\"line\":\(keeper.origin.line)}\n".utf8)
            try file.drain(&buffer)
        }
        buffer += IntermediateFile.endLine(count: inputLines + tally.keepers.count)
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    /// The merge of the keepers files `paths`, refusing two that record one origin: one file given
    /// twice, or two shards mapped under one name, which apply could not tell apart.
    package static func merge(_ paths: [String], keep: KeepPolicy) throws(WinnowError) -> ExactTally {
        var tally = ExactTally()
        // The origins of the files read so far, each with its file's place in `paths` (a file records
        // each origin once, `read` checks).
        var recorded: [DocumentOrigin: Int] = [:]
        var namingInputs: (named: String?, unnamed: String?) = (nil, nil)
        for (place, path) in paths.enumerated() {
            var shard = ExactTally()
            try read(path, keep: keep, into: &shard)
            try MapInputs.requireAlike(shard.inputs, path: path, kind: "keepers", seen: &namingInputs)
            let twice = shard.keepers.values.lazy.map(\.origin).filter { recorded[$0] != nil }
            // The first by origin, so that the message is the same on every run.
            if let origin = twice.min(by: DocumentOrigin.precedes) {
                throw .configuration(
                    "\(paths[recorded[origin]!]) and this keepers file both record a document read at \(origin): give "
                        + "each keepers file once (an overlapping glob names one twice), and map each input under a "
                        + "name of its own; nothing was written", path: path)
            }
            for keeper in shard.keepers.values { recorded[keeper.origin] = place }
            tally.merge(shard)
        }
        return tally
    }

    /// What is wrong with a keepers file's header `line`, for a step given `keep`: the policy the file
    /// was made with, named so that the step can be given it, or a file of another kind or winnow.
    private static func headerMismatch(_ line: ArraySlice<UInt8>, keep: KeepPolicy) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
        guard object?["format"] as? String == format, object?["version"] as? Int == version,
            let recorded = (object?["keep"] as? String).flatMap(KeepPolicy.init), recorded != keep,
            header(recorded).encoded().elementsEqual(line)
        else {
            return "not a keepers file of this winnow (\(format) version \(version)): map again with this one; expected the "
                + "header " + String(decoding: header(keep).encoded(), as: UTF8.self)
        }
        return "the keepers were chosen with keep policy '\(recorded)', and this step was given '\(keep)'"
            + (keep == .longest ? " (the default)" : "") + ": give --keep \(recorded), as map was given "
            + "(map, merge and apply must use one policy; to keep by another, map again with it)"
    }

    /// Reads a keepers file made with the same keep policy and merges it into `tally`.
    public static func read(_ path: String, keep: KeepPolicy, into tally: inout ExactTally) throws(WinnowError) {
        var shard = ExactTally()
        var origins = Set<DocumentOrigin>()
        var inputs = MapInputs.unknown
        let expected = header(keep).encoded()
        try IntermediateFile.readRecords(
            path, kind: "exact keepers",
            checkHeader: { line, location throws(WinnowError) in
                guard !line.elementsEqual(expected) else { return }
                throw .configuration(headerMismatch(line, keep: keep), path: location)
            }
        ) { record throws(WinnowError) in
            if try inputs.read(record) { return }
            guard let fingerprintHex = record.plainString("fingerprint"), let rankHex = record.plainString("rank"),
                let id = record.string("id"), let source = record.string("source"), let line = record.count("line"),
                let fingerprint = Hex.parse(fingerprintHex, digits: 16), fingerprint.count == 1,
                let rank = Hex.parse(rankHex, digits: 2)
            else {
                throw .configuration(
                    "a keepers line needs a 16-hex-digit 'fingerprint', a hex 'rank', an 'id', "
                        + "a 'source' and a 'line'", path: record.location)
            }
            let origin = DocumentOrigin(source: source, line: line)
            // One document is one fingerprint: two lines of one origin name two shards mapped under
            // one name (a merge older than this check took them), which apply could not tell apart.
            guard origins.insert(origin).inserted else {
                throw .configuration(
                    "two keepers lines of one document (\(origin)): the keepers file was merged from shards mapped "
                        + "under one name; map each input under a name of its own", path: record.location)
            }
            shard.add(fingerprint: fingerprint[0], DocumentRank(rank: rank.map { UInt8($0) }, id: id, origin: origin))
        }
        // A file holds a shard's keepers, not how many documents each fingerprint had.
        shard.repeated = nil
        shard.inputs = inputs
        tally.merge(shard)
    }
}
