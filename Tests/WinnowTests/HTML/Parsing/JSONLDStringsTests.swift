import Testing

@testable import Winnow

@Suite struct JSONLDStringsTests {
    func values(_ key: String, _ script: String, stopAfter limit: Int = .max) -> [String] {
        var found: [String] = []
        JSONLDStrings.forEach(Array("\"\(key)\"".utf8), in: Array(script.utf8)) { value in
            found.append(String(decoding: value, as: UTF8.self))
            return found.count < limit
        }
        return found
    }

    @Test func stringsAndListsInTextOrder() {
        let script = #"{"@type": "NewsArticle", "author": {"@type": ["Person", "Thing"]}, "x": {"@type":"Organization"}}"#
        #expect(values("@type", script) == ["NewsArticle", "Person", "Thing", "Organization"])
        #expect(values("@type", script, stopAfter: 2) == ["NewsArticle", "Person"])
    }

    @Test func otherValuesAndBrokenScriptsYieldNothing() {
        #expect(values("datePublished", #"{"datePublished": 2020, "b": "c"}"#).isEmpty)
        #expect(values("datePublished", #"{"datePublished": "2020-01-02"#).isEmpty, "no closing quote")
        #expect(values("datePublished", "{\"datePublished\"\r\n:\t\"2021\"}") == ["2021"])
        #expect(values("name", #"{"title": "a"}"#).isEmpty)
    }
}
