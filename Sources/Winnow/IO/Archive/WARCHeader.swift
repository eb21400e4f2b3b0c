/// The header of one WARC record: its version line and the named fields Winnow uses.
struct WARCHeader: Sendable, Equatable {
    /// `WARC-Type`, lower-cased (`response`, `request`, `metadata`, `conversion`, ...).
    var type: String
    /// Bytes of the record's block, after the header's empty line.
    var contentLength: Int
    var recordID: String?
    /// Whether `WARC-Record-ID`'s bytes are UTF-8; when not, `recordID` is their repair, which two ids
    /// may share, so it cannot be a document's id.
    var recordIDIsUTF8 = true
    var targetURI: String?
    /// Whether `WARC-Target-URI` was UTF-8 (`targetURI` is a repair when not).
    var targetURIIsUTF8 = true
    var date: String?
    /// Why the block was cut short (`length`, `time`, ...), when it was.
    var truncated: String?
    /// `WARC-Identified-Content-Language` (WET files).
    var identifiedLanguage: String?
    /// `WARC-Segment-Number`: the record is one segment of a longer one (`1` the first, which `continuation`
    /// records go on).
    var segmentNumber: String?

    /// What makes a header unreadable, as a sentence for the reject message.
    struct Problem: Error, Sendable, Equatable {
        let message: String
    }

    /// The record starts with `WARC/1.` and a digit (a version Winnow reads: 1.0 or 1.1).
    static let versionPrefix = Array("WARC/1.".utf8)

    private static let typeName = Array("warc-type".utf8)
    private static let lengthName = Array("content-length".utf8)
    private static let idName = Array("warc-record-id".utf8)
    private static let uriName = Array("warc-target-uri".utf8)
    private static let dateName = Array("warc-date".utf8)
    private static let truncatedName = Array("warc-truncated".utf8)
    private static let languageName = Array("warc-identified-content-language".utf8)
    private static let segmentName = Array("warc-segment-number".utf8)

    /// Parses `bytes`: the version line, the fields, and the empty line that ends them.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> WARCHeader {
        var lineEnd = 0
        while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var versionEnd = lineEnd
        if versionEnd > 0 && bytes[versionEnd - 1] == 0x0D { versionEnd -= 1 }
        let version = UnsafeBufferPointer(rebasing: bytes[0..<versionEnd])
        guard version.starts(with: versionPrefix), version.count > versionPrefix.count,
            version[versionPrefix.count...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
            throw Problem(message: "the version line is not WARC/1.0 or WARC/1.1")
        }
        var type: String?
        var length: Int?
        var badLength: String?
        var otherLength: String?
        var header = WARCHeader(type: "", contentLength: 0)
        let wellFormed = HeaderFieldScanner.scan(bytes, from: lineEnd + 1) { name, value in
            switch name.count {
            case typeName.count where HeaderFieldScanner.name(bytes, name, is: typeName):
                if type == nil { type = HeaderFieldScanner.string(bytes, value).lowercased() }
            case lengthName.count where HeaderFieldScanner.name(bytes, name, is: lengthName):
                if length == nil && badLength == nil {
                    length = HeaderFieldScanner.decimal(bytes, value)
                    if length == nil { badLength = HeaderFieldScanner.string(bytes, value) }
                } else if otherLength == nil, HeaderFieldScanner.decimal(bytes, value) != length || badLength != nil {
                    otherLength = HeaderFieldScanner.string(bytes, value)
                }
            case idName.count where HeaderFieldScanner.name(bytes, name, is: idName):
                if header.recordID == nil {
                    header.recordID = HeaderFieldScanner.string(bytes, value)
                    header.recordIDIsUTF8 = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[value])) == nil
                }
            case uriName.count where HeaderFieldScanner.name(bytes, name, is: uriName):
                if header.targetURI == nil {
                    header.targetURI = Self.unbracketed(HeaderFieldScanner.string(bytes, value))
                    header.targetURIIsUTF8 = UTF8Validation.firstInvalidOffset(UnsafeBufferPointer(rebasing: bytes[value])) == nil
                }
            case dateName.count where HeaderFieldScanner.name(bytes, name, is: dateName):
                header.date = header.date ?? HeaderFieldScanner.string(bytes, value)
            case truncatedName.count where HeaderFieldScanner.name(bytes, name, is: truncatedName):
                header.truncated = header.truncated ?? HeaderFieldScanner.string(bytes, value)
            case languageName.count where HeaderFieldScanner.name(bytes, name, is: languageName):
                header.identifiedLanguage = header.identifiedLanguage ?? HeaderFieldScanner.string(bytes, value)
            case segmentName.count where HeaderFieldScanner.name(bytes, name, is: segmentName):
                header.segmentNumber = header.segmentNumber ?? HeaderFieldScanner.string(bytes, value)
            default:
                break
            }
        }
        guard wellFormed else { throw Problem(message: "a header line is not a 'Name: value' field") }
        if let badLength {
            let digits = !badLength.isEmpty && badLength.allSatisfy { $0.isASCII && $0.isNumber }
            throw Problem(message: "Content-Length '\(badLength)' is \(digits ? "too large" : "not a number")")
        }
        // Readers that take the last of two lengths would cut the archive elsewhere than this one.
        if let otherLength, let length {
            throw Problem(message: "two Content-Length fields disagree (\(length) and \(otherLength)): where the record ends is unclear")
        }
        guard let length else { throw Problem(message: "the header has no Content-Length") }
        guard let type, !type.isEmpty else { throw Problem(message: "the header has no WARC-Type") }
        header.type = type
        header.contentLength = length
        return header
    }

    /// Whether the header in `bytes` names WARC-Record-ID, WARC-Type or WARC-Date twice: fields every
    /// record has once, so two records' headers that ran together (the first cut short).
    static func repeatsRecordFields(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seen = (id: 0, type: 0, date: 0)
        let firstLineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
        _ = HeaderFieldScanner.scan(bytes, from: firstLineEnd + 1) { name, _ in
            switch name.count {
            case idName.count where HeaderFieldScanner.name(bytes, name, is: idName): seen.id += 1
            case typeName.count where HeaderFieldScanner.name(bytes, name, is: typeName): seen.type += 1
            case dateName.count where HeaderFieldScanner.name(bytes, name, is: dateName): seen.date += 1
            default: break
            }
        }
        return max(seen.id, seen.type, seen.date) >= 2
    }

    /// WARC 1.0 writes the target URI in angle brackets (`<http://...>`); 1.1 without.
    private static func unbracketed(_ uri: String) -> String {
        guard uri.hasPrefix("<"), uri.hasSuffix(">"), uri.count >= 2 else { return uri }
        return String(uri.dropFirst().dropLast())
    }
}
