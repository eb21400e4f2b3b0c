import ArgumentParser
import Synchronization
import Winnow

/// `--set KEY=VALUE`: any option of a stage from the command line, read as a pipeline file reads it,
/// so each option is declared once (in its options type) and reached without a mirror here.
struct StageSettings<Options: StageOptions>: ParsableArguments {
    @Option(
        name: .customLong("set"), parsing: .singleValue,
        help: ArgumentHelp(
            "An option of the stage as in a pipeline file (repeatable): e.g. --set \(Options.keys.first ?? "key")=VALUE.",
            discussion: Options.settingsDiscussion,
            valueName: "key=value"))
    var settings: [String] = []

    /// The options: the defaults, then the command's convenience flags (`literals`: string values as
    /// given; `shortcuts`: `key=value`), then every `--set` in order; `owner` names the stage in errors.
    func options(owner: String, literals: [(key: String, value: String)] = [], shortcuts: [String] = []) throws(WinnowError) -> Options {
        // Values are text as typed, not file names (`FileName.text`).
        try Options.decode(
            settings: (shortcuts + settings).map(FileName.text), literals: literals.map { ($0.key, FileName.text($0.value)) },
            owner: owner)
    }
}

/// Each options type's `--set` help, made once a process: its defaults come from encoding the options
/// as YAML, and the argument parser builds every command's arguments several times for one run.
private let settingsDiscussions = Mutex<[ObjectIdentifier: String]>([:])

/// Whether the command line asks for help (`-h`, `--help`, `help`, `--help-hidden`, `--experimental-dump-help`).
private let asksForHelp = CommandLine.arguments.dropFirst().contains {
    $0 == "-h" || $0 == "help" || ($0.hasPrefix("-") && $0.contains("help"))
}

extension StageOptions {
    /// One line per option: key, default and help; empty when no help is shown (most of a run's start-up).
    static var settingsDiscussion: String {
        guard asksForHelp else { return "" }
        if let known = settingsDiscussions.withLock({ $0[ObjectIdentifier(Self.self)] }) { return known }
        let discussion = rows.map { "\($0.key) (\($0.defaultValue)): \($0.help)" }.joined(separator: "\n")
        settingsDiscussions.withLock { $0[ObjectIdentifier(Self.self)] = discussion }
        return discussion
    }

    /// The help of the option `key`, for a convenience flag that sets it.
    static func help(_ key: String) -> String {
        guard let declaration = declarations.first(where: { $0.key == key }) else {
            preconditionFailure("no option '\(key)' in \(Self.self)")
        }
        return declaration.help + " (--set \(key)=…)"
    }
}
