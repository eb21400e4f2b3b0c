/// A corpus stage with its tally type hidden, so that the runner can drive any of them: it tallies
/// batches on worker threads and merges the partial tallies, in place, on the runner's task.
struct CorpusPass: Sendable {
    let stage: any CorpusStage

    /// Map: the tally of one batch of documents.
    func tally(_ documents: inout [Document]) -> any CorpusTally {
        Self.plainTally(stage, &documents)
    }

    /// Map: the tally of one batch, and per document what its apply step can reuse (nil: none).
    /// Without `carrying` (nothing spooled to take it), nothing is carried.
    func tallyCarrying(_ documents: inout [Document], carrying: Bool) -> (tally: any CorpusTally, keys: [CarriedValue?]) {
        carrying ? Self.tally(stage, &documents) : (tally(&documents), [])
    }

    /// A fresh accumulator for the merged tally of a whole run.
    func makeAccumulator() -> any CorpusAccumulator {
        Self.accumulator(stage)
    }

    private static func tally<Stage: CorpusStage>(
        _ stage: Stage, _ documents: inout [Document]
    ) -> (tally: any CorpusTally, keys: [CarriedValue?]) {
        var tally = Stage.Tally()
        var keys: [CarriedValue?] = []
        keys.reserveCapacity(documents.count)
        documents.borrowEach { _, document in keys.append(stage.mapCarried(document, into: &tally)) }
        return (tally, keys)
    }

    private static func plainTally<Stage: CorpusStage>(_ stage: Stage, _ documents: inout [Document]) -> any CorpusTally {
        var tally = Stage.Tally()
        documents.borrowEach { _, document in stage.map(document, into: &tally) }
        return tally
    }

    private static func accumulator<Stage: CorpusStage>(_ stage: Stage) -> any CorpusAccumulator {
        TallyAccumulator(stage: stage)
    }
}

/// Merges the partial tallies of a run and builds the stage's applier from the result.
protocol CorpusAccumulator: AnyObject {
    /// Makes room for at most `documents` (`CorpusStage.reserve`).
    func reserve(documents: Int)
    func add(_ partial: any CorpusTally)
    func apply() -> any DocumentStage
    /// The stage's warnings about the merged tally (`CorpusStage.warnings(using:)`).
    var warnings: [String] { get }
}

/// Holds the merged tally in a class so each merge mutates it in place instead of copying it.
final class TallyAccumulator<Stage: CorpusStage>: CorpusAccumulator {
    let stage: Stage
    private var tally = Stage.Tally()

    init(stage: Stage) {
        self.stage = stage
    }

    func reserve(documents: Int) {
        stage.reserve(&tally, documents: documents)
    }

    func add(_ partial: any CorpusTally) {
        guard let partial = partial as? Stage.Tally else {
            preconditionFailure("a tally of \(type(of: partial)) reached the accumulator of \(stage.name)")
        }
        tally.merge(partial)
    }

    func apply() -> any DocumentStage {
        stage.apply(using: tally)
    }

    var warnings: [String] { stage.warnings(using: tally) }
}

/// The merged tally of a filtering stage, asked which spooled documents its apply removes (`SharedMap`).
protocol FilteringAccumulator: CorpusAccumulator {
    func removes(key: UInt64, id: String, origin: DocumentOrigin) -> Bool
    /// Whether the merged tally's apply removes no document at all.
    var removesNothing: Bool { get }
}

/// The merged tally of a retractable stage, which gives back documents it counted (`SharedMap`).
protocol RetractingAccumulator: CorpusAccumulator {
    func retract(_ contribution: ArraySlice<UInt8>) -> Bool
}

extension TallyAccumulator: FilteringAccumulator where Stage: FilteringCorpusStage {
    func removes(key: UInt64, id: String, origin: DocumentOrigin) -> Bool {
        stage.removes(key: key, id: id, origin: origin, using: tally)
    }

    var removesNothing: Bool { stage.removesNothing(using: tally) }
}

extension TallyAccumulator: RetractingAccumulator where Stage: RetractableCorpusStage {
    func retract(_ contribution: ArraySlice<UInt8>) -> Bool {
        stage.retract(contribution, from: &tally)
    }
}
