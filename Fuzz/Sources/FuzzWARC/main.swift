// The web archive reader (WARC and WET; plain, gzip per record or gzip whole). Settings bytes: the
// record size limit and the batch size. Invariants: reading ends; every record is reported once with
// a record number one past the last; an archive block lies inside its batch and within the size limit;
// a plain archive's offsets lie inside the file and never go back; the only error is a streamed gzip
// member failing after records read from it were passed on (damagedInput); and the records (kinds,
// offsets, block bytes, reasons) and that error do not depend on the batch size.
import FuzzSupport
import Winnow

/// One record as the reader reports it, with its block's bytes copied out of the batch.
struct Seen: Equatable {
    var line: Int
    var offset: Int
    var offsetInMember: Int?
    var kind: String
    var bytes: [UInt8] = []
}

func readAll(_ path: String, limit: Int, batchBytes: Int) -> [Seen] {
    let reader = RecordReader(inputs: [.archive(path: path, name: "fuzz")], maxRecordBytes: limit, batchBytes: batchBytes)
    var seen: [Seen] = []
    while true {
        let batch: RecordBatch?
        do {
            batch = try reader.nextBatch()
        } catch {
            // A streamed gzip member that fails after records read from it were passed on stops the run.
            require(error.kind == .damagedInput, "the reader threw on an archive it could open: \(error)")
            seen.append(Seen(line: -1, offset: -1, kind: "stopped \(error.message)"))
            return seen
        }
        guard let batch else { break }
        for record in batch.records {
            var entry = Seen(line: record.origin.line, offset: record.offset, offsetInMember: record.offsetInMember, kind: "")
            switch record.content {
            case .archive(let archive):
                require(
                    archive.block.lowerBound >= 0 && archive.block.upperBound <= batch.storage.count,
                    "an archive block \(archive.block) lies outside its batch of \(batch.storage.count) bytes")
                require(archive.block.count <= limit, "a block of \(archive.block.count) bytes passed the limit of \(limit)")
                entry.kind = "archive \(archive.kind) \(archive.recordID ?? "-") \(archive.targetURI ?? "-")"
                entry.bytes = Array(batch.storage[archive.block])
            case .skipped(let reason): entry.kind = "skipped \(reason)"
            case .damaged(let message): entry.kind = "damaged \(message)"
            case .oversized(let length, let limit): entry.kind = "oversized \(length) \(limit)"
            case .unreadable(let message, _): entry.kind = "unreadable \(message)"
            case .jsonLine, .jsonDocument, .htmlFile, .spooled:
                require(false, "an archive gave a JSONL line, an HTML file or a spooled record")
            }
            require(entry.line == (seen.last?.line ?? 0) + 1, "record number \(entry.line) after \(seen.last?.line ?? 0)")
            seen.append(entry)
        }
    }
    return seen
}

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    let limit = (Int(input.byte()) + 1) * 64
    let batchBytes = Int(input.byte()) * 16 + 1
    let data = input.rest
    let path = ScratchFile.write(data)
    let large = readAll(path, limit: limit, batchBytes: 1 << 20)
    if !(data.count > 1 && data[0] == 0x1F && data[1] == 0x8B) {
        var previous = 0
        for record in large where record.line >= 0 {
            require(
                record.offset >= previous && record.offset <= data.count,
                "offset \(record.offset) after \(previous) in a plain file of \(data.count) bytes")
            previous = record.offset
        }
    }
    let small = readAll(path, limit: limit, batchBytes: batchBytes)
    require(small == large, "the batch size changes the records: \(small.count) vs \(large.count)")
    return 0
}
