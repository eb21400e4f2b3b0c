import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

@Suite struct PipelineDefinitionTests {
    @Test func parsesStepsWithAndWithoutOptions() throws {
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            name: mine
            steps:
              - normalize
              - normalize:
                  max_blank_lines: 0
                  unicode: nfkc
            """, origin: "mine.yaml")
        #expect(definition.name == "mine")
        let stages = try definition.makeStages()
        #expect(stages.map(\.name) == ["normalize", "normalize"])
        guard case .document(let stage) = stages[1] else { Issue.record("normalize is a document stage"); return }
        let second = try #require(stage as? NormalizeStage)
        #expect(second.normalizer.options.maxBlankLines == 0)
        #expect(second.normalizer.options.unicode == .nfkc)
    }

    @Test(arguments: [
        ("steps: []", "missing 'version: 1'"),
        ("version: 2\nsteps: []", "version 2 is not supported"),
        ("version: '1'\nsteps: []", "'version' must be the integer 1, not the text '1' (quoted, or tagged !!str)"),
        ("version: !!str 1\nsteps: []", "'version' must be the integer 1, not the text '1' (quoted, or tagged !!str)"),
        ("version: 1.0\nsteps: []", "'version' must be the integer 1, not '1.0'"),
        ("version: [1]\nsteps: []", "'version' must be the integer 1, not a list or mapping"),
        ("version: 1\nsteps: [dedupe]", "unknown stage 'dedupe'"),
        ("version: 1\nsteps:\n  - normalize:\n      fold_spaec: true", "unknown option 'fold_spaec'"),
        ("version: 1\nsteps:\n  - normalize:\n      max_blank_lines: lots", "invalid options"),
        ("version: 1\nsteps:\n  - normalize:\n      max_blank_lines: -1", "must be 0 or more"),
        ("version: 1\nsteps:\n  - normalize:\n      unicode: nfd", "invalid options"),
        ("version: 1\nstages: []", "unknown key 'stages'"),
        ("version: 1\nsteps: normalize", "'steps' must be a list"),
        ("- just a list", "a pipeline file is a mapping"),
        ("version: [1", "not valid YAML"),
        ("version: 1\nsteps:\n  - report\n  - normalize", "must be the last step"),
        ("version: 1\nsteps:\n  - report:\n      colour: red", "unknown option 'colour' for the report step"),
        ("version: 1\nsteps:\n  - report:\n      members_with_text: 1", "members_with_text must be 2 or more"),
    ])
    func rejectsBadFiles(yaml: String, message: String) {
        do {
            _ = try PipelineDefinition.parse(yaml, origin: "bad.yaml").makeStages()
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.hasPrefix("bad.yaml: "))
        }
    }

    /// A byte order mark, which some editors put first, is not read as YAML.
    @Test func aByteOrderMarkIsSkipped() throws {
        let folder = TemporaryFolder()
        let path = folder.write("bom.yaml", [0xEF, 0xBB, 0xBF] + Array("version: 1\nsteps: [exact]\n".utf8))
        #expect(try PipelineDefinition.load(path: path).steps.map(\.stage) == ["exact"])
    }

    /// A report step is not a stage: it ends the pipeline, and the stages that feed it write their
    /// files into its folder unless the pipeline names other files.
    @Test func reportStepFeedsFromTheStages() throws {
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            steps:
              - templates
              - neardup:
                  clusters: mine.jsonl
              - report:
                  clusters_with_text: 5
            """, origin: "report.yaml")
        #expect(definition.steps.map(\.stage) == ["templates", "neardup"])
        #expect(definition.report?.clustersWithText == 5)
        #expect(definition.report?.folder(forOutput: "out/pages.jsonl.gz") == "out/pages.report")
        // The suffix is told by bytes: "\u{600}." is one grapheme cluster, which String.hasSuffix missed.
        #expect(definition.report?.folder(forOutput: "out/a\u{600}.jsonl") == "out/a\u{600}.report")
        let stages = try definition.makeStages(reportFolder: "r")
        guard case .corpus(let templates) = stages[0], case .corpus(let nearDup) = stages[1] else {
            Issue.record("templates and neardup are corpus stages")
            return
        }
        #expect((templates as? TemplatesStage)?.options.summary == StagedFolder.workFolder(for: "r") + "/templates.json")
        #expect((nearDup as? NearDupStage)?.options.clusters == "mine.jsonl")
        guard case .corpus(let plain) = try definition.makeStages()[0] else { return }
        #expect((plain as? TemplatesStage)?.options.summary == "")
    }

    /// Steps that feed one report file write one each, named by their step number (as the cluster path
    /// names its folders); a file fed by one step, or a step naming its own, keeps its name.
    @Test func stepsFeedingOneReportFileAreNumbered() throws {
        let definition = try PipelineDefinition.parse(
            """
            version: 1
            steps:
              - neardup
              - templates:
                  summary: mine.json
              - neardup:
                  clusters: ""
              - templates
              - report
            """, origin: "report.yaml")
        let work = StagedFolder.workFolder(for: "r")
        let options = try definition.makeStages(reportFolder: "r").map { step -> String? in
            guard case .corpus(let stage) = step else { return nil }
            return (stage as? NearDupStage)?.options.clusters ?? (stage as? TemplatesStage)?.options.summary
        }
        #expect(options == [work + "/clusters-step1.jsonl", "mine.json", work + "/clusters-step3.jsonl", work + "/templates.json"])
    }

    /// Every committed pipeline must load and build, so a renamed option cannot break one silently.
    @Test func committedPipelinesBuild() throws {
        let folder = packageRoot + "/Pipelines"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 2)
        for file in files {
            _ = try PipelineDefinition.load(path: folder + "/" + file).makeStages()
        }
    }
}

