/// A field a stage writes on documents. Before a run reads anything, the fields every step adds are
/// checked against the configured id, text, html and url fields (`requireDistinct`): a stage's field
/// of one of those names would be written as a second copy of that key, which Winnow's own reader
/// rejects ("appears twice") and other readers take either way.
public struct AddedField: Sendable, Equatable {
    /// The JSON key.
    public let key: String
    /// What the stage writes there, for the message ("the page's title").
    public let meaning: String
    /// Another way out than renaming the configured field, when the stage has one ("set metadata: false").
    public let remedy: String?

    public init(_ key: String, _ meaning: String, remedy: String? = nil) {
        self.key = key
        self.meaning = meaning
        self.remedy = remedy
    }

    /// The fields every removed document gets (`removed_by`, `removed_reason`), from any stage.
    static let removal = [
        AddedField(FieldNames.removedBy, "the stage that removed a document"),
        AddedField(FieldNames.removedReason, "why it removed a document"),
    ]

    /// The fields of fixed names the stages write (removals, duplicates, page metadata), which no
    /// option may name for another purpose: one would overwrite the other.
    static var ofStages: [AddedField] {
        removal + DuplicateFields.nearDupFields + CleanStage.metadataFields + ArchiveDocumentDecoder.addedFields
    }

    /// Refuses two of `fields` under one name, and steps (or the web archive reader) that write a field
    /// named like one of them, naming the stage, the field and what to change.
    public static func requireDistinct(_ steps: [PipelineStep], from fields: FieldNames) throws(WinnowError) {
        let configured = [("id", fields.id), ("text", fields.text), ("html", fields.html), ("url", fields.url)]
        // Two of the four under one name are written as two copies of that key on every line, as a stage's field would be.
        for (index, (role, key)) in configured.enumerated() {
            guard let (other, _) = configured[(index + 1)...].first(where: { $0.1 == key }) else { continue }
            throw .configuration(
                "the \(role) field and the \(other) field are both '\(key)' (--\(role)-field, --\(other)-field): the line "
                    + "would hold '\(key)' twice; give each its own name (nothing was read)")
        }
        for step in steps {
            for added in step.addedFields + removal {
                guard let (role, _) = configured.first(where: { $0.1 == added.key }) else { continue }
                throw .configuration(
                    "stage '\(step.name)' writes \(added.meaning) into the field '\(added.key)', which is the \(role) field "
                        + "(--\(role)-field): the line would hold '\(added.key)' twice; choose another --\(role)-field"
                        + (added.remedy.map { ", or \($0)" } ?? ""))
            }
        }
        // Whatever the steps: an input is told to be a web archive by its content, once it is read.
        for added in ArchiveDocumentDecoder.addedFields {
            guard let (role, _) = configured.first(where: { $0.1 == added.key }) else { continue }
            throw .configuration(
                "a document read from a web archive gets \(added.meaning) in the field '\(added.key)', which is the "
                    + "\(role) field (--\(role)-field): the line would hold '\(added.key)' twice; choose another --\(role)-field "
                    + "(nothing was read)")
        }
    }
}
