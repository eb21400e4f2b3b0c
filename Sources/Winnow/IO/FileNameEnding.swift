/// Suffix and prefix tests on file names by their UTF-8 bytes: `String.hasSuffix` compares grapheme
/// clusters, so a name with a "Prepend" character before its suffix (`a\u{600}.html`) would not end in `.html`.
enum FileNameEnding {
    /// Whether `name` ends with one of `suffixes` (ASCII), A–Z matching a–z, as file systems spell them.
    static func hasSuffix(_ name: String, in suffixes: [String]) -> Bool {
        suffixes.contains { matchedSuffix(name, $0) }
    }

    /// Whether `name` starts with `prefix`, byte for byte.
    static func hasPrefix(_ name: String, _ prefix: String) -> Bool {
        name.utf8.starts(with: prefix.utf8)
    }

    /// Whether `name` ends with `suffix`, byte for byte.
    static func endsWith(_ name: String, _ suffix: String) -> Bool {
        name.utf8.count >= suffix.utf8.count && name.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    private static func matchedSuffix(_ name: String, _ suffix: String) -> Bool {
        let count = suffix.utf8.count
        guard name.utf8.count >= count else { return false }
        return name.utf8.suffix(count).lazy.map(ASCIIByte.lowercased).elementsEqual(suffix.utf8.lazy.map(ASCIIByte.lowercased))
    }
}
