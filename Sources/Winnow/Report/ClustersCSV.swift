import Foundation

/// `clusters.csv`: one row per member of every duplicate cluster, for a spreadsheet. RFC 4180
/// quoting; a cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '.
enum ClustersCSV {
    static let header = ["cluster", "kind", "size", "kept", "id", "url", "similarity", "text_bytes", "removed_by"]

    static func render(_ clusters: [RunReport.Cluster]) -> [UInt8] {
        var out = ""
        appendRow(header, to: &out)
        for cluster in clusters {
            for member in cluster.members {
                appendRow([cluster.cluster, cluster.kind.rawValue, String(cluster.size), cluster.kept, member.id,
                           member.url ?? "", ClustersFile.rounded(member.similarity), String(member.textBytes),
                           member.removedBy ?? ""], to: &out)
            }
        }
        return Array(out.utf8)
    }

    static func appendRow(_ cells: [String], to out: inout String) {
        out += cells.map(cell).joined(separator: ",")
        out += "\r\n"
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
