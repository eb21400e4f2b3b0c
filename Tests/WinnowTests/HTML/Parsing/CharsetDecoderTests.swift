import Testing
import WinnowTestSupport

@testable import Winnow

/// Encoding detection: byte order marks, UTF-8, declared charsets and the fallback.
@Suite struct CharsetDecoderTests {
    static func decoded(_ bytes: [UInt8], declared: String? = nil) -> (text: String, encoding: String) {
        let result = CharsetDecoder.decode(bytes, declared: declared)
        return (String(decoding: result.utf8, as: UTF8.self), result.encoding)
    }

    static let latin1Page: [UInt8] =
        Array("<html><head><meta charset=\"iso-8859-1\"></head><body>caf".utf8) + [0xE9]
        + Array(" cr".utf8) + [0xE8, 0x6D, 0x65] + Array("</body></html>".utf8)

    @Test func metaCharsetDecodesLatin1() {
        let (text, encoding) = Self.decoded(Self.latin1Page)
        #expect(text.contains("café crème"))
        #expect(encoding == "windows-1252")
    }

    @Test func httpEquivAndDeclaredCharset() {
        let cyrillic: [UInt8] =
            Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>".utf8)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        #expect(Self.decoded(cyrillic).text.contains("Привет"))
        let undeclared: [UInt8] = Array("<p>".utf8) + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        #expect(Self.decoded(undeclared, declared: "text/html; charset=cp1251").text.contains("Привет"))
    }

    /// A server that declares UTF-8 for every page: one whose bytes are not UTF-8 is read as its own
    /// `<meta>` says, not as Windows-1252; a declaration other than UTF-8 still comes first.
    @Test func aDeclaredUTF8TheBytesAreNotGivesWayToTheMetaCharset() {
        let cyrillic: [UInt8] =
            Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>".utf8)
            + [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]
        let (text, encoding) = Self.decoded(cyrillic, declared: "text/html; charset=utf-8")
        #expect(text.contains("Привет"), "\(text)")
        #expect(encoding == "windows-1251")
        #expect(Self.decoded(Self.latin1Page, declared: "text/html; charset=windows-1251").encoding == "windows-1251")
        // An unknown declared label gives way too.
        #expect(Self.decoded(cyrillic, declared: "text/html; charset=x-no-such").text.contains("Привет"))
    }

    @Test func validUTF8WinsOverAWrongDeclaration() {
        let page = Array("<meta charset=\"iso-8859-1\"><p>café ☺</p>".utf8)
        let (text, encoding) = Self.decoded(page)
        #expect(text.contains("café ☺"))
        #expect(encoding == "utf-8")
    }

