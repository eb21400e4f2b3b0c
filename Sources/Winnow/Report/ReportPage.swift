import Foundation

/// `report.html`: one self-contained page. The summary, the stage table and the charts are written
/// here as HTML and inline SVG; the cluster and template lists are drawn in the page by a small
/// script from JSON embedded in it, so that thousands of clusters stay searchable, sortable and
/// paged. A Content-Security-Policy forbids every network request, and document text reaches the
/// page only as escaped text or as JSON the script puts into text nodes.
struct ReportPage {
    let report: RunReport
    let texts: [ClusterTexts]
    let options: ReportOptions
    /// The JSON of the report's clusters as cluster-list.jsonl has them, when it was written first.
    var listed: ListedClustersJSON?

    init(report: RunReport, texts: [ClusterTexts], options: ReportOptions, listed: ListedClustersJSON? = nil) {
        self.report = report
        self.texts = texts
        self.options = options
        self.listed = listed
    }

    /// The page's bytes: its HTML, with the script's data written straight into them.
    func render() throws(WinnowError) -> [UInt8] {
        let title = "Winnow report" + (report.pipeline.map { " · " + $0 } ?? "")
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscape.text(title))</title>
            <style>
            """
        var page = Array(html.utf8) + ReportPageAssets.css
        html = """
            </style>
            </head><body>
            <header><h1>\(HTMLEscape.text(title))</h1>
            <nav><a href="#summary">Summary</a><a href="#charts">Charts</a><a href="#clusters">Duplicate clusters</a><a href="#templates">Templates by site</a></nav>
            </header><main>

