import Glibc

/// Stops the run when an invariant does not hold: libFuzzer sees the abort as a crash and saves the
/// input that caused it.
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard !condition() else { return }
    var text = "invariant failed at \(file):\(line): \(message())\n"
    text.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    abort()
}
