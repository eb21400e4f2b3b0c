import Foundation
import Testing
import WinnowTestSupport
import Yams

@testable import Winnow

/// Each option is declared once; decoding, `--set`, the default pipeline and the README follow from it.
@Suite struct StageOptionsTests {
    @Test func defaultPipelineIsWrittenFromTheDeclarations() throws {
        let committed = try String(contentsOfFile: packageRoot + "/Pipelines/default.yaml", encoding: .utf8)
        #expect(committed == OptionListing.pipelineYAML, "run scripts/write-option-docs")
    }

    @Test func readmeTablesAreWrittenFromTheDeclarations() throws {
        let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- options: made by"))
        let body = readme[start.upperBound...].drop { $0 != "\n" }.dropFirst()
        let end = try #require(body.range(of: "<!-- options: end -->"))
        #expect(String(body[..<end.lowerBound]) == OptionListing.markdown, "run scripts/write-option-docs")
    }

    @Test func theDefaultPipelineSetsEveryOptionToItsDefault() throws {
        let definition = try PipelineDefinition.load(path: packageRoot + "/Pipelines/default.yaml")
        #expect(definition.report == ReportOptions())
        for step in definition.steps {
            let given = Array(try #require(step.options?.mapping).keys.compactMap(\.string))
            let declared = try #require(StageRegistry.stages.first { $0.stageName == step.stage }).optionRows.map(\.key)
            #expect(given == declared, "\(step.stage)")
        }
    }

    @Test func keysAreUniqueAndSnakeCase() {
        let everyKeyList = StageRegistry.stages.map { $0.optionRows.map(\.key) } + [ReportOptions.keys]
        for keys in everyKeyList {
            #expect(Set(keys).count == keys.count)
            #expect(keys.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } }, "\(keys)")
        }
    }

    @Test func encodedOptionsReadBackEqual() throws {
        var options = NearDupOptions()
        options.bands = 20
        options.rule.threshold = 0.8
        options.keep = .newest(field: "date")
        options.clusters = "c.jsonl"
        #expect(try YAMLDecoder().decode(NearDupOptions.self, from: try YAMLEncoder().encode(options)) == options)
        var clean = CleanOptions()
        clean.extraction.mainContent = false
        clean.extraction.maxBytes = 1000
        #expect(try YAMLDecoder().decode(CleanOptions.self, from: try YAMLEncoder().encode(clean)) == clean)
    }

    @Test func settingsAreReadAsAPipelineFileReadsThem() throws {
        let options = try NearDupOptions.decode(
            settings: ["bands=20", "threshold=0.8", "keep=newest:date", "bands=14"],
            owner: "stage 'neardup'")
        #expect(options.bands == 14 && options.rule.threshold == 0.8 && options.keep == .newest(field: "date"))
        #expect(options.rows == NearDupOptions().rows)
        let clean = try CleanOptions.decode(settings: ["main_content=false", "charset_field="], owner: "stage 'clean'")
        #expect(!clean.extraction.mainContent && clean.charsetField.isEmpty)
    }

    @Test func literalsStayText() throws {
        let options = try TemplateOptions.decode(
            settings: [], literals: [("summary", "null"), ("site_field", "123")],
            owner: "stage 'templates'")
        #expect(options.summary == "null" && options.siteField == "123")
        let later = try TemplateOptions.decode(settings: ["summary=s.json"], literals: [("summary", "x")], owner: "t")
        #expect(later.summary == "s.json")
    }

    /// A key left without a value in a pipeline file is an error, not the default (`unicode: null` is
    /// not `none`), for text options too (`''` is empty text).
    @Test func keysWithoutValuesAreRefusedButEmptyTextIsText() throws {
        for step in ["normalize:\n      unicode: null", "templates:\n      summary:", "clean:\n      disabled_rules: ~"] {
            let yaml = "version: 1\nsteps:\n  - \(step)\n"
            #expect {
                _ = try PipelineDefinition.parse(yaml, origin: "p.yaml").makeStages(reportFolder: nil)
            } throws: { error in
                "\(error)".contains("has no value: give one ('' for empty text)")
            }
        }
        let templates = try TemplateOptions.decode(try Yams.compose(yaml: "summary: ''\nsite_field: \"\"\n"), owner: "t", context: "c")
        #expect(templates.summary.isEmpty && templates.siteField.isEmpty)
    }

    /// A value the options as a whole refuse is named by the problem's own words, with no empty key before them.
    @Test func aRefusedValueNamesItsOption() {
        #expect {
            _ = try NormalizeOptions.decode(settings: ["max_blank_lines=-1"], owner: "stage 'normalize'")
        } throws: { error in
            "\(error)".hasSuffix("invalid options for stage 'normalize': max_blank_lines must be 0 or more")
        }
    }

    /// Page counts of the templates stage are 0 or more, as its other counts are refused below their
    /// floor; a whole number no option can hold is named too large, not "not a whole number".
    @Test(arguments: [
        ("small_site_pages=-1", "small_site_pages must be 0 or more"),
        ("empty_page_min_site_pages=-1", "empty_page_min_site_pages must be 0 or more"),
        (
            "min_site_pages=99999999999999999999",
            "'min_site_pages' must be a whole number from -9223372036854775808 to "
                + "9223372036854775807: 99999999999999999999 is too large"
        ),
        ("min_site_pages=-99999999999999999999", "-99999999999999999999 is too small"),
        ("min_site_pages=many", "'min_site_pages' must be a whole number"),
    ])
    func templatePageCountsAreChecked(setting: String, message: String) throws {
        #expect {
            _ = try TemplateOptions.decode(settings: [setting], owner: "stage 'templates'")
        } throws: { error in
            "\(error)".contains(message)
        }
        let zero = try TemplateOptions.decode(settings: ["small_site_pages=0", "empty_page_min_site_pages=0"], owner: "t")
        #expect(zero.smallSitePages == 0 && zero.emptyPageMinSitePages == 0)
    }

    @Test(arguments: [
        ("bandz=3", "unknown option 'bandz'"),
        ("bands", "write KEY=VALUE"),
        ("=3", "write KEY=VALUE"),
        ("bands=many", "'bands' must be a whole number"),
        ("seed=-1", "'seed' must be a whole number from 0 to 18446744073709551615"),
        ("threshold=", "'threshold' must be a number"),
        ("bands=100", "bands × rows"),
        ("keep=oldest", "not a keep policy"),
        ("bands=null", "'bands': has no value"),
        ("keep=~", "'keep': has no value"),
    ])
    func badSettingsAreErrorsThatSayWhatToDo(setting: String, message: String) {
        #expect {
            _ = try NearDupOptions.decode(settings: [setting], owner: "stage 'neardup'")
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("--set")
        }
    }
}
