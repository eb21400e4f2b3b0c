/// Writes a `Document` as one JSONL line: fields in their input order, unchanged fields byte for byte.
public struct DocumentEncoder: Sendable {
    public let fields: FieldNames
    private let idKey: [UInt8]
    private let textKey: [UInt8]
    private let htmlKey: [UInt8]
    private let urlKey: [UInt8]

    public init(fields: FieldNames = .standard) {
        self.fields = fields
        func quotedKey(_ name: String) -> [UInt8] {
            var key: [UInt8] = []
            JSONString.append(name, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        idKey = quotedKey(fields.id)
        textKey = quotedKey(fields.text)
        htmlKey = quotedKey(fields.html)
        urlKey = quotedKey(fields.url)
    }

    /// Appends the document's JSON object and a newline.
    public func encode(_ document: Document, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        var first = true
        func separator(_ output: inout [UInt8]) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
        }
        for entry in document.entries {
            switch entry {
            case .other(let key, let json):
                separator(&output)
                JSONString.append(key, to: &output)
                output.append(UInt8(ascii: ":"))
                output.append(contentsOf: json)
            case .known(.id):
                separator(&output)
                output.append(contentsOf: idKey)
                if let raw = document.rawID { output.append(contentsOf: raw) } else { JSONString.append(document.id, to: &output) }
            case .known(.text):
                guard document.rawText != nil || document.textUTF8 != nil else { continue }
                separator(&output)
                output.append(contentsOf: textKey)
                if let raw = document.rawText {
                    output.append(contentsOf: raw)
                } else {
                    document.withTextUTF8 { JSONString.append(utf8: $0, to: &output) }
                }
            case .known(.url):
                guard document.rawURL != nil || document.url != nil else { continue }
                separator(&output)
                output.append(contentsOf: urlKey)
                appendString(document.url, raw: document.rawURL, to: &output)
            case .known(.html):
                guard document.rawHTML != nil || document.html != nil else { continue }
                separator(&output)
                output.append(contentsOf: htmlKey)
                if let raw = document.rawHTML {
                    output.append(contentsOf: raw)
                } else {
                    switch document.html {
                    case .text(let html): JSONString.append(html, to: &output)
                    case .bytes(let bytes): JSONString.append(Self.decodeUndeclared(bytes), to: &output)
                    case nil: output.append(contentsOf: "null".utf8)
                    }
                }
            }
        }
        output.append(UInt8(ascii: "}"))
        output.append(0x0A)
    }

    private func appendString(_ value: String?, raw: ArraySlice<UInt8>?, to output: inout [UInt8]) {
        if let raw {
            output.append(contentsOf: raw)
        } else if let value {
            JSONString.append(value, to: &output)
        } else {
            output.append(contentsOf: "null".utf8)
        }
    }

    /// Bytes of unknown encoding as text: UTF-8 when they are valid UTF-8, otherwise Latin-1, which maps
    /// every byte to a character and so loses nothing.
    static func decodeUndeclared(_ bytes: [UInt8]) -> String {
        if UTF8Validation.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
