import Foundation
import Synchronization
import Testing
import WinnowTestSupport

@testable import Winnow

/// A corpus stage that reads a spooled pass is told how many documents the spool holds, so that its
/// tally can size its arrays once (`CorpusStage.reserve`).
@Suite struct ReservationTests {
    /// Counts documents, and logs what the runner reserved for it.
    struct Counter: CorpusStage {
        struct Tally: CorpusTally {
            var documents = 0
            mutating func merge(_ other: Tally) { documents += other.documents }
        }

        let reserved: Log
        var name: String { "counter" }

        func map(_ document: Document, into tally: inout Tally) { tally.documents += 1 }
        func apply(using tally: Tally) -> any DocumentStage { NormalizeStage(options: NormalizeOptions()) }
        func reserve(_ tally: inout Tally, documents: Int) { reserved.add(documents) }
    }

    final class Log: Sendable {
        private let values = Mutex<[Int]>([])
        func add(_ value: Int) { values.withLock { $0.append(value) } }
        var all: [Int] { values.withLock { $0 } }
    }

    @Test func aPassReadingTheSpoolReservesWhatTheSpoolHolds() async throws {
        let folder = TemporaryFolder()
        let lines = (0..<30).map { #"{"id":"d\#($0)","text":"page \#($0)"}"# } + [#"{"id":"blank","text":"  "}"#]
        let input = folder.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        let log = Log()
        // normalize removes the blank page before the spool; the second counter maps the spooled pass.
        let steps: [PipelineStep] = [
            .document(NormalizeStage(options: NormalizeOptions())), .corpus(Counter(reserved: log)),
            .corpus(Counter(reserved: log)),
        ]
        var configuration = RunConfiguration(inputs: [.jsonl(path: input, name: "in.jsonl")], output: folder.file("out.jsonl"))
        configuration.threads = 2
        let summary = try await PipelineRunner(name: "test", steps: steps, configuration: configuration).run()
        #expect(summary.kept == 30)
        // The first counter maps the inputs (their count unknown); the second the 30 spooled documents.
        #expect(log.all == [30])
    }
}
