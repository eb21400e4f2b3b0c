import ArgumentParser
import Winnow

extension WinnowCommand {
    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stages a pipeline file can use, with their options.")

        func run() {
            for stage in StageRegistry.stages {
                print("\(stage.stageName): \(stage.summary)")
                print("  options: \(stage.optionKeys.joined(separator: ", "))")
            }
        }
    }
}
