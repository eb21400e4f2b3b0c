/// Reads a JSONL line's `ReportFields` straight off its bytes, without building a `Document`. For a
/// line it cannot decide (one `DocumentDecoder` would refuse, or with an escaped or non-ASCII key) it
/// gives nil: the caller then decodes the line, so every line reads as `ReportFields(document)`.
struct ReportFieldPicker: Sendable {
    private let idKey: [UInt8]
    private let textKey: [UInt8]
    private let htmlKey: [UInt8]
    private let urlKey: [UInt8]
    private let clusterKey = Array(DuplicateFields.cluster.utf8)
    private let clusterSizeKey = Array(DuplicateFields.clusterSize.utf8)
    private let similarityKey = Array(DuplicateFields.similarity.utf8)
    private let duplicateOfKey = Array(DuplicateFields.duplicateOf.utf8)
    private let removedByKey = Array(FieldNames.removedBy.utf8)
    private let removedReasonKey = Array(FieldNames.removedReason.utf8)

    init(fields: FieldNames) {
        idKey = Array(fields.id.utf8)
        textKey = Array(fields.text.utf8)
        htmlKey = Array(fields.html.utf8)
        urlKey = Array(fields.url.utf8)
    }

    /// What a line's members say, as byte ranges of the line.
    private struct Found {
        var id: JSONMember?
        var text: JSONMember?
        var html: JSONMember?
        var url: JSONMember?
        var removedBy: JSONMember?
        var removedReason: JSONMember?
        var cluster: JSONMember?
        var duplicateOf: JSONMember?
        var clusterSize: JSONMember?
        var similarity: JSONMember?
        var undecided = false
    }

    /// The fields of the line `storage[range]`, read at `origin`; nil when the line must be decoded.
    func pick(_ storage: [UInt8], _ range: Range<Int>, origin: DocumentOrigin) -> ReportFields? {
        let found = storage.withUnsafeBufferPointer { whole -> Found? in
            let line = UnsafeBufferPointer(rebasing: whole[range])
            guard UTF8Validation.firstInvalidOffset(line) == nil else { return nil }
            var found = Found()
            do throws(JSONSyntaxError) {
                try JSONObjectScanner.forEachMember(of: line) { member in
                    guard !found.undecided else { return }
                    if !take(member, in: line, into: &found) { found.undecided = true }
                }
            } catch {
                return nil
            }
            return found.undecided ? nil : found
        }
        return found.flatMap { fields($0, in: storage, at: range.lowerBound, origin: origin) }
    }

    /// Notes one member; false when the line must be decoded instead.
    private func take(_ member: JSONMember, in line: UnsafeBufferPointer<UInt8>, into found: inout Found) -> Bool {
        // The decoder compares keys unescaped, and other fields' keys as strings (canonical equivalence).
        guard !member.keyHasEscapes else { return false }
        let key = UnsafeBufferPointer(rebasing: line[member.key])
        // Roles in the decoder's order; a repeated one, or one of the wrong kind, is a reject.
        if Self.same(key, textKey) { return Self.known(member, &found.text, string: true, number: false, null: true) }
        if Self.same(key, idKey) { return Self.known(member, &found.id, string: true, number: true, null: false) }
        if Self.same(key, urlKey) { return Self.known(member, &found.url, string: true, number: false, null: true) }
        if Self.same(key, htmlKey) { return Self.known(member, &found.html, string: true, number: false, null: true) }
        // Another field: its first occurrence is the one read.
        if Self.same(key, clusterKey) {
            Self.first(member, &found.cluster)
        } else if Self.same(key, clusterSizeKey) {
            Self.first(member, &found.clusterSize)
        } else if Self.same(key, similarityKey) {
            Self.first(member, &found.similarity)
        } else if Self.same(key, duplicateOfKey) {
            Self.first(member, &found.duplicateOf)
        } else if Self.same(key, removedByKey) {
            Self.first(member, &found.removedBy)
        } else if Self.same(key, removedReasonKey) {
            Self.first(member, &found.removedReason)
        } else {
            return !key.contains { $0 >= 0x80 }
        }
        return true
    }

    @inline(__always)
    private static func same(_ key: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
        guard key.count == name.count else { return false }
        return name.withUnsafeBufferPointer { name in
            for index in 0..<name.count where key[index] != name[index] { return false }
            return true
        }
    }

    private static func known(_ member: JSONMember, _ slot: inout JSONMember?, string: Bool, number: Bool, null: Bool) -> Bool {
        guard slot == nil else { return false }
        switch member.kind {
        case .string where string, .number where number, .null where null: slot = member
        default: return false
        }
        return true
    }

    private static func first(_ member: JSONMember, _ slot: inout JSONMember?) {
        if slot == nil { slot = member }
    }

    /// The fields of a line whose members are all noted, its values left in `storage` (the line
    /// starts at `base`); nil when the decoder would refuse it.
    private func fields(_ found: Found, in storage: [UInt8], at base: Int, origin: DocumentOrigin) -> ReportFields? {
        let hasText = found.text.map { $0.kind != .null } ?? false
        let hasHTML = found.html.map { $0.kind != .null } ?? false
        guard hasText || hasHTML else { return nil }
        // The decoder refuses an id that escapes a lone surrogate (`DocumentDecoder`).
        if let id = found.id, case .string(true) = id.kind {
            let lone = storage.withUnsafeBufferPointer { whole in
                JSONString.hasLoneSurrogate(
                    UnsafeBufferPointer(rebasing: whole[(id.value.lowerBound + base + 1)..<(id.value.upperBound + base - 1)]))
            }
            if lone { return nil }
        }
        func string(_ member: JSONMember?) -> ReportFields.Value {
            guard let member, case .string(let hasEscapes) = member.kind else { return .absent }
            return .literal((member.value.lowerBound + base + 1)..<(member.value.upperBound + base - 1), hasEscapes: hasEscapes)
        }
        func raw(_ member: JSONMember?) -> ReportFields.Value {
            member.map { .raw(($0.value.lowerBound + base)..<($0.value.upperBound + base)) } ?? .absent
        }
        // An id is a string or a number (its digits as written); a line without one is named by its origin.
        let values = ReportFields.Values(
            id: found.id.map { $0.kind == .number ? raw($0) : string($0) } ?? .absent, url: string(found.url),
            removedBy: string(found.removedBy), removedReason: string(found.removedReason),
            cluster: string(found.cluster), duplicateOf: string(found.duplicateOf),
            clusterSize: raw(found.clusterSize), similarity: raw(found.similarity))
        return ReportFields(values: values, in: storage, textBytes: textBytes(found.text, storage, base), origin: origin)
    }

    /// The UTF-8 length of the text, 0 when it is null or absent.
    private func textBytes(_ text: JSONMember?, _ storage: [UInt8], _ base: Int) -> Int {
        guard let text, case .string(let hasEscapes) = text.kind else { return 0 }
        return storage.withUnsafeBufferPointer { whole in
            JSONString.decodedCount(
                UnsafeBufferPointer(rebasing: whole[(text.value.lowerBound + base + 1)..<(text.value.upperBound + base - 1)]),
                hasEscapes: hasEscapes)
        }
    }
}
