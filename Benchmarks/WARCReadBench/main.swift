// warc-read-bench: Winnow's web archive reading on one core, doing the work FastWARC's ArchiveIterator
// does when each payload is read as stored (scripts/bench_warc.py `read`): gunzip, WARC records, HTTP
// headers, every response payload byte touched. Chunked and gzip-encoded payloads are left as stored
// and no document is made; `winnow clean` does both, and scripts/bench-warc times it beside this.
//
//   swift build -c release --product warc-read-bench
//   .build/release/warc-read-bench FILE.warc.gz
//
// Prints the records read, the payload bytes touched and their sum (so the reads cannot be optimised away).
import Foundation
import Winnow

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: warc-read-bench FILE.warc.gz\n".utf8))
    exit(2)
}
let path = CommandLine.arguments[1]
let reader = RecordReader(inputs: [.archive(path: path, name: path)], maxRecordBytes: 64 << 20)
/// Every byte read once, eight at a time (as fast as a copy), summed.
func touch(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var sum: UInt64 = 0
    let words = bytes.count / 8
    for index in 0..<words { sum &+= bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
    for index in (words * 8)..<bytes.count { sum &+= UInt64(bytes[index]) }
    return sum
}

var records = 0
var payloadBytes = 0
var sum: UInt64 = 0
do {
    while let batch = try reader.nextBatch() {
        records += batch.records.count
        batch.storage.withUnsafeBufferPointer { storage in
            for record in batch.records {
                guard case .archive(let archived) = record.content else { continue }
                let block = UnsafeBufferPointer(rebasing: storage[archived.block])
                var payload = block
                if archived.kind == .response && HTTPResponseHead.isHTTP(block),
                    let head = try? HTTPResponseHead.parse(block)
                {
                    payload = UnsafeBufferPointer(rebasing: block[head.bodyOffset...])
                }
                payloadBytes += payload.count
                sum &+= touch(UnsafeRawBufferPointer(payload))
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("warc-read-bench: \(error.message)\n".utf8))
    exit(1)
}
print(records, payloadBytes, sum)
