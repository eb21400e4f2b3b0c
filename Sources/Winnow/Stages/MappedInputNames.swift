import Glibc

/// An apply step's inputs checked against the input names its state file records (the origins in
/// exact's keepers, neardup's clusters), before anything is read. A document is known by its origin,
/// the input's name as given at map, so an input given to apply under another spelling of that name
/// (`./shard.jsonl` for `shard.jsonl`, an absolute path) matches none of its documents: exact would
/// remove every keeper as a copy of itself, neardup would remove nothing. Renaming origins to match
/// would change the ids and `duplicate_of_origin` that name records, so such a spelling is refused,
/// naming the spelling to use. Names are compared by the file they denote (`OutputTarget.identity`,
/// in the current folder); a name the state file does not hold is no error by itself (a shard none
/// of whose documents keeps a text or joins a cluster is not named there).
package enum MappedInputNames {
    /// Refuses an input of `inputs` (the origin names the apply run gives its records) that is not among
    /// the names of `recorded` (the state file's documents: origin and id) but is the same file as one
    /// that is; and one that is, while another name there, not given, is the same file and records the
    /// same ids at the same lines: that file was mapped twice, and each of its documents would be removed
    /// as a copy of its twin under the other name. (Two names of one path that record other documents
    /// are two machines' files, each mapped where it lives.)
    package static func require(
        inputs: [String], recorded: some Collection<(DocumentOrigin, String)>, stateFile: String
    ) throws(WinnowError) {
        // By bytes: origins are matched bytewise, so an NFC/NFD respelling is another name.
        let names = Set(recorded.map { ByteString($0.0.source) })
        let given = Set(inputs.map { ByteString($0) })
        var mappedByFile: [String: [String]] = [:]
        for name in names where !given.contains(name) {
            guard let key = fileKey(name.string) else { continue }
            mappedByFile[key, default: []].append(name.string)
        }
        guard !mappedByFile.isEmpty else { return }
        for name in inputs {
            // The bytewise smallest of two spellings, so the message is the same on every run.
            guard let key = fileKey(name), let spellings = mappedByFile[key]?.sorted(by: BytewiseOrder.precedes) else { continue }
            guard names.contains(ByteString(name)) else {
                throw .configuration(
                    "this input was mapped as '\(spellings[0])' (the name \(stateFile) records its documents by): give it "
                        + "as '\(spellings[0])', as at map; under another name none of its documents is recognized, and the "
                        + "copies kept would be removed or none removed (nothing was read)",
                    path: name)
            }
            let own = ids(recordedUnder: name, in: recorded)
            for spelling in spellings where sameDocuments(own, ids(recordedUnder: spelling, in: recorded)) {
                throw .configuration(
                    "this input was mapped twice, as '\(name)' and as '\(spelling)' (\(stateFile) records its documents "
                        + "under both): each of them would be removed as a copy of itself; map it once, under one name "
                        + "(nothing was read)",
                    path: name)
            }
        }
    }

    /// The ids `recorded` holds under the input name `name`, by line.
    private static func ids(recordedUnder name: String, in recorded: some Collection<(DocumentOrigin, String)>) -> [Int: String] {
        let name = ByteString(name)
        var ids: [Int: String] = [:]
        for (origin, id) in recorded where ByteString(origin.source) == name { ids[origin.line] = id }
        return ids
    }

    /// Whether two names record one file's documents: the same id at every line both record, and one at least.
    private static func sameDocuments(_ first: [Int: String], _ second: [Int: String]) -> Bool {
        var shared = 0
        for (line, id) in first {
            guard let other = second[line] else { continue }
            guard BytewiseOrder.equal(id, other) else { return false }
            shared += 1
        }
        return shared > 0
    }

    /// The file a name denotes, with the `#2` of an input given twice kept apart.
    private static func fileKey(_ name: String) -> String? {
        if let hash = name.lastIndex(of: "#"), access(FileName.system(name), F_OK) != 0 {
            let number = name[name.index(after: hash)...]
            if !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return OutputTarget.identity(of: String(name[..<hash])).map { $0 + "#" + number }
            }
        }
        return OutputTarget.identity(of: name)
    }
}
