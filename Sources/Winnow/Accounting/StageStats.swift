/// What one stage did over a run: documents in and out, why it removed some, text bytes, time.
public struct StageStats: Codable, Sendable, Equatable {
    public var stage: String
    public var documentsIn = 0
    public var documentsOut = 0
    /// Removed documents by reason.
    public var removed: [String: Int] = [:]
    /// Removed duplicates whose id is the kept copy's own: one page read twice, or ids that are not unique.
    public var removedSharingID = 0
    /// UTF-8 bytes of text going in and coming out.
    public var textBytesIn = 0
    public var textBytesOut = 0
    /// Processing time summed over all threads.
    public var seconds = 0.0

    public init(stage: String) {
        self.stage = stage
    }

    public var removedCount: Int { removed.values.reduce(0, +) }

    mutating func add(_ other: StageStats) {
        documentsIn += other.documentsIn
        documentsOut += other.documentsOut
        removed.merge(other.removed, uniquingKeysWith: +)
        removedSharingID += other.removedSharingID
        textBytesIn += other.textBytesIn
        textBytesOut += other.textBytesOut
        seconds += other.seconds
    }

    enum CodingKeys: String, CodingKey {
        case stage
        case documentsIn = "documents_in"
        case documentsOut = "documents_out"
        case removed
        case removedSharingID = "removed_sharing_id"
        case textBytesIn = "text_bytes_in"
        case textBytesOut = "text_bytes_out"
        case seconds
    }
}
