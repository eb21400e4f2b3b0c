import Synchronization

/// The pages a counts file counted (its `CoveredLines`), checked against the pages `templates apply`
/// reads, as exact's apply checks its inputs against its keepers file. A page no map counted (counts
/// of another shard or corpus, an input renamed or grown since map) has no counts of its own: apply
/// would remove nothing from it, silently. `check` fails the step before its outputs are committed.
final class CountedPages: Sendable {
    private let covered: CoveredLines
    private let countsFile: String
    private let firstUncounted = Mutex<DocumentOrigin?>(nil)

    init(_ covered: CoveredLines, countsFile: String) {
        self.covered = covered
        self.countsFile = countsFile
    }

    /// Notes a page read at `origin` that the counts file does not cover.
    func note(_ origin: DocumentOrigin) {
        guard !covered.contains(origin) else { return }
        firstUncounted.withLock { first in
            if first.map({ DocumentOrigin.precedes(origin, $0) }) ?? true { first = origin }
        }
    }

    /// Throws for the first page noted (by origin: input name bytewise, then line), if any.
    func check() throws(WinnowError) {
        guard let origin = firstUncounted.withLock({ $0 }) else { return }
        let names = covered.inputs.keys.sorted().map(\.string)
        let what: String
        if names.contains(origin.source) {
            what = "\(countsFile) counts no page read at this line of this input (a line added, or the input changed, since map)"
        } else if let hash = origin.source.lastIndex(of: "#"), names.contains(String(origin.source[..<hash])),
            case let number = origin.source[origin.source.index(after: hash)...], !number.isEmpty, number.allSatisfy(\.isNumber)
        {
            what = "this input is given to apply more than once, but map counted it once"
        } else {
            let base = Self.lastComponent(origin.source)
            let alike = names.filter { Self.lastComponent($0) == base }
            what =
                "\(countsFile) counts no page of this input: it records the inputs map counted"
                + (alike.isEmpty ? " (among them " : " (of this file name, ")
                + (alike.isEmpty ? Array(names.prefix(3)) : alike).map { "'\($0)'" }.joined(separator: ", ") + ")"
        }
        throw .configuration(
            what + ". Apply removes a page's template lines by its site's counts, so pages map did not count would keep "
                + "them: give apply the counts merged from a map of every input, and each input as map read it, unchanged "
                + "and under its name; no output file was committed (discard what went to standard output)",
            path: origin.description)
    }

    private static func lastComponent(_ name: String) -> Substring {
        name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name)
    }
}

/// `templates apply` run apart from its map: the remover, with every page checked against the lines
/// its counts file covers (`CountedPages`).
struct CountedTemplateRemover: FinishingStage {
    let remover: any DocumentStage
    let counted: CountedPages

    var name: String { remover.name }
    var makesText: Bool { remover.makesText }
    var addedFields: [AddedField] { remover.addedFields }

    func process(_ document: inout Document) -> StageVerdict {
        counted.note(document.origin)
        return remover.process(&document)
    }

    func finish() throws(WinnowError) -> [OutputFile] {
        try counted.check()
        return try (remover as? any FinishingStage)?.finish() ?? []
    }
}

extension TemplatesStage {
    /// The apply step of `templates apply`, from the counts file `countsFile` (read into `tally`): it
    /// fails when a page it reads is at an input line the file does not cover. A file that records no
    /// input lines (the cluster path's, which its driver writes from its partitions' counts) checks nothing.
    public func apply(
        using tally: TemplateCounts, crossSite: Set<UInt64>?, summaryPart: String?, countsFile: String
    ) -> any DocumentStage {
        let remover = apply(using: tally, crossSite: crossSite, summaryPart: summaryPart)
        guard !tally.covered.isEmpty else { return remover }
        return CountedTemplateRemover(remover: remover, counted: CountedPages(tally.covered, countsFile: countsFile))
    }
}
