/// Turns a web archive record into a document, on a worker thread: parses the HTTP response, undoes
/// chunking and compression, and keeps HTML pages with a 2xx status; WET `conversion` records become
/// text documents. Whatever is not a document is skipped with a reason, never dropped silently.
public struct ArchiveDocumentDecoder: Sendable {
    /// Which header gives a document its id.
    public enum Identity: String, Sendable, CaseIterable {
        /// `WARC-Record-ID` (unique per record).
        case recordID = "record-id"
        /// `WARC-Target-URI` (the page's URL: repeated fetches of one page share it).
        case url
    }

    public var identity: Identity
    /// A payload that decompresses to more than this is rejected as too large.
    public var maxPayloadBytes: Int

    /// Field names the documents get besides id, url, html and text.
    public static let dateField = "warc_date"
    public static let contentTypeField = "content_type"
    public static let fileField = "warc_file"
    public static let offsetField = "warc_offset"
    public static let offsetInMemberField = "warc_offset_in_member"
    public static let truncatedField = "truncated"
    public static let languageField = "language"

    /// The fields above, which no option may name: a document read from an archive carries them.
    static let addedFields = [
        AddedField(dateField, "the record's date"), AddedField(contentTypeField, "the page's HTTP Content-Type"),
        AddedField(languageField, "the languages a WET record names"), AddedField(fileField, "the archive's name"),
        AddedField(offsetField, "the record's byte offset"),
        AddedField(offsetInMemberField, "the record's offset in its gzip member"), AddedField(truncatedField, "why a record was cut"),
    ]

    public init(identity: Identity = .recordID, maxPayloadBytes: Int = 64 << 20) {
        self.identity = identity
        self.maxPayloadBytes = maxPayloadBytes
    }

    /// Why a response is not a document: `not_http`, `http_3xx` (or 1xx, 4xx, 5xx), `not_html`.
    static func statusReason(_ status: Int) -> String { "http_\(status / 100)xx" }

