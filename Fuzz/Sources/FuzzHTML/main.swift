// The HTML path: charset detection and decoding, libxml2's parser into the page tree, main-content
// selection and the text renderer, through `HTMLExtractor`. Settings byte: main content or all text,
// title, tables, link lists, bytes or a JSON string, and a declared charset. Invariants: the text and
// the metadata are valid UTF-8 without NUL; a page of plain words (no markup, no entities) comes out
// as those words, one space apart, when all visible text is asked for.
import FuzzSupport
import Winnow

let charsets: [String?] = [nil, "utf-8", "windows-1252", "shift_jis", "text/html; charset=iso-2022-jp", "utf-16", "gb2312", "koi8-r"]

func checkClean(_ value: String?, _ what: String) {
    guard let value else { return }
    let bytes = Array(value.utf8)
    require(String(validating: bytes, as: UTF8.self) != nil, "\(what) is not valid UTF-8")
    require(!bytes.contains(0), "\(what) contains NUL")
}

/// Words of a page that is only text: split at HTML's white space (and no-break spaces).
func plainWords(_ bytes: [UInt8]) -> String? {
    guard String(validating: bytes, as: UTF8.self) != nil, !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
        !bytes.contains(where: {
            $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D)
                || $0 == 0x7F
        })
    else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.unicodeScalars.split { [" ", "\t", "\n", "\r", "\u{0C}", "\u{A0}"].contains($0) }
        .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
}

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let flags = input.byte()
    let data = input.rest
    var settings = HTMLExtractor.Settings()
    settings.mainContent = flags & 1 == 0
    settings.title = flags & 2 != 0
    settings.tables = flags & 4 == 0
    settings.links = flags & 8 != 0
    let asText = flags & 16 != 0
    let declared = charsets[Int(flags >> 5)]
    let html: HTMLContent = asText ? .text(String(decoding: data, as: UTF8.self)) : .bytes(data)
    switch HTMLExtractor(settings: settings).extract(html, declaredCharset: declared) {
    case .text(let text, let metadata, let encoding):
        checkClean(text, "the text")
        checkClean(metadata.title, "the title")
        checkClean(metadata.language, "the language")
        checkClean(metadata.canonicalURL, "the canonical URL")
        checkClean(metadata.published, "the date")
        require(!encoding.isEmpty, "no encoding named")
        if !settings.mainContent && !settings.title, let words = plainWords(data) {
            require(text == words, "plain text changed: \(words.debugDescription) became \(text.debugDescription)")
        }
    case .refused(let reason):
        require(reason == "binary" || reason == "html-too-large", "refused for an unknown reason: \(reason)")
    }
    return 0
}
