import Testing
import WinnowTestSupport

@testable import Winnow

/// The report's second pass skips lines by the id they lead with; that must never skip a line the
/// decoder would read with another id.
@Suite struct LeadingIDTests {
    static let lines = [
        #"{"id":"a/1","text":"x"}"#,
        #"  { "id" : "a/2" , "text":"x"}"#,
        #"{"id":"a\/3","text":"x"}"#,
        #"{"id":"a\"4","text":"x"}"#,
        #"{"id":17,"text":"x"}"#,
        #"{"text":"x","id":"a/5"}"#,
        #"{"text":"x"}"#,
        #"{"id":"a/6","text":"x","id":"a/7"}"#,
        #"{"id":"a/8","text":"x","i\u0064":"a/9"}"#,
        #"{"id":"a/10","text":"x""#,
        #"{"id":"a/11"#,
        #"{"id":"é😀","text":"x"}"#,
        #"{"ID":"a/12","text":"x"}"#,
        "{\"id\":\"a\t13\",\"text\":\"x\"}",
        #"{"id":"a/14","text":"bad \x"}"#,
    ]

    @Test func anIDReadIsTheIDDecodedOrTheLineIsRefused() throws {
        let probe = try #require(LeadingID(fields: .standard))
        let decoder = DocumentDecoder(fields: .standard, requireText: false, decodesText: false)
        var read: [String?] = []
        for line in Self.lines {
            let storage = Array(line.utf8)
            let bytes = probe.idBytes(in: storage, storage.indices)
            let id = bytes.map { String(decoding: storage[$0], as: UTF8.self) }
            read.append(id)
            guard let bytes, let id else { continue }
            // The second pass rules a line out by this hash: the bytes' and the id's must agree.
            #expect(LeadingID.hash(storage[bytes]) == LeadingID.hash(of: id), "\(line)")
            if case .success(let document) = decoder.decode(
                storage, storage.indices, origin: DocumentOrigin(source: "t", line: 1), offset: 0)
            {
                #expect(document.id == id, "\(line)")
            }
        }
        #expect(read == ["a/1", "a/2", nil, nil, nil, nil, nil, "a/6", "a/8", "a/10", nil, "é😀", nil, nil, "a/14"])
    }

    @Test func anIDFieldNamedLikeAnotherFieldIsNotProbed() {
        #expect(LeadingID(fields: FieldNames(id: "text")) == nil)
        #expect(LeadingID(fields: FieldNames(id: "doc_id")) != nil)
    }
}
