/// The rows of a run's stage table, in one fixed layout: reading first, then one row per pipeline step
/// in order, writing last. Encoded as the JSON array of its rows.
public struct StageTable: Sendable, Equatable, Codable, RandomAccessCollection, MutableCollection {
    /// The name of the first row: records read and decoded into documents.
    public static let readName = "read"
    /// The name of the last row: kept documents encoded and written.
    public static let writeName = "write"

    private var rows: [StageStats]

    /// A table for a pipeline whose steps are named `steps`.
    public init(steps: [String]) {
        rows = [StageStats(stage: Self.readName)] + steps.map { StageStats(stage: $0) } + [StageStats(stage: Self.writeName)]
    }

    public init(from decoder: any Decoder) throws {
        rows = try decoder.singleValueContainer().decode([StageStats].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rows)
    }

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }

    public subscript(position: Int) -> StageStats {
        get { rows[position] }
        set { rows[position] = newValue }
    }

    /// The reading row.
    public var read: StageStats {
        get { rows[0] }
        set { rows[0] = newValue }
    }

    /// The row of pipeline step `index` (0 is the first step).
    public subscript(step index: Int) -> StageStats {
        get { rows[index + 1] }
        set { rows[index + 1] = newValue }
    }

    /// The pipeline steps' rows, without reading and writing.
    public var steps: ArraySlice<StageStats> { rows.dropFirst().dropLast() }

    /// The writing row.
    public var write: StageStats {
        get { rows[rows.count - 1] }
        set { rows[rows.count - 1] = newValue }
    }
}
