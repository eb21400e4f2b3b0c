import Foundation
import Testing
import WinnowTestSupport

@testable import Winnow

/// A report folder is replaced whole, so none of its files, nor the folder, may be an input or
/// another output, whatever the spelling; checked before anything is read.
@Suite struct ReportFolderTests {
    @Test func aFolderThatIsAnOutputIsRefused() {
        let folder = TemporaryFolder()
        #expect {
            try ReportFolder.requireDistinct(
                folder.file("out.jsonl"), writing: ReportFolder.files, outputs: [("-o", folder.path + "/./out.jsonl")],
                inputs: [])
        } throws: { "\($0)".contains("the report folder \(folder.file("out.jsonl")) is the -o") }
    }

    @Test func aFileItReplacesIsRefusedUnderAnySpelling() throws {
        let folder = TemporaryFolder()
        folder.write("R/clusters.jsonl", "an earlier run's")
        folder.write("R/mine.jsonl", "{}\n")
        #expect(symlink(folder.file("R"), folder.file("link")) == 0)
        // Files it writes, and an earlier run's feeds it deletes.
        #expect {
            try ReportFolder.requireDistinct(
                folder.file("link"), writing: ReportFolder.files, outputs: [("--stats", folder.file("R/../R/report.json"))],
                inputs: [])
        } throws: { "\($0)".contains("its report.json, which is the --stats") }
        #expect {
            try ReportFolder.requireDistinct(
                folder.file("R"), writing: ReportFolder.files, replacing: { $0 == "clusters.jsonl" }, outputs: [],
                inputs: [folder.file("link/clusters.jsonl")])
        } throws: { "\($0)".contains("its clusters.jsonl, which is the input") }
        // Other files of the folder are carried over: an input there is refused only for a run.
        try ReportFolder.requireDistinct(
            folder.file("R"), writing: ReportFolder.files, outputs: [("--removed", folder.file("R/removed.jsonl"))],
            inputs: [folder.file("R/mine.jsonl")])
        #expect {
            try ReportFolder.requireDistinct(
                folder.file("R"), writing: ReportFolder.files, outputs: [], inputs: [folder.file("link/mine.jsonl")],
                holdingNoInput: true)
        } throws: { "\($0)".contains("holds the input") }
    }

    /// A stage's file named as one the report replaces, in the folder, is not written yet when the run
    /// starts: found by its path, it is refused; under another name it is carried over.
    @Test func anOutputNotWrittenYetThatItReplacesIsRefused() throws {
        let folder = TemporaryFolder()
        folder.write("R/report.json", "an earlier run's")
        #expect {
            try ReportFolder.requireDistinct(
                folder.file("R"), writing: ReportFolder.files, replacing: { $0 == "clusters.jsonl" },
                outputs: [("neardup clusters", folder.file("R/./clusters.jsonl"))], inputs: [])
        } throws: { "\($0)".contains("would replace its clusters.jsonl, which is the neardup clusters") }
        try ReportFolder.requireDistinct(
            folder.file("R"), writing: ReportFolder.files, replacing: { $0 == "clusters.jsonl" },
            outputs: [("neardup clusters", folder.file("R/mine.jsonl"))], inputs: [])
    }
}
