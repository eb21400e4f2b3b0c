/// The input lines a templates tally counted, per input name: what a counts file covers, so that
/// `templates merge` can refuse two files that both counted one page (`firstShared(with:)`).
public struct CoveredLines: Sendable, Equatable {
    /// Per input name compared bytewise, its lines as ranges in ascending order, apart (never adjacent).
    public private(set) var inputs: [ByteString: [ClosedRange<Int>]] = [:]

    public init() {}

    public var isEmpty: Bool { inputs.isEmpty }

    /// Notes the line a document was read at: changed in place, as `add(_:_:)` would, without an
    /// array for the one line or a second lookup of its input.
    public mutating func add(_ origin: DocumentOrigin) {
        let line = origin.line...origin.line
        let name = ByteString(origin.source)
        guard let index = inputs.index(forKey: name), let last = inputs.values[index].last else {
            inputs[name] = [line]
            return
        }
        if line.lowerBound > last.upperBound {
            Self.append(line, to: &inputs.values[index])
        } else {
            inputs.values[index] = Self.union(inputs.values[index], [line])
        }
    }

    /// Notes `ranges` (ascending and apart) of input `name`; lines already noted stay noted once.
    public mutating func add(_ name: ByteString, _ ranges: [ClosedRange<Int>]) {
        guard !ranges.isEmpty else { return }
        guard var held = inputs.removeValue(forKey: name), !held.isEmpty else {
            inputs[name] = ranges
            return
        }
        // Batches arrive in input order, so the new lines most often follow the noted ones.
        if ranges[0].lowerBound > held[held.count - 1].upperBound {
            Self.append(ranges[0], to: &held)
            held += ranges.dropFirst()
        } else {
            held = Self.union(held, ranges)
        }
        inputs[name] = held
    }

    /// Whether the line `origin` was read at is noted.
    public func contains(_ origin: DocumentOrigin) -> Bool {
        guard let ranges = inputs[ByteString(origin.source)] else { return false }
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < origin.line { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(origin.line)
    }

    public mutating func merge(_ other: CoveredLines) {
        for (name, ranges) in other.inputs { add(name, ranges) }
    }

    /// The first origin (by input name bytewise, then line) that both cover; nil when none is.
    public func firstShared(with other: CoveredLines) -> DocumentOrigin? {
        var first: DocumentOrigin?
        for (name, theirs) in other.inputs {
            guard let ours = inputs[name], let line = Self.firstShared(ours, theirs) else { continue }
            let origin = DocumentOrigin(source: name.string, line: line)
            if first.map({ DocumentOrigin.precedes(origin, $0) }) ?? true { first = origin }
        }
        return first
    }

    /// Appends a range that starts no earlier than the last one (lines are never negative), joining
    /// it to the last when they touch.
    private static func append(_ range: ClosedRange<Int>, to ranges: inout [ClosedRange<Int>]) {
        if let last = ranges.last, range.lowerBound - 1 <= last.upperBound {
            ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
        } else {
            ranges.append(range)
        }
    }

    private static func union(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].lowerBound <= b[j].lowerBound) {
                append(a[i], to: &result)
                i += 1
            } else {
                append(b[j], to: &result)
                j += 1
            }
        }
        return result
    }

    private static func firstShared(_ a: [ClosedRange<Int>], _ b: [ClosedRange<Int>]) -> Int? {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i].overlaps(b[j]) { return max(a[i].lowerBound, b[j].lowerBound) }
            if a[i].upperBound < b[j].upperBound { i += 1 } else { j += 1 }
        }
        return nil
    }
}