    @Test func byteOrderMarks() {
        #expect(Self.decoded([0xEF, 0xBB, 0xBF] + Array("<p>é</p>".utf8)).text == "<p>é</p>")
        let utf16: [UInt8] = [0xFF, 0xFE] + "<p>é</p>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(Self.decoded(utf16).text == "<p>é</p>")
    }

    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    /// UTF-32's marks are told from UTF-16's (little-endian's starts the same), in either order of bytes.
    @Test func utf32ByteOrderMarks() {
        let page = "<p>Café, a UTF-32 page.</p>"
        let little = page.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
        let big = page.unicodeScalars.flatMap { scalar in (0..<4).reversed().map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
        #expect(Self.decoded([0xFF, 0xFE, 0x00, 0x00] + little) == (page, "utf-32le"))
        #expect(Self.decoded([0x00, 0x00, 0xFE, 0xFF] + big) == (page, "utf-32be"))
        // Neither is taken for binary on its control bytes (UTF-32BE's mark was, and the page removed).
        #expect(!HTMLExtractor.looksBinary([0xFF, 0xFE, 0x00, 0x00] + little))
        #expect(!HTMLExtractor.looksBinary([0x00, 0x00, 0xFE, 0xFF] + big))
    }

    /// A unit that does not decode (a lone surrogate) is one U+FFFD, and the rest of the page reads as it
    /// did: skipping one byte of it read every later unit across two.
    @Test func aLoneSurrogateInUTF16IsOneReplacement() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Self.utf16LE("<p>before ") + [0x00, 0xD8] + Self.utf16LE("after, intact</p>")
        #expect(Self.decoded(bytes) == ("<p>before \u{FFFD}after, intact</p>", "utf-16le"))
        let utf16BE: (String) -> [UInt8] = { $0.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        let big: [UInt8] = [0xFE, 0xFF] + utf16BE("<p>a ") + [0xDC, 0x00] + utf16BE("b</p>")
        #expect(Self.decoded(big) == ("<p>a \u{FFFD}b</p>", "utf-16be"))
    }

    /// A page read as far as its `<meta>` is no UTF-16 or UTF-32, whatever the meta says (WHATWG reads
    /// such a label as UTF-8): a Windows-1252 page so labelled is Windows-1252, not CJK.
    @Test func aWideLabelInMetaIsNotBelieved() {
        let page: [UInt8] =
            Array("<html><head><meta charset=\"utf-16\"></head><body><p>Caf".utf8) + [0xE9]
            + Array(" cr".utf8) + [0xE8, 0x6D, 0x65] + Array("</p></body></html>".utf8)
        let (text, encoding) = Self.decoded(page)
        #expect(text.contains("Café crème") && encoding == "windows-1252", "\(text)")
        #expect(Self.decoded(page, declared: "text/html; charset=utf-32").text.contains("Café crème"))
    }

    /// A UTF-16 or UTF-32 page without a byte order mark, served with that charset: read in it, not
    /// refused as binary for its NUL bytes nor read as UTF-8 (which pure ASCII in UTF-16 is).
    @Test(arguments: [
        ("text/html; charset=utf-16le", "utf-16le"), ("text/html; charset=\"UTF-16\"", "utf-16le"),
        ("text/html; charset=utf-16be", "utf-16be"), ("utf-32", "utf-32le"),
    ])
    func declaredWideCharsetWithoutAByteOrderMark(declared: String, encoding: String) {
        for body in ["Café résumé, a page of words.", "Plain ASCII words."] {
            let page = "<html><body><p>\(body)</p></body></html>"
            let bytes: [UInt8]
            switch encoding {
            case "utf-16le": bytes = Self.utf16LE(page)
            case "utf-16be": bytes = page.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            default: bytes = page.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } }
            }
            #expect(Self.decoded(bytes, declared: declared) == (page, encoding))
            var settings = HTMLExtractor.Settings()
            settings.mainContent = false
            let extractor = HTMLExtractor(settings: settings)
            guard case .text(let text, _, let read) = extractor.extract(.bytes(bytes), declaredCharset: declared) else {
                Issue.record("\(declared): page refused")
                continue
            }
            #expect(text == body && read == encoding)
        }
    }

    /// What does not read as markup in the declared UTF-16 is taken as usual: binary stays binary, and
    /// a UTF-8 page so labelled is UTF-8.
    @Test func aWideDeclarationTheBytesDoNotFitChangesNothing() {
        var random = SeededRandom(seed: 39)
        let binary = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        let utf16 = Self.utf16LE("<html><body><p>Words</p></body></html>")
        for declared in ["text/html; charset=utf-16le", "utf-16", "utf-32"] {
            #expect(HTMLExtractor().extract(.bytes(binary), declaredCharset: declared) == .refused(reason: RemovalReason.binary))
            let page = Array("<p>Café, plain UTF-8.</p>".utf8)
            #expect(Self.decoded(page, declared: declared) == ("<p>Café, plain UTF-8.</p>", "utf-8"))
        }
        // Undeclared, a UTF-16 page without a byte order mark cannot be told from binary.
        #expect(HTMLExtractor().extract(.bytes(utf16)) == .refused(reason: RemovalReason.binary))
    }

    @Test func damagedUTF8IsRepairedAndUndeclaredBytesAreWindows1252() {
        let damaged = Array("<p>café ☺ ".utf8) + [0xFF] + Array(" naïve</p>".utf8)
        #expect(Self.decoded(damaged).text == "<p>café ☺ \u{FFFD} naïve</p>")
        let cp1252: [UInt8] = Array("<p>".utf8) + [0x93, 0x68, 0x69, 0x94, 0x20, 0x80]
        #expect(Self.decoded(cp1252).text == "<p>“hi” €")
    }

    @Test func nulBytesNeverReachTheParser() {
        #expect(!Self.decoded(Array("<p>a\u{0}b</p>".utf8)).text.contains("\u{0}"))
    }

    /// Found by the `html` fuzz target: libxml2 drops a form feed, which HTML counts as white space,
    /// so the words on either side came out as one ("ht\"e" for `ht"<FF>e`).
    @Test func formFeedSeparatesWords() {
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        let extractor = HTMLExtractor(settings: settings)
        let utf8 = Array("<p>one\u{0C}two</p>".utf8)
        let latin1 = Array("<p>caf".utf8) + [0xE9, 0x0C] + Array("two</p>".utf8)
        for (page, expected) in [(utf8, "one two"), (latin1, "café two")] {
            guard case .text(let text, _, _) = extractor.extract(.bytes(page)) else {
                Issue.record("page refused")
                continue
            }
            #expect(text == expected)
            #expect(!CharsetDecoder.decode(page, declared: nil).utf8.contains(0x0C))
        }
    }

    /// Labels of the WHATWG table, a sample for each encoding, with real bytes of it: the labels iconv
    /// does not know (x-cp1251, iso-8859-8-i, x-mac-roman, ksc5601) were read as Windows-1252, and
    /// Shift_JIS and Big5 with iconv's narrow tables, where ①, 髙, ㈱ and HKSCS's 𥚃 were U+FFFD.
    @Test(
        arguments: [
            // (labels, bytes, text, encoding)
            (["x-cp1251", "cp1251", "windows-1251"], [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет", "windows-1251"),
            (["iso-8859-8-i", "logical", "csiso88598i"], [0xF9, 0xEC, 0xE5, 0xED], "שלום", "iso-8859-8-i"),
            (["visual", "hebrew", "iso-8859-8"], [0xF9, 0xEC, 0xE5, 0xED], "שלום", "iso-8859-8"),
            (["x-mac-roman", "mac", "csmacintosh"], [0x63, 0x61, 0x66, 0x8E, 0x20, 0xDB], "café €", "macintosh"),
            (["x-mac-cyrillic", "x-mac-ukrainian"], [0x8F, 0xF0, 0xE8, 0xA2], "ПриҐ", "x-mac-cyrillic"),
            (["koi8-u", "koi8-ru"], [0xF0, 0xD2, 0xC9, 0xAE], "Приў", "koi8-u"),
            (["koi", "cskoi8r", "koi8_r"], [0xF0, 0xD2, 0xC9], "При", "koi8-r"),
            (["866", "csibm866"], [0x8F, 0xE0, 0xA8], "При", "ibm866"),
            (["iso-ir-101", "l2", "latin2"], [0xB1, 0xB3], "ął", "iso-8859-2"),
            (["arabic", "asmo-708", "iso-8859-6-i"], [0xD3, 0xE4, 0xC7, 0xE5], "سلام", "iso-8859-6"),
            (["greek8", "sun_eu_greek", "elot_928"], [0xE1, 0xE2, 0xE3], "αβγ", "iso-8859-7"),
            (["l6", "iso885910"], [0xA1], "Ą", "iso-8859-10"),
            (["iso885913"], [0xE0], "ą", "iso-8859-13"),
            (["iso885914"], [0xA1], "Ḃ", "iso-8859-14"),
            (["l9", "csisolatin9"], [0xA4], "€", "iso-8859-15"),
            (["iso-8859-16"], [0xA1, 0xA4], "Ą€", "iso-8859-16"),
            (["dos-874", "tis-620", "iso885911"], [0x80, 0xA1], "€ก", "windows-874"),
            (["x-cp1250"], [0x8A, 0xB9], "Šą", "windows-1250"),
            (["x-cp1253"], [0xE1], "α", "windows-1253"),
            (["latin5", "iso_8859-9:1989", "x-cp1254"], [0xF0, 0xFD], "ğı", "windows-1254"),
            (["x-cp1255"], [0xF9], "ש", "windows-1255"),
            (["x-cp1256"], [0xD3], "س", "windows-1256"),
            (["x-cp1257"], [0xE0], "ą", "windows-1257"),
            (["x-cp1258"], [0xD2], "\u{0309}", "windows-1258"),
            (["ansi_x3.4-1968", "iso_8859-1:1987", "csisolatin1"], [0xE9, 0x80], "é€", "windows-1252"),
            (["gb_2312-80", "gb2312", "csiso58gb231280", "chinese", "gbk"], [0xD6, 0xD0, 0xCE, 0xC4], "中文", "gbk"),
            (["gb18030"], [0x81, 0x30, 0x81, 0x30], "\u{80}", "gb18030"),
            (["x-x-big5", "big5", "cn-big5", "big5-hkscs"], [0xA4, 0xA4, 0xA4, 0xE5, 0x95, 0xA8, 0x88, 0x62], "中文𥚃Ê̄", "big5"),
            (["x-euc-jp", "cseucpkdfmtjapanese", "euc-jp"], [0xC6, 0xFC, 0xCB, 0xDC, 0xAD, 0xA1], "日本①", "euc-jp"),
            (["shift_jis", "sjis", "ms_kanji", "windows-31j", "csshiftjis"], [0x87, 0x40, 0xFB, 0xFC, 0x87, 0x8A], "①髙㈱", "shift_jis"),
            (["ksc5601", "ks_c_5601-1987", "windows-949", "euc-kr", "korean"], [0xC7, 0xD1, 0x81, 0x41], "한갂", "euc-kr"),
            (["x-user-defined"], [0x61, 0x80, 0xFF], "a\u{F780}\u{F7FF}", "x-user-defined"),
        ] as [([String], [UInt8], String, String)])
    func whatwgLabelsDecodeAsBrowsersDo(labels: [String], bytes: [UInt8], text: String, encoding: String) {
        for label in labels {
            for upper in [false, true] {
                let declared = upper ? label.uppercased() : label
                let page = Array("<meta charset=\"\(declared)\"><p>".utf8) + bytes + Array("</p>".utf8)
                let result = Self.decoded(page)
                #expect(result == ("<meta charset=\"\(declared)\"><p>\(text)</p>", encoding), "\(declared)")
                let served = Array("<p>".utf8) + bytes + Array("</p>".utf8)
                #expect(Self.decoded(served, declared: "text/html; charset=\(declared)").text == "<p>\(text)</p>", "\(declared)")
            }
        }
    }

    /// A label the standard does not define is no declaration, as in a browser: UTF-7, which iconv
    /// decodes (its "+ADw-" was markup), and TSCII are read as an undeclared page is.
    @Test func labelsTheStandardLacksAreNoDeclaration() {
        let sevenBit = Array("<meta charset=\"utf-7\"><p>a+ADw-b+AD4-c ".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(Self.decoded(sevenBit) == ("<meta charset=\"utf-7\"><p>a+ADw-b+AD4-c é</p>", "windows-1252"))
        let tamil = Array("<meta charset='tscii'><p>".utf8) + [0x82, 0xE9] + Array("</p>".utf8)
        #expect(Self.decoded(tamil) == ("<meta charset='tscii'><p>‚é</p>", "windows-1252"))
        // An unknown label leaves the other declaration to decide.
        let cyrillic = Array("<meta charset=\"utf-7\"><p>".utf8) + [0xCF, 0xF0, 0xE8]
        #expect(Self.decoded(cyrillic, declared: "text/html; charset=x-cp1251").text.hasSuffix("При"))
        // The ISO-2022-KR label (the standard's replacement encoding) does not decode an 8-bit page.
        let latin = Array("<meta charset=\"iso-2022-kr\"><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(Self.decoded(latin).text.hasSuffix("café</p>"))
    }

    /// libxml2 drops every C0 control but tab, line feed and carriage return, as not XML: a vertical tab
    /// (a line break to `normalize`) glued "vertical\u{0B}tab" into one word, in `<pre>` too. A browser
    /// draws each such control as a glyph between the words, so the parser gets a space.
    @Test func controlsSeparateWords() {
        var settings = HTMLExtractor.Settings()
        settings.mainContent = false
        let extractor = HTMLExtractor(settings: settings)
        for control in (0x01...0x1F).filter({ $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            let character = String(UnicodeScalar(UInt8(control)))
            let page = Array("<p>vertical\(character)tab</p><pre>pre\(character)formatted</pre>".utf8)
            guard case .text(let text, _, _) = extractor.extract(.bytes(page)) else {
                Issue.record("page refused")
                continue
            }
            #expect(text == "vertical tab\n\npre formatted", "control 0x\(String(control, radix: 16))")
        }
        // Tab, line feed and carriage return are white space the parser reads as such.
        #expect(CharsetDecoder.decode(Array("a\tb\nc\rd\u{0B}e".utf8), declared: nil).utf8 == Array("a\tb\nc\rd e".utf8))
    }

    /// ISO-2022-JP is 7-bit, valid UTF-8 as bytes: its declaration (meta or header) is believed when
    /// the page holds its escapes, which gave "$B$3$s$K$A$O" before; without escapes, UTF-8 wins.
    @Test func iso2022PagesAreReadAsDeclared() {
        // こんにちは in ISO-2022-JP: ESC $ B, the JIS X 0208 pairs, ESC ( B.
        let greeting: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4B, 0x24, 0x41, 0x24, 0x4F, 0x1B, 0x28, 0x42]
        let page = Array("<meta charset=\"iso-2022-jp\"><p>".utf8) + greeting + Array("</p>".utf8)
        #expect(Self.decoded(page) == ("<meta charset=\"iso-2022-jp\"><p>こんにちは</p>", "iso-2022-jp"))
        let served = Array("<p>".utf8) + greeting + Array("</p>".utf8)
        #expect(Self.decoded(served, declared: "text/html; charset=ISO-2022-JP") == ("<p>こんにちは</p>", "iso-2022-jp"))
        let plain = Array("<meta charset=\"iso-2022-jp\"><p>plain ASCII</p>".utf8)
        #expect(Self.decoded(plain).encoding == "utf-8")
        // A UTF-8 page that says ISO-2022-JP and holds an escape (a terminal colour code) stays UTF-8,
        // the escape a space (`becomesSpace`).
        let colour = "<meta charset=\"iso-2022-jp\"><pre>\u{1B}[31mred\u{1B}[0m café</pre>"
        #expect(Self.decoded(Array(colour.utf8)) == (String(colour.map { $0 == "\u{1B}" ? " " : $0 }), "utf-8"))
        let mixed = Array("<meta charset=\"iso-2022-jp\"><p>café ".utf8) + greeting + Array("</p>".utf8)
        #expect(Self.decoded(mixed).encoding == "utf-8")
    }

    /// A page whose encoding would decode it to more UTF-8 than the limit is not decoded: `tooLarge`.
    @Test func aConversionPastTheLimitIsTooLarge() {
        let page = Array("<meta charset='windows-1251'><p>".utf8) + Array(repeating: 0xCF, count: 1000) + Array("</p>".utf8)
        #expect(CharsetDecoder.decode(page, declared: nil, limit: page.count).tooLarge)
        let decoded = CharsetDecoder.decode(page, declared: nil, limit: CharsetDecoder.limit(maxBytes: page.count))
        #expect(!decoded.tooLarge && decoded.utf8.count == page.count + 1000)
    }
}
