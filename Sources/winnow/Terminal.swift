import Foundation

/// Writing to stderr, and whether it is a terminal (for the progress line).
enum Terminal {
    static let isInteractive = isatty(2) == 1

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Overwrites the current stderr line with `status`; an empty status clears it.
    static func status(_ status: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + status).utf8))
    }
}
