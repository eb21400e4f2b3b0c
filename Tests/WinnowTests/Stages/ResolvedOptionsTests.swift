import Foundation
import Testing
import Yams

@testable import Winnow

/// What winnow_spark.py reads instead of the YAML: each option's value as the binary decoded it.
@Suite struct ResolvedOptionsTests {
    private func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) as? [String: Any])
    }

    /// The spellings YAML readers disagree on come out as Yams read them, typed by the option.
    @Test func valuesAreWhatTheBinaryRead() throws {
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            description: a test
            steps:
              - templates:
                  anchor_share: 7e-1
                  site_field: on
                  removed_lines_field: 0x10
                  repeat_pages: 0x4
              - neardup:
                  seed: 18446744073709551615
                  keep: newest:date
              - report:
                  members_with_text: 3
            """, origin: "dir/odd.yaml")
        let resolved = try object(try definition.resolvedJSON())
        #expect(resolved["version"] as? Int == 1 && resolved["name"] as? String == "odd")
        #expect(resolved["description"] as? String == "a test")
        let steps = try #require(resolved["steps"] as? [[String: [String: Any]]])
        #expect(steps.map { $0.keys.first } == ["templates", "neardup", "report"])
        let templates = try #require(steps[0]["templates"])
        #expect(templates["anchor_share"] as? Double == 0.7)
        #expect(templates["site_field"] as? String == "on")
        #expect(templates["removed_lines_field"] as? String == "0x10")
        #expect(templates["repeat_pages"] as? Int == 4)
        #expect(templates["own_share"] as? Double == TemplateOptions().ownShare)
        #expect(Set(templates.keys) == Set(TemplateOptions.keys))
        let neardup = try #require(steps[1]["neardup"])
        #expect((neardup["seed"] as? NSNumber)?.uint64Value == UInt64.max)
        #expect(neardup["keep"] as? String == "newest:date")
        #expect(steps[2]["report"]?["members_with_text"] as? Int == 3)
    }

    /// Read back as a pipeline file reads it (JSON is YAML), each stage's resolved options are the
    /// options the file gave: a driver that passes them on changes nothing.
    @Test func resolvedOptionsReadBackEqual() throws {
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            steps:
              - clean: {main_content: false, charset_field: "", disabled_rules: "lead-paragraphs,footnotes", max_bytes: 1000}
              - normalize: {unicode: nfkc, max_blank_lines: 0}
              - exact: {keep: "first"}
              - templates: {anchor_share: .25, prose_words: 1e1, site: field, site_field: "123"}
              - neardup: {threshold: 0.8, seed: 9007199254740993, clusters: "c.jsonl"}
            """, origin: "p.yaml")
        let steps = try #require(try object(try definition.resolvedJSON())["steps"] as? [[String: Any]])
        func options(_ index: Int) throws -> String {
            let step = try #require(steps[index].values.first)
            return String(decoding: try JSONSerialization.data(withJSONObject: step), as: UTF8.self)
        }
        func again<Options: StageOptions>(_ type: Options.Type, _ index: Int) throws -> Options {
            try Options.decode(try Yams.compose(yaml: try options(index)), owner: "test", context: "step")
        }
        func given<Options: StageOptions>(_ type: Options.Type, _ index: Int) throws -> Options {
            try Options.decode(definition.steps[index].options, owner: "test", context: "step")
        }
        #expect(try again(CleanOptions.self, 0) == given(CleanOptions.self, 0))
        #expect(try again(NormalizeOptions.self, 1) == given(NormalizeOptions.self, 1))
        #expect(try again(ExactOptions.self, 2) == given(ExactOptions.self, 2))
        #expect(try again(TemplateOptions.self, 3) == given(TemplateOptions.self, 3))
        #expect(try again(NearDupOptions.self, 4) == given(NearDupOptions.self, 4))
        #expect(try given(NearDupOptions.self, 4).seed == 9_007_199_254_740_993)
    }

    /// A float JSON cannot spell is written as JavaScript and Python's json module write it.
    @Test func nonFiniteNumbersAreWrittenAsPythonReadsThem() throws {
        var options = TemplateOptions()
        options.proseWords = .infinity
        #expect(options.resolvedJSON.contains("\"prose_words\":Infinity"))
    }

    @Test func settingsResolveForAStageOrTheReport() throws {
        let report = try object(try StageRegistry.resolvedOptions(name: "report", settings: ["clusters_with_text=7", "folder=on"]))
        #expect(report["clusters_with_text"] as? Int == 7 && report["folder"] as? String == "on")
        #expect(report["members_with_text"] as? Int == ReportOptions().membersWithText)
        let exact = try object(try StageRegistry.resolvedOptions(name: "exact", settings: []))
        #expect(exact["keep"] as? String == "longest")
        #expect(throws: WinnowError.self) { try StageRegistry.resolvedOptions(name: "dedupe", settings: []) }
        #expect(throws: WinnowError.self) {
            try StageRegistry.resolvedOptions(name: "report", settings: ["clusters_with_text=7e1"])
        }
    }

    /// The file's own errors, with its path, as `winnow run` gives them.
    @Test func aBadStepIsRefusedWithTheFilesPath() {
        do {
            _ = try PipelineDefinition.parse("version: 1\nsteps:\n  - exact: {keep: bigest}", origin: "bad.yaml").resolvedJSON()
            Issue.record("resolved a bad option")
        } catch {
            #expect(error.description.hasPrefix("bad.yaml: step 1: invalid options for stage 'exact'"), "\(error.description)")
        }
    }
}
