/// Monotonic time between successive laps, in seconds.
struct Stopwatch {
    private var last = ContinuousClock.now

    /// Seconds since the previous lap (or since creation).
    mutating func lap() -> Double {
        let current = ContinuousClock.now
        defer { last = current }
        return last.duration(to: current).seconds
    }
}

extension Duration {
    /// The duration in seconds, as the run summary counts time.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
