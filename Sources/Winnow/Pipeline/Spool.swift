import Foundation

/// Temporary files that hold a run's documents between passes, while a corpus stage merges its tally.
enum Spool {
    static func path(in directory: String, phase: Int) -> String {
        "\(directory)/winnow-spool-\(getpid())-\(phase).jsonl"
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