    /// Decodes `record`, whose block is in `storage`. `requireText`: the pipeline has no stage that makes
    /// text from HTML, so an HTML page is a reject that says so.
    func decode(
        _ record: ArchiveRecord, storage: [UInt8], origin: DocumentOrigin, offset: ArchiveOffset,
        requireText: Bool
    ) -> DecodeOutcome {
        func reject(_ reason: Reject.Reason, _ message: String) -> DecodeOutcome {
            .rejected(
                Reject(
                    origin: origin, offset: offset.file, offsetInMember: offset.inMember, reason: reason,
                    message: "the record at \(offset): \(message)", raw: nil))
        }
        // A repaired id two records may share would merge them downstream: ids stay exact, as for JSONL.
        let idFromURL = record.targetURI != nil && (identity == .url || record.recordID == nil)
        let idProblem = idFromURL ? !record.targetURIIsUTF8 : !record.recordIDIsUTF8
        func badID() -> DecodeOutcome {
            let (name, read) = idFromURL ? ("WARC-Target-URI", record.targetURI) : ("WARC-Record-ID", record.recordID)
            return reject(
                .invalidUTF8,
                "its \(name) is not UTF-8 (read as '\(read ?? "")'), and a document's id must be exact: "
                    + "two such ids could read as one")
        }
        /// A segment holds only part of its page (its continuations are skipped as `continuation`).
        func segmented(_ number: String) -> DecodeOutcome {
            reject(
                .segmentedRecord,
                (number == "1"
                    ? "it is the first segment of a record continued in 'continuation' records"
                    : "it is a segment of a longer record") + " (WARC-Segment-Number \(number)), which Winnow does not join: "
                    + "it holds only part of the page")
        }
        switch record.kind {
        case .conversion:
            if let number = record.segmentNumber { return segmented(number) }
            if idProblem { return badID() }
            // Valid UTF-8 stays where it lies; anything else is repaired as a string would be.
            let block = storage[record.block]
            let text =
                UTF8Validation.isValid(block)
                ? block : ArraySlice(String(decoding: block, as: UTF8.self).utf8)
            return .document(document(record, origin: origin, offset: offset, text: text, html: nil, contentType: nil))
        case .response:
            break
        }
        let parsed: Result<(HTTPResponseHead, [UInt8]), HTTPResponseHead.Problem>? = storage.withUnsafeBufferPointer { whole in
            let block = UnsafeBufferPointer(rebasing: whole[record.block])
            guard HTTPResponseHead.isHTTP(block) else { return nil }
            do throws(HTTPResponseHead.Problem) {
                let head = try HTTPResponseHead.parse(block)
                // Only what will be a document pays for copying its payload; a segment will not be one.
                guard (200..<300).contains(head.status), head.isHTMLOrUntyped, record.segmentNumber == nil else {
                    return .success((head, []))
                }
                let body = UnsafeBufferPointer(rebasing: block[head.bodyOffset...])
                if head.isChunked {
                    do throws(ChunkedDecoder.Problem) {
                        let decoded = try ChunkedDecoder.decode(body)
                        // As for a cut gzip stream: kept only when the record says it was truncated.
                        guard !decoded.isCut || record.truncated != nil else {
                            return .failure(
                                HTTPResponseHead.Problem(
                                    message: "its chunked payload breaks off inside a chunk after \(decoded.payload.count) "
                                        + "bytes, and the record is not marked WARC-Truncated (a cut archive or a damaged "
                                        + "download); the page would be kept cut short"))
                        }
                        return .success((head, decoded.payload))
                    } catch {
                        return .failure(HTTPResponseHead.Problem(message: error.message))
                    }
                }
                return .success((head, Array(body)))
            } catch {
                return .failure(error)
            }
        }
        guard let parsed else { return .skipped(reason: "not_http") }
        let head: HTTPResponseHead
        var payload: [UInt8]
        switch parsed {
        case .failure(let problem): return reject(.malformedHTTP, problem.message)
        case .success(let (parsedHead, body)):
            head = parsedHead
            payload = body
        }
        guard (200..<300).contains(head.status) else { return .skipped(reason: Self.statusReason(head.status)) }
        guard head.isHTMLOrUntyped else { return .skipped(reason: "not_html") }
        if let number = record.segmentNumber { return segmented(number) }
        do throws(ContentDecoder.Problem) {
            // A record marked WARC-Truncated keeps what its payload holds (it says so in `truncated`);
            // an unmarked one that breaks off would pass for a whole page.
            payload = try ContentDecoder.decode(
                payload, encodings: head.appliedCodings, limit: maxPayloadBytes, keepCut: record.truncated != nil)
        } catch {
            switch error {
            case .unsupported(let coding):
                return reject(
                    .unsupportedEncoding,
                    "its payload is in Content-Encoding '\(coding)', which Winnow cannot undo "
                        + "(gzip, x-gzip and deflate it can)")
            case .notACoding(let word):
                return reject(
                    .unsupportedEncoding,
                    "its Content-Encoding '\(word)' names no coding (a charset or transfer word put there by mistake), "
                        + "but its payload does not read as text: it may be compressed in a way the header does not say")
            case .corrupt(let detail):
                return reject(.malformedHTTP, "its \(head.appliedCodings ?? "") payload is corrupt (\(detail))")
            case .cut(let decoded):
                return reject(
                    .malformedHTTP,
                    "its \(head.appliedCodings ?? "") payload breaks off after \(decoded) decoded bytes, and the record "
                        + "is not marked WARC-Truncated (a cut archive or a damaged download); the page would be kept cut short")
            case .tooLarge(let limit):
                return reject(.tooLarge, "its payload decompresses to more than the limit of \(limit) bytes (raise --max-record-bytes)")
            }
        }
        if head.contentType == nil && !HTMLSniffer.looksLikeHTML(payload) { return .skipped(reason: "not_html") }
        if requireText {
            return reject(.missingText, "an archived HTML page has no text until a clean stage makes it; this pipeline has none")
        }
        if idProblem { return badID() }
        return .document(
            document(
                record, origin: origin, offset: offset, text: nil, html: .bytes(payload),
                contentType: head.contentType))
    }

    private func document(
        _ record: ArchiveRecord, origin: DocumentOrigin, offset: ArchiveOffset, text: ArraySlice<UInt8>?, html: HTMLContent?,
        contentType: String?
    ) -> Document {
        var entries: [Document.Entry] = [.known(.id)]
        if record.targetURI != nil { entries.append(.known(.url)) }
        func add(_ key: String, _ value: JSONValue?) {
            if let value { entries.append(.other(key: key, json: ArraySlice(value.encoded()))) }
        }
        add(Self.dateField, record.date.map(JSONValue.string))
        add(Self.contentTypeField, contentType.map(JSONValue.string))
        add(Self.languageField, record.language.map(JSONValue.string))
        entries.append(.known(text != nil ? .text : .html))
        add(Self.fileField, .string(record.file))
        add(Self.offsetField, .int(offset.file))
        add(Self.offsetInMemberField, offset.inMember.map(JSONValue.int))
        add(Self.truncatedField, record.truncated.map(JSONValue.string))
        let id =
            switch identity {
            case .recordID: record.recordID ?? record.targetURI
            case .url: record.targetURI ?? record.recordID
            }
        return Document(
            origin: origin, offset: offset.file, id: id ?? origin.derivedID, textUTF8: text, html: html,
            url: record.targetURI,
            entries: entries, rawID: nil, rawText: nil, rawHTML: nil, rawURL: nil)
    }
}
