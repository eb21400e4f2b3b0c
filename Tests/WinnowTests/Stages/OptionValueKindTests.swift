import Testing
import Yams

@testable import Winnow

/// A value written as text, quoted or tagged `!!str`, stays text: a number or true/false option refuses
/// it, naming the option, the value and what it must be, where Yams read `!!str 0.8` as the number.
@Suite struct OptionValueKindTests {
    @Test(arguments: [
        (
            "neardup", "threshold: !!str 0.8",
            "'threshold' must be a number, not the text '0.8' (quoted, or tagged !!str): write 0.8 without quotes or tag"
        ),
        ("neardup", "threshold: !<tag:yaml.org,2002:str> 0.8", "'threshold' must be a number, not the text '0.8'"),
        ("neardup", "threshold: \"0.8\"", "'threshold' must be a number, not the text '0.8' (quoted, or tagged !!str): write 0.8"),
        ("neardup", "threshold: '7e-1'", "'threshold' must be a number, not the text '7e-1' (quoted, or tagged !!str): write 7e-1"),
        ("neardup", "threshold: |\n        0.8", "'threshold' must be a number, not the text '0.8\n'"),
        ("neardup", "bands: !!str 20", "'bands' must be a whole number, not the text '20' (quoted, or tagged !!str): write 20"),
        ("neardup", "seed: \"7\"", "'seed' must be a whole number from 0 to 18446744073709551615, not the text '7'"),
        ("templates", "prose_words: !!str 3", "'prose_words' must be a number, not the text '3'"),
        (
            "normalize", "remove_control: !!str true",
            "'remove_control' must be true or false, not the text 'true' (quoted, or tagged !!str): write true"
        ),
        ("normalize", "max_blank_lines: ''", "'max_blank_lines' must be a whole number, not the text '' (quoted, or tagged !!str)"),
        ("report", "max_text_bytes: !!str 5000", "'max_text_bytes' must be a whole number, not the text '5000'"),
    ])
    func textIsRefusedWhereANumberOrTrueOrFalseIsExpected(stage: String, option: String, message: String) {
        let yaml = "version: 1\nsteps:\n  - \(stage):\n      \(option)\n"
        #expect {
            _ = try PipelineDefinition.parse(yaml, origin: "p.yaml").makeStages()
        } throws: { error in
            "\(error)".hasPrefix("p.yaml: step 1: invalid options for ") && "\(error)".contains(message)
        }
    }

    /// Text that would not read as the value written plain gets no advice to write it so.
    @Test func textThatIsNoNumberGetsNoAdvice() {
        #expect {
            _ = try NearDupOptions.decode(try Yams.compose(yaml: "threshold: !!str most"), owner: "stage 'neardup'", context: "step 2")
        } throws: { error in
            "\(error)".hasSuffix(
                "step 2: invalid options for stage 'neardup': 'threshold' must be a number, not the text 'most' (quoted, or tagged !!str)")
        }
    }

    /// Plain spellings of numbers and true/false still read, and so do explicit tags of their kind;
    /// text options take numbers and text written either way.
    @Test func plainValuesAndTextOptionsStillRead() throws {
        let yaml = """
            threshold: 7e-1
            containment: !!float 0.8
            bands: 0x14
            rows: !!int 4
            clusters: !!str 12
            assignments: "0.5"
            keep: 'longest'
            """
        let options = try NearDupOptions.decode(try Yams.compose(yaml: yaml), owner: "stage 'neardup'", context: "step 1")
        #expect(options.rule.threshold == 0.7 && options.rule.containment == 0.8 && options.bands == 20 && options.rows == 4)
        #expect(options.clusters == "12" && options.assignments == "0.5" && options.keep == .longest)
        let normalize = try NormalizeOptions.decode(
            try Yams.compose(yaml: "remove_control: off\nfold_spaces: !!bool false"), owner: "n", context: "c")
        #expect(!normalize.removeControl && !normalize.foldSpaces)
    }

    /// `--set` values are text on the command line, read as a pipeline file reads them: plain ones are
    /// numbers, and one quoted or tagged `!!str` in the value is refused as in a file.
    @Test func settingsFollowTheSameRule() throws {
        let options = try NearDupOptions.decode(
            settings: ["threshold=0.8", "containment=7e-1", "bands=0x14", "clusters=12"], owner: "stage 'neardup'")
        #expect(options.rule.threshold == 0.8 && options.rule.containment == 0.7 && options.bands == 20 && options.clusters == "12")
        #expect(try !NormalizeOptions.decode(settings: ["trim_lines=false"], owner: "stage 'normalize'").trimLines)
        for setting in ["threshold=!!str 0.8", "threshold=\"0.8\"", "threshold='0.8'"] {
            #expect {
                _ = try NearDupOptions.decode(settings: [setting], owner: "stage 'neardup'")
            } throws: { error in
                "\(error)".hasSuffix(
                    "--set: invalid options for stage 'neardup': 'threshold' must be a number, not the text '0.8' "
                        + "(quoted, or tagged !!str): write 0.8 without quotes or tag")
            }
        }
    }
}
