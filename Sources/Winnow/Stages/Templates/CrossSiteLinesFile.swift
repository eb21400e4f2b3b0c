/// The lines repeated across enough sites to be template lines everywhere (`cross_site_sites`), as 16 hex
/// digits a line: what a cluster partition needs besides its own sites' counts, since it cannot work
/// them out from those alone. `templates apply --cross-site FILE` reads it.
package enum CrossSiteLinesFile {
    package static func read(_ path: String) throws(WinnowError) -> Set<UInt64> {
        let data: [UInt8]
        do {
            // By the name's bytes, as the counts files beside it are read; with no limit but memory, as
            // they have none: it grows with the corpus, one line a key.
            data = try WholeFile.read(path, limit: .max)
        } catch {
            throw .io("cannot read the cross-site lines file (\(error.message))", path: path)
        }
        var keys = Set<UInt64>()
        for (number, whole) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            // A file saved with CRLF line ends (an editor on Windows) holds the same keys.
            let line = whole.last == 0x0D ? whole.dropLast() : whole
            guard !line.isEmpty else { continue }
            guard let key = StableHash.parseHex(String(decoding: line, as: UTF8.self)) else {
                throw .configuration("a cross-site line key must be 16 hex digits", path: "\(path):\(number + 1)")
            }
            keys.insert(key)
        }
        return keys
    }
}
