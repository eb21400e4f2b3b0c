import Synchronization

/// The clean stage that also explains the pages with one id (`winnow clean --explain ID`): each such
/// page's `ContentExplanation` goes to `report`, and the page is cleaned as `CleanStage` cleans it.
public struct ExplainedCleanStage: DocumentStage {
    public let stage: CleanStage
    /// The id of the pages to explain.
    public let id: String
    /// Receives the id and the explanation of each page explained.
    public let report: @Sendable (String, String) -> Void
    /// How many records with the id the stage has met, shared by its copies (one a thread).
    private let met = MetRecords()

    public init(options: CleanOptions, id: String, report: @escaping @Sendable (String, String) -> Void) {
        stage = CleanStage(options: options)
        self.id = id
        self.report = report
    }

    public var name: String { stage.name }

    public var makesText: Bool { true }

    public var addedFields: [AddedField] { stage.addedFields }

    /// Records with the id met so far: none after a run says the id was not in the input.
    public var recordsExplained: Int { met.count.withLock { $0 } }

    public func process(_ document: inout Document) -> StageVerdict {
        guard document.id == id else { return stage.process(&document) }
        met.count.withLock { $0 += 1 }
        guard let html = document.html else {
            let verdict = stage.process(&document)
            report(id, (verdict == .keep ? "no html: the record's text passes through" : "no html and no text") + Self.removal(verdict))
            return verdict
        }
        let declared = stage.options.charsetField.isEmpty ? nil : document.stringField(stage.options.charsetField)
        let explanation = ContentExplanation(html, declaredCharset: declared, extractor: stage.extractor)
        let verdict = stage.process(&document)
        guard let explanation else {
            report(id, "not parsed: the page is too large or binary" + Self.removal(verdict))
            return verdict
        }
        report(id, explanation.blocks.isEmpty ? "no blocks: the page has no text" + Self.removal(verdict) : explanation.report)
        return verdict
    }

    /// How `verdict` reads after what the explanation says: the reason a page is removed.
    private static func removal(_ verdict: StageVerdict) -> String {
        guard case .remove(let reason) = verdict else { return "" }
        return ": removed (\(reason))"
    }

    /// A count the stage's copies share.
    private final class MetRecords: Sendable {
        let count = Mutex(0)
    }
}
