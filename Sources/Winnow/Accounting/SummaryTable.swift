import Foundation

/// Renders a `RunSummary` as the aligned table `winnow run` prints to stderr.
package enum SummaryTable {
    package static func render(_ summary: RunSummary) -> String {
        var rows: [[String]] = [["stage", "docs in", "docs out", "removed", "MB in", "MB out", "seconds"]]
        for stage in summary.stages {
            rows.append([
                stage.stage, "\(stage.documentsIn)", "\(stage.documentsOut)", "\(stage.removedCount)",
                megabytes(stage.textBytesIn), megabytes(stage.textBytesOut), fixed(stage.seconds, 3),
            ])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 ? cell.padding(to: widths[column]) : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }
        for stage in summary.stages where !stage.removed.isEmpty {
            let reasons = stage.removed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("removed by \(stage.stage): \(reasons)")
        }
        for stage in summary.stages where stage.removedSharingID > 0 {
            lines.append(
                "warning: \(stage.removedSharingID) documents removed by \(stage.stage) share their id with the "
                    + "copy kept (a page read twice, or ids that are not unique); '\(DuplicateFields.duplicateOfOrigin)' "
                    + "names the record kept")
        }
        if !summary.rejectedByReason.isEmpty {
            let reasons = summary.rejectedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("rejected: \(reasons)")
        }
        if !summary.skippedByReason.isEmpty {
            let reasons = summary.skippedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("skipped: \(reasons)")
        }
        let skipped = summary.skipped > 0 ? " + skipped \(summary.skipped)" : ""
        lines.append(
            "records \(summary.records) = kept \(summary.kept) + removed \(summary.removed) + rejected \(summary.rejected)"
                + skipped + "; \(megabytes(summary.inputBytes)) MB read in \(fixed(summary.wallSeconds, 2)) s"
                + " (\(fixed(summary.megabytesPerSecond, 1)) MB/s)")
        return lines.joined(separator: "\n")
    }

    static func megabytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1_000_000, 2)
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
