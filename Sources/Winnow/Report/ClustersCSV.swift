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
        ClustersFile.appendRounded(member.similarity, to: &out)
        out.append(UInt8(ascii: ","))
        SortedJSONWriter.appendDecimal(member.textBytes, to: &out)
        out.append(UInt8(ascii: ","))
        appendCell(member.removedBy ?? "", to: &out)
        out += [0x0D, 0x0A]
    }

    /// The member rows the report's first pass holds (each cluster's but its kept document's), in
    /// the order they were met, each with its cluster's serial: one buffer for all of them, not a pair
    /// of growing arrays per cluster. Where each row ends is kept (a quoted cell may hold a line break).
    struct HeldRows {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        private var serials: [Int] = []

        var count: Int { ends.count }

        mutating func append(_ member: RunReport.Member, serial: Int) {
            appendMemberCells(member, to: &bytes)
            ends.append(bytes.count)
            serials.append(serial)
        }

        /// Each row's cluster serial and member cells, in the order they were added.
        func forEachRow(_ body: (Int, ArraySlice<UInt8>) throws(WinnowError) -> Void) throws(WinnowError) {
            for row in ends.indices { try body(serials[row], cells(row)) }
        }

        private func cells(_ row: Int) -> ArraySlice<UInt8> {
            bytes[(row == 0 ? 0 : ends[row - 1])..<ends[row]]
        }

        /// The rows grouped by the report position of their cluster (`positionOfSerial`), each
        /// cluster's in the order they were added.
        func grouped(by positionOfSerial: [Int]) -> Grouped {
            var starts = [Int](repeating: 0, count: positionOfSerial.count + 1)
            for serial in serials { starts[positionOfSerial[serial] + 1] += 1 }
            for position in positionOfSerial.indices { starts[position + 1] += starts[position] }
            var next = starts
            var order = [Int](repeating: 0, count: count)
            for row in serials.indices {
                let position = positionOfSerial[serials[row]]
                order[next[position]] = row
                next[position] += 1
            }
            return Grouped(rows: self, order: order, starts: starts)
        }

        /// `HeldRows` by report position.
        struct Grouped {
            let rows: HeldRows
            /// Row numbers, the rows of the cluster at position p at `starts[p]..<starts[p + 1]`.
            let order: [Int]
            let starts: [Int]

            /// Each row of the cluster at `position`, `cells` (the cluster's cells) first.
            func append(_ position: Int, after cells: [UInt8], to out: inout [UInt8]) {
                for row in order[starts[position]..<starts[position + 1]] {
                    out += cells
                    out += rows.cells(row)
                }
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
        let disarmed = isFormulaStart(first) && !isDecimal(value)
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

    /// A plain decimal number ("-0.5", "+3", "1e-9"): what a similarity or a size is written as. Not
    /// `Double(_:)`, which also takes "-inf", "+nan(…)" and hex floats, which spreadsheets read as formulas.
    private static func isDecimal(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let mantissa = bytes.prefix { ASCIIByte.isDigit($0) || $0 == UInt8(ascii: ".") }
        guard mantissa.contains(where: ASCIIByte.isDigit), mantissa.count(where: { $0 == UInt8(ascii: ".") }) <= 1 else { return false }
        var exponent = bytes.dropFirst(mantissa.count)
        guard let e = exponent.first else { return true }
        guard e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
        exponent = exponent.dropFirst()
        if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(ASCIIByte.isDigit)
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
