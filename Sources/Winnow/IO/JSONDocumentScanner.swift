/// Follows a JSON value written over many lines (pretty-printed) line by line, far enough to tell the
/// line that ends it, or a line that cannot continue it: brackets, strings (which cannot span lines)
/// and the commas and colons between values, not what a number, a literal or a string holds. A value
/// nested deeper than `maxDepth` cannot go on. The cluster driver's copy
/// (`spark/winnow_spark/documents.py`) must tell every line alike. Open to the fuzz targets, whose
/// model of the reader reads whole lines with it.
@_spi(Fuzzing) public struct JSONDocumentScanner: Sendable {
    public enum State: Equatable, Sendable {
        /// The value is still open.
        case open
        /// The value ended, with nothing but white space after it.
        case closed
        /// The bytes fed cannot be the value's.
        case broken
    }

    private enum Expected {
        case value, valueOrClose, keyOrClose, key, colon, commaOrClose, nothing
    }

    static let maxDepth = 512
    public private(set) var state = State.open
    /// The open containers, innermost last: true for an object.
    private var objects: [Bool] = []
    private var expected = Expected.value
    private var inString = false
    private var escaped = false
    private var stringIsKey = false
    private var inLiteral = false
    /// Bytes read that are not white space between tokens: a line that adds none is blank to the value.
    public private(set) var content = 0

    /// A scanner that has read a document's first line (a bare `{` or `[`: `JSONDocumentLine`).
    public init(opening: UInt8) {
        feed(CollectionOfOne(opening))
    }

    /// Reads the bytes of a line (or a piece of one), without its line feed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            guard state != .broken else { return }
            take(byte)
        }
    }

    /// Ends a line: a string still open cannot go on, and a literal ends.
    public mutating func endLine() {
        if inString { state = .broken }
        inLiteral = false
    }

    private mutating func take(_ byte: UInt8) {
        if inString || !(byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A) { content += 1 }
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
                expected = stringIsKey ? .colon : .commaOrClose
            }
            return
        }
        if inLiteral {
            if Self.isLiteral(byte) { return }
            inLiteral = false
        }
        switch byte {
        case 0x20, 0x09, 0x0D, 0x0A:
            return
        case UInt8(ascii: "\""):
            switch expected {
            case .keyOrClose, .key: stringIsKey = true
            case .value, .valueOrClose: stringIsKey = false
            default:
                state = .broken
                return
            }
            inString = true
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard expected == .value || expected == .valueOrClose, objects.count < Self.maxDepth else {
                state = .broken
                return
            }
            let object = byte == UInt8(ascii: "{")
            objects.append(object)
            expected = object ? .keyOrClose : .valueOrClose
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            let object = byte == UInt8(ascii: "}")
            guard let inner = objects.last, inner == object,
                expected == .commaOrClose || expected == (object ? .keyOrClose : .valueOrClose)
            else {
                state = .broken
                return
            }
            objects.removeLast()
            if objects.isEmpty {
                expected = .nothing
                state = .closed
            } else {
                expected = .commaOrClose
            }
        case UInt8(ascii: ","):
            guard expected == .commaOrClose, let inner = objects.last else {
                state = .broken
                return
            }
            expected = inner ? .key : .value
        case UInt8(ascii: ":"):
            guard expected == .colon else {
                state = .broken
                return
            }
            expected = .value
        default:
            guard Self.isLiteral(byte), expected == .value || expected == .valueOrClose else {
                state = .broken
                return
            }
            inLiteral = true
            expected = .commaOrClose
        }
    }

    /// A byte of a number or of `true`, `false`, `null` (or of a misspelling of them: not checked).
    private static func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
