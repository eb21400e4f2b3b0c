/// A single self-overwriting status line (records, megabytes, speed), at most four times a second.
struct ProgressLine {
    /// Receives the status text; nil when no progress should be shown (stderr is not a terminal).
    let show: (@Sendable (String) -> Void)?
    private let start = ContinuousClock.now
    private var lastShown: ContinuousClock.Instant?

    init(show: (@Sendable (String) -> Void)?) {
        self.show = show
    }

    mutating func update(records: Int, bytes: Int) {
        guard let show else { return }
        let now = ContinuousClock.now
        if let lastShown, lastShown.duration(to: now) < .milliseconds(250) { return }
        lastShown = now
        let seconds = start.duration(to: now).seconds
        let megabytes = Double(bytes) / 1_000_000
        show(
            "\(records) records, \(SummaryTable.fixed(megabytes, 1)) MB, "
                + "\(SummaryTable.fixed(seconds > 0 ? megabytes / seconds : 0, 1)) MB/s")
    }

    func clear() {
        show?("")
    }
}
