/// Per-document text normalisation: Unicode form, control and invisible characters, spaces and
/// blank lines. It runs first on plain text so that later stages compare like with like.
public struct NormalizeStage: RegisteredStage, DocumentStage {
    public static let stageName = "normalize"
    public static let summary = "Unicode NFC, control and invisible characters, whitespace and blank-line folding"

    public let normalizer: TextNormalizer

    public init(options: NormalizeOptions) {
        normalizer = TextNormalizer(options: options)
    }

    public func process(_ document: inout Document) -> StageVerdict {
        guard let normalized = document.withTextUTF8(normalizer.normalizeIfChanged(utf8:)) else { return .keep }
        // Assign only on change: an untouched text is written back byte for byte.
        if let normalized { document.setText(validUTF8: ArraySlice(normalized)) }
        if normalizer.options.dropEmpty && document.textUTF8?.isEmpty != false {
            return .remove(reason: RemovalReason.empty)
        }
        return .keep
    }
}
