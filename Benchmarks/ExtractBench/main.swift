// extract-bench: the HTML clean stage's extraction alone, one core, pages already gunzipped in memory
// (the work `../shared/bench/libxml2_parse_ref.c sax` times, plus everything winnow does after the parse).
// Meant for callgrind, whose instruction counts repeat on a shared machine (docs/benchmarks.md):
//
//   swift build -c release --product extract-bench
//   valgrind --tool=callgrind --dump-instr=no .build/release/extract-bench ROUNDS FILE.html[.gz] ...
//
// Prints the pages, the HTML bytes and the text bytes written (so the work cannot be optimised away).
import CZlib
import Foundation
import Winnow

let arguments = CommandLine.arguments
guard arguments.count >= 3, let rounds = Int(arguments[1]), rounds > 0 else {
    FileHandle.standardError.write(Data("usage: extract-bench ROUNDS FILE.html[.gz] ...\n".utf8))
    exit(2)
}

/// A file's bytes, gunzipped when it is gzip (zlib reads other files as they are).
func load(_ path: String) -> [UInt8]? {
    guard let file = gzopen(path, "rb") else { return nil }
    defer { gzclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let read = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if read < 0 { return nil }
        if read == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<Int(read)])
    }
}

var pages: [[UInt8]] = []
for path in arguments.dropFirst(2) {
    guard let bytes = load(path) else {
        FileHandle.standardError.write(Data("extract-bench: cannot read \(path)\n".utf8))
        exit(1)
    }
    pages.append(bytes)
}

let extractor = HTMLExtractor()
var htmlBytes = 0
var textBytes = 0
for _ in 0..<rounds {
    for page in pages {
        htmlBytes += page.count
        if case .text(let text, _, _) = extractor.extract(.bytes(page)) { textBytes += text.utf8.count }
    }
}
print(pages.count * rounds, htmlBytes, textBytes)
