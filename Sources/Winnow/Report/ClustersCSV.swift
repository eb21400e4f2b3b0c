import Foundation

/// `clusters.csv`: one row per member of every duplicate cluster, for a spreadsheet. RFC 4180
/// quoting; a cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '.
/// `ReportBuilder` writes it as it reads the outputs, so it lists every member of any size of cluster.
enum ClustersCSV {
    static let header = ["cluster", "kind", "size", "kept", "id", "url", "similarity", "text_bytes", "removed_by"]

    static func appendHeader(to out: inout [UInt8]) {
        appendRow(header, to: &out)
    }

    /// The row of one member of `cluster`.
    static func appendRow(_ cluster: RunReport.Cluster, _ member: RunReport.Member, to out: inout [UInt8]) {
        appendRow([cluster.cluster, cluster.kind.rawValue, String(cluster.size), cluster.kept, member.id,
                   member.url ?? "", ClustersFile.rounded(member.similarity), String(member.textBytes),
                   member.removedBy ?? ""], to: &out)
    }

    static func appendRow(_ cells: [String], to out: inout [UInt8]) {
        for (position, value) in cells.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out += cell(value).utf8
        }
        out += [0x0D, 0x0A]
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
