/// The string values of one key in a JSON-LD script, found by scanning its bytes rather than parsing
/// it: pages often ship JSON-LD that a strict parser refuses, and a page needs only a few names and
/// dates of it. After `"key"` come separators, then a string or a list of strings.
enum JSONLDStrings {
    /// Calls `body` with each string value of `key`, in text order, until it returns false.
    static func forEach(_ key: [UInt8], in script: [UInt8], _ body: (ArraySlice<UInt8>) -> Bool) {
        var index = 0
        while let hit = ByteSearch.firstOffset(of: key, in: script[index...]) {
            index = hit + key.count
            var inList = false
            while index < script.count {
                let byte = script[index]
                if byte == UInt8(ascii: "\"") {
                    guard let close = script[(index + 1)...].firstIndex(of: UInt8(ascii: "\"")) else { return }
                    guard body(script[(index + 1)..<close]) else { return }
                    index = close + 1
                    if !inList { break }
                } else if byte == UInt8(ascii: "[") {
                    inList = true
                    index += 1
                } else if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",") || byte <= 0x20 {
                    index += 1
                } else {
                    break
                }
            }
        }
    }
}
