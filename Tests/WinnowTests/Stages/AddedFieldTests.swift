import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// The fields stages add are declared (`addedFields`), and a run whose id, text, html or url field
/// is one of them is refused before anything is read, for every stage and every such field.
@Suite struct AddedFieldTests {
    /// Every stage with the options that make it write all its fields.
    var everyStage: [PipelineStep] {
        var templates = TemplateOptions()
        templates.removedLinesField = "lines"
        return [
            .document(CleanStage(options: CleanOptions())), .document(NormalizeStage(options: NormalizeOptions())),
            .corpus(ExactStage(options: ExactOptions())), .corpus(TemplatesStage(options: templates)),
            .corpus(NearDupStage(options: NearDupOptions())),
        ]
    }

    @Test func everyStageDeclaresTheRegisteredStagesFields() {
        #expect(everyStage.map(\.name) == StageRegistry.names, "a new stage is checked here too")
    }

    @Test func aConfiguredFieldThatAStageWritesIsRefusedBeforeAnythingIsRead() async throws {
        let folder = TemporaryFolder()
        let input = folder.write("in.jsonl", "{\"id\":\"a\",\"text\":\"words\"}\n")
        for step in everyStage {
            for added in step.addedFields + AddedField.removal {
                for role in ["id", "text", "html", "url"] {
                    var fields = FieldNames()
                    switch role {
                    case "id": fields.id = added.key
                    case "text": fields.text = added.key
                    case "html": fields.html = added.key
                    default: fields.url = added.key
                    }
                    let output = folder.file("out.jsonl")
                    await #expect {
                        _ = try await runSteps([step], inputs: [.jsonl(path: input, name: input)], output: output) {
                            $0.fields = fields
                        }
                    } throws: { error in
                        let message = "\(error)"
                        return message.contains("stage '\(step.name)'") && message.contains("'\(added.key)'")
                            && message.contains("--\(role)-field") && (added.remedy.map(message.contains) ?? true)
                    }
                    #expect(!FileManager.default.fileExists(atPath: output), "\(step.name) \(added.key) \(role)")
                }
            }
        }
    }

    /// What each stage writes on the documents of a small corpus that makes it write everything it
    /// can: no key outside the input's and the stage's declared fields.
    @Test func aStageWritesNoFieldItDoesNotDeclare() async throws {
        let folder = TemporaryFolder()
        let story = "the council voted on tuesday to extend the river path by two miles after a long debate about the bridge"
        let page =
            "<html lang=\\\"en\\\"><head><title>River path</title><link rel=\\\"canonical\\\" href=\\\"https://s.example/a\\\">"
            + "<meta property=\\\"article:published_time\\\" content=\\\"2026-01-02\\\"></head><body><article><p>\(story)</p>"
            + "</article></body></html>"
        var lines = ["{\"id\":\"p\",\"url\":\"https://s.example/p\",\"html\":\"\(page)\"}"]
        for index in 0..<6 {
            lines.append(
                "{\"id\":\"t\(index)\",\"url\":\"https://s.example/\(index)\",\"text\":\"Home | News | Sport\\n\(story) \(index)\\nCopyright S\"}"
            )
        }
        lines.append("{\"id\":\"t6\",\"url\":\"https://s.example/6\",\"text\":\"Home | News | Sport\\nCopyright S\"}")
        lines.append("{\"id\":\"e\",\"text\":\"HOME | NEWS | SPORT\\n\(story.uppercased()) 0\\nCOPYRIGHT S\"}")
        lines.append("{\"id\":\"n\",\"text\":\"   \"}")
        let input = folder.write("in.jsonl", lines.joined(separator: "\n") + "\n")
        for step in everyStage {
            let output = folder.file("\(step.name).jsonl"), removed = folder.file("\(step.name).removed.jsonl")
            _ = try await runSteps([step], inputs: [.jsonl(path: input, name: input)], output: output) {
                $0.removedOutput = removed
                $0.spoolDirectory = folder.path
            }
            var written: Set<String> = []
            for file in [output, removed] {
                for object in jsonLines(try String(contentsOfFile: file, encoding: .utf8)) { written.formUnion(object.keys) }
            }
            let allowed = Set(["id", "url", "text", "html"] + (step.addedFields + AddedField.removal).map(\.key))
            #expect(written.subtracting(allowed).isEmpty, "\(step.name) writes \(written.subtracting(allowed).sorted())")
            #expect(written.subtracting(["id", "url", "text", "html"]).count >= 2, "\(step.name) adds fields here")
            if let first = step.addedFields.first { #expect(written.contains(first.key), "\(step.name) writes \(first.key) here") }
        }
    }

    @Test func removedLinesFieldMayNotNameAFieldStagesWrite() {
        for key in ["removed_by", "duplicate_of", "cluster", "title"] {
            var options = TemplateOptions()
            options.removedLinesField = key
            #expect(options.validationProblem?.contains("removed_lines_field '\(key)'") == true)
        }
    }
}
