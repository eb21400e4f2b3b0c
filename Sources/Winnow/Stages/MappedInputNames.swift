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
    /// Refuses an input of `inputs` (the origin names the apply run gives its records) that is not in
    /// `mapped` but is the same file as a name that is, and one that is while another name there,
    /// not given, is the same file: that file was mapped twice, and each of its documents would be
    /// removed as a copy of its twin under the other name.
    package static func require(inputs: [String], namedIn mapped: Set<String>, stateFile: String) throws(WinnowError) {
        // By bytes: origins are matched bytewise, so an NFC/NFD respelling is another name.
        let mapped = Set(mapped.map { ByteString($0) })
        let given = Set(inputs.map { ByteString($0) })
        var mappedByFile: [String: String] = [:]
        for name in mapped where !given.contains(name) {
            guard let key = fileKey(name.string) else { continue }
            // The bytewise smallest of two spellings, so the message is the same on every run.
            if let other = mappedByFile[key], BytewiseOrder.precedes(other, name.string) { continue }
            mappedByFile[key] = name.string
        }
        guard !mappedByFile.isEmpty else { return }
        for name in inputs {
            guard let key = fileKey(name), let spelling = mappedByFile[key] else { continue }
            if mapped.contains(ByteString(name)) {
                throw .configuration(
                    "this input was mapped twice, as '\(name)' and as '\(spelling)' (\(stateFile) holds both): each of its "
                        + "documents would be removed as a copy of itself; map it once, under one name (nothing was read)",
                    path: name)
            }
            throw .configuration(
                "this input was mapped as '\(spelling)' (the name \(stateFile) records its documents by): give it as "
                    + "'\(spelling)', as at map; under another name none of its documents is recognized, and the "
                    + "copies kept would be removed or none removed (nothing was read)",
                path: name)
        }
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