            """
        html += summarySection()
        html += chartsSection()
        html += """
            <section id="clusters"><h2>Duplicate clusters</h2>
            <p class="note">The clusters the run found, largest first: at most \(Self.count(RunReport.clustersListed)) here \
            (cluster-list.jsonl lists every cluster, clusters.csv every member). Open one to see its members and, for the \
            \(options.clustersWithText) largest near-duplicate clusters, each copy beside the kept document with \
            the words that differ highlighted.</p>
            <div class="controls"><input id="cluster-search" type="search" placeholder="Search ids and URLs" aria-label="Search clusters">
            <select id="cluster-kind" aria-label="Kind"><option value="all">all kinds</option><option value="near-duplicate">near-duplicate</option><option value="exact">exact</option></select>
            <select id="cluster-sort" aria-label="Sort"><option value="size">largest first</option><option value="similarity">least similar first</option><option value="id">kept id</option></select>
            <span id="cluster-count" class="count"></span></div>
            <div id="cluster-list"></div><noscript><p>The cluster list needs JavaScript; the same data is in cluster-list.jsonl and clusters.csv.</p></noscript>
            </section>
            <section id="templates"><h2>Templates by site</h2>
            <p class="note">The lines the templates stage removed as the site's rather than the page's (headers, menus, \
            banners, teasers, footers), with how many of the site's pages had each. Template share: bytes removed from \
            the site's pages over the bytes they had. The page lists the \(Self.count(Self.sitesOnPage)) sites that lost \
            the most text; report.json lists every site.</p>
            <div class="controls"><input id="site-search" type="search" placeholder="Search sites and lines" aria-label="Search sites">
            <select id="site-sort" aria-label="Sort"><option value="share">template share</option><option value="bytes">bytes removed</option><option value="pages">pages</option><option value="site">site name</option></select>
            <span id="site-count" class="count"></span></div>
            <div id="site-list"></div></section>
            </main>
            <script type="application/json" id="report-data">
            """
        page += html.utf8
        try appendPageData(to: &page)
        page += "</script>\n<script>".utf8
        page += ReportPageAssets.script
        page += "</script>\n</body></html>\n".utf8
        return page
    }

    // MARK: - Summary

    private func summarySection() -> String {
        let near = report.clusterSizes.nearDuplicate
        let exact = report.clusterSizes.exact
        let documents = report.documents
        var cards: [(String, String)] = []
        if let run = report.run {
            cards.append(("records read", Self.count(run.records)))
        }
        cards.append(("kept", Self.count(documents.kept)))
        cards.append(("removed", Self.count(documents.removed)))
        if let run = report.run {
            cards.append(("rejected", Self.count(run.rejected)))
            if run.skipped > 0 { cards.append(("skipped (not documents)", Self.count(run.skipped))) }
            cards.append(("read", Self.bytes(run.inputBytes)))
        }
        cards.append(("kept text", Self.bytes(documents.keptTextBytes)))
        cards.append(("near-duplicate clusters", Self.count(near)))
        cards.append(("exact-duplicate groups", Self.count(exact)))
        cards.append(("sites with templates", Self.count(report.sites.filter { $0.pagesChanged > 0 }.count)))

        var html = "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">"
        for (label, value) in cards {
            html += "<div class=\"card\"><b>\(HTMLEscape.text(value))</b><span>\(HTMLEscape.text(label))</span></div>"
        }
        html += "</div>"
        for warning in report.warnings {
            html += "<p class=\"warning\">\(HTMLEscape.text(warning))</p>"
        }
        html += stageTable()
        html += "<p class=\"note\">Made from: "
        let files = [
            ("cleaned", report.inputs.cleaned), ("removed", report.inputs.removed),
            ("clusters", report.inputs.clusters), ("template summary", report.inputs.templateSummary),
        ]
        html += files.compactMap { name, path in path.map { "\(name) <code>\(HTMLEscape.text($0))</code>" } }.joined(separator: ", ")
        if let run = report.run {
            html += String(format: ". The run took %.2f s (%.1f MB/s).", run.wallSeconds, run.megabytesPerSecond)
        }
        return html + "</p></section>\n"
    }

    /// Per stage: documents in and out, removed by reason, text in and out, time. From the run
    /// summary when there is one, else the removals counted in the outputs.
    private func stageTable() -> String {
        var html = "<table class=\"stages\"><thead><tr><th>stage</th><th>in</th><th>out</th><th>removed (reason)</th>"
        guard let run = report.run else {
            html += "</tr></thead><tbody>"
            for (stage, reasons) in report.documents.removedByStage.sorted(by: { $0.key < $1.key }) {
                html += "<tr><td>\(HTMLEscape.text(stage))</td><td></td><td></td><td>\(Self.reasons(reasons))</td></tr>"
            }
            return html + "</tbody></table>"
        }
        html += "<th>text in</th><th>text out</th><th>seconds</th></tr></thead><tbody>"
        for stage in run.stages {
            html += "<tr><td>\(HTMLEscape.text(stage.stage))</td><td>\(Self.count(stage.documentsIn))</td>"
            html += "<td>\(Self.count(stage.documentsOut))</td><td>\(Self.reasons(stage.removed))</td>"
            html += "<td>\(Self.bytes(stage.textBytesIn))</td><td>\(Self.bytes(stage.textBytesOut))</td>"
            html += String(format: "<td>%.2f</td></tr>", stage.seconds)
        }
        return html + "</tbody></table>"
    }

    private static func reasons(_ reasons: [String: Int]) -> String {
        reasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(count($0.value)) \(HTMLEscape.text($0.key))" }.joined(separator: ", ")
    }

    // MARK: - Charts

    private func chartsSection() -> String {
        var html = "<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">"
        html += clusterSizeChart().render()
        html += removedBytesChart().render()
        html += templateShareChart().render()
        return html + "</div></section>\n"
    }

    /// Clusters by size, in bins, near-duplicate and exact stacked.
    func clusterSizeChart() -> SVGBarChart {
        let bins: [(label: String, range: ClosedRange<Int>)] = [
            ("2", 2...2), ("3", 3...3), ("4", 4...4), ("5", 5...5), ("6–10", 6...10), ("11–20", 11...20),
            ("21–50", 21...50), ("51–100", 51...100), ("over 100", 101...Int.max),
        ]
        var rows = bins.map { SVGBarChart.Row(label: $0.label + " documents", values: [0, 0]) }
        for count in report.clusterSizes.counts {
            guard let bin = bins.firstIndex(where: { $0.range.contains(count.size) }) else { continue }
            rows[bin].values[0] += Double(count.nearDuplicate)
            rows[bin].values[1] += Double(count.exact)
        }
        let lastUsed = rows.lastIndex { $0.values.reduce(0, +) > 0 } ?? -1
        return SVGBarChart(
            title: "Duplicate clusters by size",
            series: [.init(name: "near-duplicate", color: "#3b6fb6"), .init(name: "exact", color: "#e0913a")],
            rows: Array(rows.prefix(lastUsed + 1)), format: { Self.count(Int($0)) })
    }

    /// Text bytes each stage took out: whole documents removed, and lines stripped from kept ones.
    func removedBytesChart() -> SVGBarChart {
        var rows: [SVGBarChart.Row] = []
        let removedDocuments = report.documents.removedTextBytesByStage
        if let run = report.run {
            for stage in run.stages.dropFirst().dropLast() {
                let documents = Double(removedDocuments[stage.stage] ?? 0)
                let total = Double(max(0, stage.textBytesIn - stage.textBytesOut))
                rows.append(.init(label: stage.stage, values: [min(documents, total), max(0, total - documents)]))
            }
        } else {
            for (stage, bytes) in removedDocuments.sorted(by: { $0.key < $1.key }) {
                rows.append(.init(label: stage, values: [Double(bytes), 0]))
            }
        }
        return SVGBarChart(
            title: "Text removed per stage",
            series: [.init(name: "documents removed", color: "#b6443b"), .init(name: "lines stripped", color: "#7a9cc6")],
            rows: rows, format: { Self.bytes(Int($0)) })
    }

    /// The sites whose pages lost the largest share of their text to templates.
    func templateShareChart() -> SVGBarChart {
        let top = report.sites.filter { $0.bytesRemoved > 0 }.sorted {
            $0.templateShare != $1.templateShare
                ? $0.templateShare > $1.templateShare : $0.site.utf8.lexicographicallyPrecedes($1.site.utf8)
        }.prefix(15)
        return SVGBarChart(
            title: "Top sites by template share",
            series: [.init(name: "template share", color: "#4d8f5b")],
            rows: top.map { .init(label: $0.site.isEmpty ? "(no site)" : $0.site, values: [$0.templateShare * 100]) },
            format: { String(format: $0 < 10 ? "%.1f%%" : "%.0f%%", $0) })
    }

    // MARK: - Data for the script

    /// The page lists at most this many clusters, largest first, and `RunReport.membersListed`
    /// members of each: its size stays bounded however large the corpus or a cluster.
    static let clustersOnPage = RunReport.clustersListed
    /// The page lists at most this many sites with template lines, those that lost the most text:
    /// a crawl of millions of sites keeps a page that opens (report.json lists every site).
    static let sitesOnPage = 2_000

    /// The JSON the page's script draws, made safe for a script element.
    private func appendPageData(to html: inout [UInt8]) throws(WinnowError) {
        HTMLEscape.appendScriptJSON(
            try ReportPageData(
                report: report, texts: texts, clustersOnPage: Self.clustersOnPage, sitesOnPage: Self.sitesOnPage
            ).json(listed: listed), to: &html)
    }

    // MARK: - Numbers

    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func bytes(_ value: Int) -> String {
        let units = [(1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        for (size, unit) in units where Double(value) >= size {
            return String(format: "%.1f", Double(value) / size) + " " + unit
        }
        return "\(value) B"
    }
}
