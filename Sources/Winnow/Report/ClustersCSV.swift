/// `clusters.csv`: one row per member of every duplicate cluster, for a spreadsheet. RFC 4180
/// quoting; a cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with '.
/// `ReportBuilder` writes it from the rows its first pass holds, or as it reads the outputs again
/// when they are too many, so it lists every member of any size of cluster.
enum ClustersCSV {
    static let header = ["cluster", "kind", "size", "kept", "id", "url", "similarity", "text_bytes", "removed_by"]

    static func appendHeader(to out: inout [UInt8]) {
        for (position, name) in header.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(name, to: &out)
        }
        out += [0x0D, 0x0A]
    }

    /// The row of one member of `cluster`.
    static func appendRow(_ cluster: RunReport.Cluster, _ member: RunReport.Member, to out: inout [UInt8]) {
        appendClusterCells(cluster, to: &out)
        appendMemberCells(member, to: &out)
    }

    /// The cells a row starts with, the same for every member of `cluster`, and the comma after them.
    static func appendClusterCells(_ cluster: RunReport.Cluster, to out: inout [UInt8]) {
        appendCell(cluster.cluster, to: &out)
        out.append(UInt8(ascii: ","))
        appendCell(cluster.kind.rawValue, to: &out)
        out.append(UInt8(ascii: ","))
        SortedJSONWriter.appendDecimal(cluster.size, to: &out)
        out.append(UInt8(ascii: ","))
        appendCell(cluster.kept, to: &out)
        out.append(UInt8(ascii: ","))
    }

    /// The cells of the member itself, and the row's end.
    static func appendMemberCells(_ member: RunReport.Member, to out: inout [UInt8]) {
        appendCell(member.id, to: &out)
        out.append(UInt8(ascii: ","))
        appendCell(member.url ?? "", to: &out)
        out.append(UInt8(ascii: ","))
        out += ClustersFile.rounded(member.similarity).utf8
        out.append(UInt8(ascii: ","))
        SortedJSONWriter.appendDecimal(member.textBytes, to: &out)
        out.append(UInt8(ascii: ","))
        appendCell(member.removedBy ?? "", to: &out)
        out += [0x0D, 0x0A]
    }

    /// Member rows of one cluster held for later: their member cells, and where each row ends (a
    /// quoted cell may hold a line break, so the bytes alone do not say).
    struct MemberRows: Sendable {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []

        var isEmpty: Bool { ends.isEmpty }

        mutating func append(_ member: RunReport.Member) {
            appendMemberCells(member, to: &bytes)
            ends.append(bytes.count)
        }

        /// The member cells of each row, in order.
        func forEachRow(_ body: (ArraySlice<UInt8>) throws(WinnowError) -> Void) throws(WinnowError) {
            var start = 0
            for end in ends {
                try body(bytes[start..<end])
                start = end
            }
        }

        /// Each row, `cells` (the cluster's cells) first.
        func append(after cells: [UInt8], to out: inout [UInt8]) {
            var start = 0
            for end in ends {
                out += cells
                out += bytes[start..<end]
                start = end
            }
        }
    }

    static func cell(_ value: String) -> String {
        var out: [UInt8] = []
        appendCell(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// One cell: `'` first when it would be read as a formula (and is not a number), quoted when it
    /// holds a comma, a quote or a line break, its quotes doubled.
    static func appendCell(_ value: String, to out: inout [UInt8]) {
        guard let first = value.utf8.first else { return }
        let disarmed = isFormulaStart(first) && Double(value) == nil
        // The bytes read where they are: `String.UTF8View`'s own iteration costs a call a byte.
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.contains(where: needsQuotes) else {
                if disarmed { out.append(UInt8(ascii: "'")) }
                out.append(contentsOf: utf8)
                return
            }
            out.append(UInt8(ascii: "\""))
            if disarmed { out.append(UInt8(ascii: "'")) }
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
        }
    }

    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
    }
}
