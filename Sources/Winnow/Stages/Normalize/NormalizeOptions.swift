/// How the `normalize` stage rewrites text; every option has a default that suits scraped pages.
public struct NormalizeOptions: StageOptions {
    /// The Unicode normalisation form to apply.
    public enum UnicodeForm: String, OptionChoice {
        case nfc, nfkc, none
    }

    public var unicode: UnicodeForm = .nfc
    public var removeControl = true
    public var removeInvisible = true
    public var foldSpaces = true
    public var trimLines = true
    public var maxBlankLines = 1
    public var dropEmpty = true

    public init() {}

    public static let declarations: [OptionDeclaration<Self>] = [
        .init(
            "unicode", \.unicode,
            "The Unicode normalisation form: nfc (one spelling for é, without NFKC's folding of ﬁ or ²), nfkc or none."),
        .init("remove_control", \.removeControl, "Drop C0/C1 control characters and DEL, other than tab and line breaks."),
        .init(
            "remove_invisible", \.removeInvisible,
            "Drop invisible format characters: soft hyphen, zero-width space, word joiner, BOM, bidi controls, noncharacters, interlinear annotations (the annotation with its marks), zero-width joiners that join nothing (next to a space or a line end) and variation selectors that select nothing (after a space or at a line start)."
        ),
        .init("fold_spaces", \.foldSpaces, "Turn tabs and Unicode spaces into a plain space and fold runs of them into one."),
        .init("trim_lines", \.trimLines, "Remove spaces at the start and end of every line."),
        .init("max_blank_lines", \.maxBlankLines, "At most this many blank lines in a row; 0 removes blank lines altogether."),
        .init("drop_empty", \.dropEmpty, "Remove a document whose text is empty after normalisation (reason empty)."),
    ]

    public var validationProblem: String? {
        maxBlankLines >= 0 ? nil : "max_blank_lines must be 0 or more"
    }
}
