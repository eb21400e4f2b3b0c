/// The encodings a page's charset label may name, as browsers read them, and the glibc iconv encoding
/// that decodes each. Labels from the WHATWG Encoding Standard's table (https://encoding.spec.whatwg.org/encodings.json).
enum WebEncodings {
    /// An encoding of the standard: its name (lower-case) and the iconv encoding that reads it (nil:
    /// UTF-8, UTF-16 and x-user-defined, which are read without iconv).
    struct Encoding: Equatable {
        var name: String
        var iconv: String?
        /// The standard reads its labels as one U+FFFD (the replacement encoding): read only from a 7-bit
        /// page that holds its escapes.
        var sevenBitOnly = false
    }

    /// The standard's encodings, their iconv names and labels. The iconv names are those closest to the
    /// standard's decoders on Debian's glibc: GBK is GB18030, Big5 is Big5-HKSCS, Shift_JIS is Windows-31J
    /// (CP932: ①, 髙, ㈱), EUC-JP has CP932's rows too (EUC-JP-MS), EUC-KR is CP949, KOI8-U is KOI8-RU.
    /// The standard reads the ISO-2022-KR and -CN labels as one U+FFFD: they are read here as they say,
    /// on a 7-bit page with their escapes only (`CharsetDecoder`); `hz-gb-2312` and `replacement` are not.
    private static let table: [(name: String, iconv: String?, labels: [String])] = [
        ("utf-8", nil, ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]),
        ("ibm866", "IBM866", ["866", "cp866", "csibm866", "ibm866"]),
        (
            "iso-8859-2", "ISO-8859-2",
            ["csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2"]
        ),
        (
            "iso-8859-3", "ISO-8859-3",
            ["csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3"]
        ),
        (
            "iso-8859-4", "ISO-8859-4",
            ["csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4"]
        ),
        (
            "iso-8859-5", "ISO-8859-5",
            ["csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988"]
        ),
        (
            "iso-8859-6", "ISO-8859-6",
            [
                "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
                "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987",
            ]
        ),
        (
            "iso-8859-7", "ISO-8859-7",
            [
                "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597",
                "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
            ]
        ),
        (
            "iso-8859-8", "ISO-8859-8",
            [
                "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
                "iso_8859-8", "iso_8859-8:1988", "visual",
            ]
        ),
        ("iso-8859-8-i", "ISO-8859-8", ["csiso88598i", "iso-8859-8-i", "logical"]),
        ("iso-8859-10", "ISO-8859-10", ["csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6"]),
        ("iso-8859-13", "ISO-8859-13", ["iso-8859-13", "iso8859-13", "iso885913"]),
        ("iso-8859-14", "ISO-8859-14", ["iso-8859-14", "iso8859-14", "iso885914"]),
        ("iso-8859-15", "ISO-8859-15", ["csisolatin9", "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "l9"]),
        ("iso-8859-16", "ISO-8859-16", ["iso-8859-16"]),
        ("koi8-r", "KOI8-R", ["cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"]),
        ("koi8-u", "KOI8-RU", ["koi8-ru", "koi8-u"]),
        ("macintosh", "MACINTOSH", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]),
        ("windows-874", "CP874", ["dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"]),
        ("windows-1250", "CP1250", ["cp1250", "windows-1250", "x-cp1250"]),
        ("windows-1251", "CP1251", ["cp1251", "windows-1251", "x-cp1251"]),
        (
            "windows-1252", "WINDOWS-1252",
            [
                "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
                "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
            ]
        ),
        ("windows-1253", "CP1253", ["cp1253", "windows-1253", "x-cp1253"]),
        (
            "windows-1254", "CP1254",
            [
                "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5",
                "latin5", "windows-1254", "x-cp1254",
            ]
        ),
        ("windows-1255", "CP1255", ["cp1255", "windows-1255", "x-cp1255"]),
        ("windows-1256", "CP1256", ["cp1256", "windows-1256", "x-cp1256"]),
        ("windows-1257", "CP1257", ["cp1257", "windows-1257", "x-cp1257"]),
        ("windows-1258", "CP1258", ["cp1258", "windows-1258", "x-cp1258"]),
        ("x-mac-cyrillic", "MAC-CYRILLIC", ["x-mac-cyrillic", "x-mac-ukrainian"]),
        ("gbk", "GB18030", ["chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk"]),
        ("gb18030", "GB18030", ["gb18030"]),
        ("big5", "BIG5-HKSCS", ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"]),
        ("euc-jp", "EUC-JP-MS", ["cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"]),
        ("iso-2022-jp", "ISO-2022-JP", ["csiso2022jp", "iso-2022-jp"]),
        ("shift_jis", "CP932", ["csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis"]),
        (
            "euc-kr", "CP949",
            [
                "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
                "windows-949",
            ]
        ),
        ("iso-2022-kr", "ISO-2022-KR", ["csiso2022kr", "iso-2022-kr"]),
        ("iso-2022-cn", "ISO-2022-CN", ["iso-2022-cn"]),
        ("iso-2022-cn-ext", "ISO-2022-CN-EXT", ["iso-2022-cn-ext"]),
        ("utf-16be", nil, ["unicodefffe", "utf-16be"]),
        ("utf-16le", nil, ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]),
        ("x-user-defined", nil, ["x-user-defined"]),
    ]

    /// Each label's encoding.
    private static let byLabel: [String: Encoding] = Dictionary(
        uniqueKeysWithValues: table.flatMap { entry in
            entry.labels.map { label in
                let replaced = entry.name.hasPrefix("iso-2022-") && entry.name != "iso-2022-jp"
                return (label, Encoding(name: entry.name, iconv: entry.iconv, sevenBitOnly: replaced))
            }
        })

    /// The encoding a label (any case) names; nil for a label the standard does not define, which a
    /// browser ignores (`utf-7`, `tscii`).
    static func encoding(_ label: String) -> Encoding? {
        byLabel[label.lowercased()]
    }
}
