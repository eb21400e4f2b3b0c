/// The fields of one document of a run's outputs that the report reads, as `Document` gives them:
/// another field's first occurrence, as a string (nil when absent or not a string) or as raw JSON.
/// Values picked off a line (`ReportFieldPicker`) are decoded when read: one not read costs nothing.
struct ReportFields {
    /// Where a field's value is.
    enum Value {
        case absent
        case decoded(String)
        /// The contents of a string literal in the line.
        case literal(Range<Int>, hasEscapes: Bool)
        /// A value's JSON text in the line.
        case raw(Range<Int>)
    }

    /// A value for each field read; an absent id is the origin's (`DocumentOrigin.derivedID`).
    struct Values {
        var id: Value = .absent
        var url: Value = .absent
        var removedBy: Value = .absent
        var removedReason: Value = .absent
        var cluster: Value = .absent
        var duplicateOf: Value = .absent
        /// The raw JSON of `cluster_size` and `similarity`.
        var clusterSize: Value = .absent
        var similarity: Value = .absent
    }

    /// The text's UTF-8 length (`Document.textByteCount`).
    let textBytes: Int
    let origin: DocumentOrigin
    /// The bytes the values' ranges are in.
    private let line: [UInt8]
    private let values: Values

    init(values: Values, in line: [UInt8], textBytes: Int, origin: DocumentOrigin) {
        self.values = values
        self.line = line
        self.textBytes = textBytes
        self.origin = origin
    }

    /// The fields of a decoded document.
    init(_ document: Document) {
        func decoded(_ string: String?) -> Value { string.map { .decoded($0) } ?? .absent }
        let values = Values(
            id: .decoded(document.id), url: decoded(document.url),
            removedBy: decoded(document.stringField(FieldNames.removedBy)),
            removedReason: decoded(document.stringField(FieldNames.removedReason)),
            cluster: decoded(document.stringField(DuplicateFields.cluster)),
            duplicateOf: decoded(document.stringField(DuplicateFields.duplicateOf)),
            clusterSize: decoded(document.rawField(DuplicateFields.clusterSize)),
            similarity: decoded(document.rawField(DuplicateFields.similarity)))
        self.init(values: values, in: [], textBytes: document.textByteCount, origin: document.origin)
    }

    var id: String { string(values.id) ?? origin.derivedID }
    var url: String? { string(values.url) }
    var removedBy: String? { string(values.removedBy) }
    var removedReason: String? { string(values.removedReason) }
    var cluster: String? { string(values.cluster) }
    var duplicateOf: String? { string(values.duplicateOf) }
    var clusterSize: String? { string(values.clusterSize) }
    var similarity: String? { string(values.similarity) }

    /// The stage that removed the document, as the report names it: nil in the cleaned output, `?`
    /// when a removed document does not say.
    func removingStage(isCleaned: Bool) -> String? {
        isCleaned ? nil : removedBy ?? "?"
    }

    private func string(_ value: Value) -> String? {
        switch value {
        case .absent: nil
        case .decoded(let string): string
        case .literal(let range, let hasEscapes):
            line.withUnsafeBufferPointer { JSONString.decode(UnsafeBufferPointer(rebasing: $0[range]), hasEscapes: hasEscapes) }
        case .raw(let range): String(decoding: line[range], as: UTF8.self)
        }
    }
}
