extension WinnowError {
    /// This error with its outcome said for `outputs`, the outputs of the run it stopped. A failed run
    /// commits no file output, but a stream output (standard output, a pipe, a device) was written
    /// straight to and cannot take back what it was sent: the outcome then says how many records went
    /// where, that they cannot be trusted, and that the exit status says so. An error that says no
    /// outcome is returned as it is.
    package func restated(for outputs: [OutputFile?]) -> WinnowError {
        let outputs = outputs.compactMap { $0 }
        let sent = outputs.filter { $0.isStream && $0.recordsSent > 0 }
        guard outcome != nil, let first = sent.first else { return self }
        func count(_ output: OutputFile) -> String {
            (output.isCompressed ? "up to " : "") + "\(output.recordsSent)"
        }
        var said = "\(count(first)) \(first.recordsSent == 1 ? "record" : "records") had already gone to \(first.shownName)"
        for output in sent.dropFirst() { said += " and \(count(output)) to \(output.shownName)" }
        said += ", which cannot take them back: they cannot be trusted, and the exit status (not 0) says so"
        var restated = self
        restated.outcome = outputs.contains { !$0.isStream } ? "no file output was written, but " + said : said
        return restated
    }
}
