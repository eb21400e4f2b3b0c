import Foundation

/// An input record that could not become a document, with where it was and why.
/// Rejects go to the rejects output so that no record is ever silently lost.
public struct Reject: Error, Sendable, CustomStringConvertible {
    public enum Reason: String, Sendable, CaseIterable {
        case malformedJSON = "malformed_json"
        case invalidUTF8 = "invalid_utf8"
        case missingText = "missing_text"
        case invalidField = "invalid_field"
        case tooLarge = "too_large"
        case unreadable = "unreadable"
        /// A JSONL input that is one JSON document over many lines (pretty-printed): one reject for the file.
        case notJSONLines = "not_json_lines"
        /// A web archive's bytes are no readable record: a bad header, a wrong length, garbage, a broken gzip member.
        case malformedArchive = "malformed_archive"
        /// An archived HTTP response that cannot be read: a bad status line, broken chunking or compression.
        case malformedHTTP = "malformed_http"
        /// An archived payload in a content encoding Winnow cannot undo (`br`, `zstd`, ...).
        case unsupportedEncoding = "unsupported_encoding"
        /// A web archive record split into segments (`WARC-Segment-Number`), whose `continuation` records
        /// Winnow does not join: the first holds only part of its page.
        case segmentedRecord = "segmented_record"
    }

    public let origin: DocumentOrigin
    /// Byte offset of the record in its input (after decompression); for a web archive record, the
    /// compressed offset of the gzip member it starts in (its offset in a plain archive).
    public let offset: Int
    /// For a web archive record that does not start its gzip member: its offset in the member's bytes.
    public let offsetInMember: Int?
    public let reason: Reason
    public let message: String
    /// The record's bytes, kept when they are small enough to be written to the rejects output.
    public let raw: ArraySlice<UInt8>?

    public init(
        origin: DocumentOrigin, offset: Int, offsetInMember: Int? = nil, reason: Reason, message: String,
        raw: ArraySlice<UInt8>?
    ) {
        self.origin = origin
        self.offset = offset
        self.offsetInMember = offsetInMember
        self.reason = reason
        self.message = message
        self.raw = raw
    }

    /// `file:line: message`, the form compilers use, so editors can jump to it.
    public var description: String { "\(origin.source):\(origin.line): \(message)" }

    /// At most this many bytes of a record are copied into its reject, so that a flood of huge bad
    /// records cannot fill a disk; a longer record's reject says it was cut and how long it was.
    public static let rawLimit = 64 << 10

    /// One JSON line for the rejects output: where, why, and the record itself (as text when it is
    /// valid UTF-8, as base64 otherwise; cut at `rawLimit` bytes) so that it can be fixed and fed again.
    public func encode(into output: inout [UInt8]) {
        var members: [(String, JSONValue)] = [
            ("source", .string(origin.source)),
            ("line", .int(origin.line)),
            ("offset", .int(offset)),
        ]
        if let offsetInMember { members.append(("offset_in_member", .int(offsetInMember))) }
        members += [
            ("reason", .string(reason.rawValue)),
            ("message", .string(message)),
        ]
        if let raw {
            var bytes = Array(raw.prefix(Self.rawLimit))
            if raw.count > Self.rawLimit {
                // Cut on a character boundary, so that text stays text.
                while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
                if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
                members.append(("raw_cut", .bool(true)))
                members.append(("raw_bytes", .int(raw.count)))
            }
            if UTF8Validation.isValid(bytes) {
                members.append(("raw", .string(String(decoding: bytes, as: UTF8.self))))
            } else {
                members.append(("raw_base64", .string(Data(bytes).base64EncodedString())))
            }
        }
        JSONValue.object(members).encode(into: &output)
        output.append(0x0A)
    }
}