@Suite struct StageRegistryTests {
    /// The default pipeline runs every registered stage, in registry order.
    @Test func defaultPipelineUsesEveryStage() throws {
        let definition = try PipelineDefinition.load(path: packageRoot + "/Pipelines/default.yaml")
        #expect(definition.steps.map(\.stage) == StageRegistry.names)
    }

    /// Every stage type in the library is registered: stage files are found by their declaration.
    @Test func everyStageIsRegistered() throws {
        let stagesFolder = packageRoot + "/Sources/Winnow/Stages"
        let enumerator = try #require(FileManager.default.enumerator(atPath: stagesFolder))
        var declared: [String] = []
        while let file = enumerator.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let source = try String(contentsOfFile: stagesFolder + "/" + file, encoding: .utf8)
            for line in source.split(separator: "\n") where line.contains(": RegisteredStage") && line.contains("struct ") {
                if let name = line.split(separator: " ").drop(while: { $0 != "struct" }).dropFirst().first {
                    declared.append(String(name.dropLast()))
                }
            }
        }
        #expect(!declared.isEmpty)
        #expect(Set(declared) == Set(StageRegistry.stages.map { String(describing: $0) }))
        #expect(Set(StageRegistry.names).count == StageRegistry.names.count)
    }

    /// A pipeline file whose name is not UTF-8 is read by its bytes (it was looked up by its `\xFF`
    /// spelling and "cannot read"); one that is missing says why.
    @Test func aPipelineFileNamedWithBytesThatAreNotUTF8IsRead() throws {
        let folder = TemporaryFolder()
        FileNameTests.create(Array("p".utf8) + [0xFF] + Array(".yaml".utf8), in: folder, "version: 1\nname: r\nsteps:\n  - normalize\n")
        let definition = try PipelineDefinition.load(path: folder.path + #"/p\xFF.yaml"#)
        #expect(definition.name == "r" && definition.steps.count == 1)
        let error = #expect(throws: WinnowError.self) { try PipelineDefinition.load(path: folder.file("missing.yaml")) }
        #expect(error?.message == "cannot read the pipeline file (cannot open for reading: No such file or directory)")
    }
}
