/// Whether a quality floor sits meaningfully above the naive baseline of its set: at least 0.05 above
/// it, or with at most half the baseline's error (1 − score) where the baseline is already close to 1.
public func floorDiscriminates(_ floor: Double, baseline: Double) -> Bool {
    floor - baseline >= 0.05 || 1 - floor <= (1 - baseline) / 2
}
