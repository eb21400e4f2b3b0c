/// The clean stage that also explains the pages with one id (`winnow clean --explain ID`): each such
/// page's `ContentExplanation` goes to `report`, and the page is cleaned as `CleanStage` cleans it.
public struct ExplainedCleanStage: DocumentStage {
    public let stage: CleanStage
    /// The id of the pages to explain.
    public let id: String
    /// Receives the id and the explanation of each page explained.
    public let report: @Sendable (String, String) -> Void

    public init(options: CleanOptions, id: String, report: @escaping @Sendable (String, String) -> Void) {
        stage = CleanStage(options: options)
        self.id = id
        self.report = report
    }

    public var name: String { stage.name }

    public var makesText: Bool { true }

    public var addedFields: [AddedField] { stage.addedFields }

    public func process(_ document: inout Document) -> StageVerdict {
        if document.id == id, let html = document.html {
            let declared = stage.options.charsetField.isEmpty ? nil : document.stringField(stage.options.charsetField)
            let explanation = ContentExplanation(html, declaredCharset: declared, extractor: stage.extractor)
            report(id, explanation?.report ?? "not parsed: the page is too large or binary")
        }
        return stage.process(&document)
    }
}
