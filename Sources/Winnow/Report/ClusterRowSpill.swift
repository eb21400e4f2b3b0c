import Foundation

/// The clusters.csv member cells of a run written to a file as the report's first pass meets them,
/// each with its cluster's serial, and read back once per group of clusters: a corpus whose rows do not
/// fit in memory costs one more read of these rows per group, not one more read of the outputs.
final class ClusterRowSpill {
    let path: String
    private let file: OutputFile
    private var buffer: [UInt8] = []

    init(path: String) throws(WinnowError) {
        self.path = path
        file = try OutputFile(path: path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        TemporaryFiles.shared.remove(path)
    }

    /// Adds one member's cells (`ClustersCSV.appendMemberCells`) to the cluster `serial`.
    func append(serial: Int, member: RunReport.Member) throws(WinnowError) {
        var cells: [UInt8] = []
        ClustersCSV.appendMemberCells(member, to: &cells)
        try append(serial: serial, cells: cells[...])
    }

    /// Adds cells written already.
    func append(serial: Int, cells: ArraySlice<UInt8>) throws(WinnowError) {
        withUnsafeBytes(of: UInt64(serial).littleEndian) { buffer += $0 }
        withUnsafeBytes(of: UInt32(cells.count).littleEndian) { buffer += $0 }
        buffer += cells
        try file.drain(&buffer)
    }

    /// Ends the writing; the rows can be read from then on.
    func finish() throws(WinnowError) {
        try file.drain(&buffer, atLeast: 0)
        // Still a temporary file once in place: an interruption deletes it.
        try file.commit(staysTemporary: true)
    }

    /// Hands every row, in the order they were added, to `body` with its cluster's serial.
    func forEachRow(_ body: (Int, ArraySlice<UInt8>) throws(WinnowError) -> Void) throws(WinnowError) {
        let source = try FileByteSource(path: path)
        var bytes: [UInt8] = []
        var at = 0
        while true {
            let got = try source.read(into: &bytes, maxCount: 1 << 20)
            while bytes.count - at >= 12 {
                let serial = bytes[at..<at + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
                let length = bytes[at + 8..<at + 12].reversed().reduce(0) { $0 << 8 | Int($1) }
                guard bytes.count - at - 12 >= length else { break }
                try body(serial, bytes[at + 12..<at + 12 + length])
                at += 12 + length
            }
            bytes.removeFirst(at)
            at = 0
            if got == 0 { break }
        }
        guard bytes.isEmpty else { throw .io("the clusters.csv rows file ends inside a row", path: path) }
    }
}
