/// How the `normalize` stage rewrites text; every option has a default that suits scraped pages.
public struct NormalizeOptions: StageOptions {
    /// The Unicode normalisation form to apply.
    public enum UnicodeForm: String, OptionChoice {
        case nfc, nfkc, none
    }

    /// Canonical composition by default: one spelling for "é", without NFKC's folding of "ﬁ" or "²".
    public var unicode: UnicodeForm = .nfc
    /// Drop C0/C1 control characters other than tab and line breaks.
    public var removeControl = true
    /// Drop invisible format characters (`InvisibleCharacters`): soft hyphen, zero-width space, word
    /// joiner, BOM, bidi controls. Zero-width (non-)joiners stay: Persian, Indic scripts and emoji need them.
    public var removeInvisible = true
    /// Turn tabs and Unicode spaces into a plain space and fold runs of them into one.
    public var foldSpaces = true
    /// Remove spaces at the start and end of every line.
    public var trimLines = true
    /// At most this many blank lines in a row; 0 removes blank lines altogether.
    public var maxBlankLines = 1
    /// Remove a document whose text is empty after normalisation (reason `empty`).
    public var dropEmpty = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case unicode
        case removeControl = "remove_control"
        case removeInvisible = "remove_invisible"
        case foldSpaces = "fold_spaces"
        case trimLines = "trim_lines"
        case maxBlankLines = "max_blank_lines"
        case dropEmpty = "drop_empty"
    }

    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = NormalizeOptions()
        unicode = try container.decodeIfPresent(UnicodeForm.self, forKey: .unicode) ?? defaults.unicode
        removeControl = try container.decodeIfPresent(Bool.self, forKey: .removeControl) ?? defaults.removeControl
        removeInvisible = try container.decodeIfPresent(Bool.self, forKey: .removeInvisible) ?? defaults.removeInvisible
        foldSpaces = try container.decodeIfPresent(Bool.self, forKey: .foldSpaces) ?? defaults.foldSpaces
        trimLines = try container.decodeIfPresent(Bool.self, forKey: .trimLines) ?? defaults.trimLines
        maxBlankLines = try container.decodeIfPresent(Int.self, forKey: .maxBlankLines) ?? defaults.maxBlankLines
        dropEmpty = try container.decodeIfPresent(Bool.self, forKey: .dropEmpty) ?? defaults.dropEmpty
        guard maxBlankLines >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.maxBlankLines],
                                                    debugDescription: "must be 0 or more"))
        }
    }
}
