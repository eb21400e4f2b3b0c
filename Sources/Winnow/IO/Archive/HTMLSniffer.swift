/// Tells HTML from other payloads when a response has no Content-Type, by its first tag (the rule of
/// the WHATWG MIME sniffing standard: `<!DOCTYPE HTML`, `<html`, `<head`, `<body`, `<p`, `<!--`, ...).
enum HTMLSniffer {
    private static let openings: [[UInt8]] = [
        "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a",
        "<style", "<title", "<b", "<body", "<br", "<p", "<!--",
    ].map { Array($0.utf8) }

    /// Whether `payload`, after a byte order mark and white space, opens with an HTML tag.
    static func looksLikeHTML(_ payload: [UInt8]) -> Bool {
        var index = 0
        if payload.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < payload.count && ASCIIByte.isSpace(payload[index]) || index < payload.count && payload[index] == 0x0C {
            index += 1
        }
        for opening in openings where index + opening.count < payload.count {
            var matches = true
            for (offset, expected) in opening.enumerated() where ASCIIByte.lowercased(payload[index + offset]) != expected {
                matches = false
                break
            }
            // The tag name ends there: a space or `>` (a comment needs nothing after `<!--`).
            let next = payload[index + opening.count]
            if matches && (opening.last == UInt8(ascii: "-") || next == UInt8(ascii: ">") || ASCIIByte.isSpace(next)) {
                return true
            }
        }
        return false
    }
}
