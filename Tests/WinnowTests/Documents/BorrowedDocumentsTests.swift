import Testing

@testable import Winnow

/// `borrowEach` visits every document once, in order, and leaves the array as it was.
@Suite struct BorrowedDocumentsTests {
    @Test func visitsEachInOrderAndPutsItBack() {
        var documents = (0..<5).map { index in
            Document(
                id: "d\(index)", text: String(repeating: "word ", count: index * 40), origin: DocumentOrigin(source: "in", line: index + 1))
        }
        let before = documents.map { ($0.id, $0.text, $0.origin.line) }
        var seen: [(Int, String)] = []
        documents.borrowEach { index, document in seen.append((index, document.id)) }
        #expect(seen.map(\.0) == Array(0..<5) && seen.map(\.1) == before.map(\.0))
        #expect(documents.map(\.id) == before.map(\.0) && documents.map(\.text) == before.map(\.1))
        #expect(documents.map(\.origin.line) == before.map(\.2))

        var none: [Document] = []
        none.borrowEach { _, _ in Issue.record("an empty array has no document") }
        #expect(none.isEmpty)
    }
}
