/// The apply step of the templates stage: decides about one page at a time from the site counts
/// of the whole corpus, rewrites its text, and notes what it removed for the per-site summary.
struct TemplateRemover: FinishingStage {
    var name: String { TemplatesStage.stageName }
    let model: TemplateModel
    /// Gathered only when a summary or a summary part is asked for: it copies every removed template
    /// line's text.
    let summary: TemplateSummary?
    /// Where this shard's part of the summary goes (`TemplateSummaryPart`), when asked for.
    let summaryPart: String?

    init(model: TemplateModel, summaryPart: String? = nil) {
        self.model = model
        self.summaryPart = summaryPart
        summary =
            model.options.summary.isEmpty && summaryPart == nil ? nil : TemplateSummary(linesPerSite: model.options.summaryLines)
    }

    var addedFields: [AddedField] { model.options.addedFields }

    func process(_ document: inout Document) -> StageVerdict {
        guard let text = document.textUTF8 else { return .keep }
        let options = model.options
        let siteName = SiteKey.of(document, options: options)
        let counted = model.sites[ByteString(siteName)]
        let sitePages = counted?.pages ?? 1
        summary?.count(site: siteName, sitePages: sitePages, textBytes: text.count)
        // Counting a page's copies as one leaves its site no larger: too small now is too small then.
        guard sitePages >= options.minSitePages || !model.crossSite.isEmpty else { return .keep }

        let carried = document.carriedBytes
        return text.withUnsafeBufferPointer { bytes -> StageVerdict in
            // Lines the map step folded from this same text come with it from the spool.
            let page = carried.flatMap { CarriedLines.decode($0, text: bytes) } ?? PageLines(bytes)
            // The site as this page sees it, its own copies counted once.
            let site = counted.map { site in
                site.copies.isEmpty ? site : site.seen(byPageWith: Int(site.copies[page.fingerprint] ?? 1), options: options)
            }
            let distinctPages = site?.pages ?? 1
            let ownCounts = distinctPages >= options.minSitePages ? site : nil
            let useCrossSite = distinctPages < options.smallSitePages && !model.crossSite.isEmpty
            guard ownCounts != nil || useCrossSite else { return .keep }
            var evidence: [TemplateDecision.Evidence] = []
            evidence.reserveCapacity(page.lines.count)
            var anyTemplate = false
            for line in page.lines {
                let key = line.folded.key
                let pages = ownCounts.map { $0.pages(of: key) } ?? 1
                let isTemplate =
                    (ownCounts.map { pages >= $0.anchorPages } ?? false)
                    || (useCrossSite && line.folded.hasLetters && model.crossSite.contains(key))
                anyTemplate = anyTemplate || isTemplate
                evidence.append(
                    .init(
                        pages: pages, isTemplate: isTemplate, hasLetters: line.folded.hasLetters,
                        tokens: line.folded.tokens, key: key))
            }
            // Without a single template line there is nothing to anchor a decision on.
            guard anyTemplate else { return .keep }
            let decision = TemplateDecision(
                repeatPages: ownCounts?.repeatPages ?? options.repeatPages,
                ownShare: options.ownShare, proseWords: options.proseWords)
            let keep = decision.keep(evidence) { Self.writtenHash(bytes[page.lines[$0].start..<page.lines[$0].end]) }
            guard keep.contains(false) else { return .keep }

            let emptied = !keep.contains(true)
            if emptied && distinctPages < options.emptyPageMinSitePages { return .keep }
            summary?.record(
                site: siteName, sitePages: sitePages, page: page, keep: keep, evidence: evidence,
                lineCounts: counted?.counts, bytes: bytes, removedPage: emptied)
            if !options.removedLinesField.isEmpty {
                document.setField(options.removedLinesField, Self.removedRanges(page, keep))
            }
            if emptied { return .remove(reason: RemovalReason.templateOnly) }
            // Whole lines of valid UTF-8, joined by the separators between them: valid UTF-8.
            document.setText(validUTF8: ArraySlice(page.bytes(keeping: keep, of: bytes)))
            return .keep
        }
    }

    func finish() throws(WinnowError) -> [OutputFile] {
        guard let summary else { return [] }
        var files: [OutputFile] = []
        if !model.options.summary.isEmpty { files.append(try summary.writing(to: model.options.summary)) }
        if let summaryPart { files.append(try TemplateSummaryPart.writing(summary.tallies(), to: summaryPart)) }
        return files
    }

    /// A hash of a line as written, without the white space around it.
    private static func writtenHash(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        let start = line.firstIndex { !isSpace($0) } ?? line.endIndex
        let end = line.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return StableHash.of(line[start..<max(start, end)])
    }

    /// Removed lines as [first, end) pairs of 0-based line numbers in the text as it came in.
    static func removedRanges(_ page: PageLines, _ keep: [Bool]) -> JSONValue {
        var ranges: [JSONValue] = []
        var index = 0
        while index < keep.count {
            guard !keep[index] else { index += 1; continue }
            let first = page.lines[index].number
            while index + 1 < keep.count && !keep[index + 1] { index += 1 }
            ranges.append(.array([.int(first), .int(page.lines[index].number + 1)]))
            index += 1
        }
        return .array(ranges)
    }
}
