/// A single self-overwriting status line (records, megabytes, speed), at most four times a second.
struct ProgressLine {
    /// Receives the status text; nil when no progress should be shown (stderr is not a terminal).
    let show: (@Sendable (String) -> Void)?
    private let start = Stopwatch.now()
    private var lastShown: UInt64 = 0

    init(show: (@Sendable (String) -> Void)?) {
        self.show = show
    }

    mutating func update(records: Int, bytes: Int) {
        guard let show else { return }
        let now = Stopwatch.now()
        guard now - lastShown > 250_000_000 else { return }
        lastShown = now
        let seconds = Double(now - start) / 1e9
        let megabytes = Double(bytes) / 1_000_000
        show("\(records) records, \(SummaryTable.fixed(megabytes, 1)) MB, "
            + "\(SummaryTable.fixed(seconds > 0 ? megabytes / seconds : 0, 1)) MB/s")
    }

    func clear() {
        show?("")
    }
}
