import Foundation
import Winnow

/// A fresh temporary folder per test, removed when the value goes away.
public final class TemporaryFolder {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "winnow-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let target = file(name)
        try? FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: target, contents: Data(bytes)), "cannot write \(target)")
        return target
    }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Names of the files in the folder, hidden ones included, sorted.
    public func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

/// Parses each line of JSONL text into a dictionary (with Foundation, independently of Winnow's codec).
public func jsonLines(_ text: String) -> [[String: Any]] {
    text.split(separator: "\n").map { line in
        try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }
}

/// Runs stages over inputs in-process with the given configuration tweaks.
public func runPipeline(
    _ stages: [any DocumentStage], inputs: [InputSpec], output: String,
    configure: (inout RunConfiguration) -> Void = { _ in }
) async throws -> RunSummary {
    var configuration = RunConfiguration(inputs: inputs, output: output)
    configure(&configuration)
    return try await PipelineRunner(name: "test", stages: stages, configuration: configuration).run()
}

/// Gzip-compresses bytes with the system's gzip, so Winnow's reader is checked against another writer.
public func gzipped(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // Fed from another thread: once its output pipe is full, gzip stops reading its input, so writing
    // all of a large input before reading any output would wait forever.
    let writer = input.fileHandleForWriting
    let feeding = DispatchGroup()
    DispatchQueue.global().async(group: feeding) {
        writer.write(Data(bytes))
        try? writer.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    feeding.wait()
    process.waitUntilExit()
    return Array(data)
}

/// Decompresses with the system's gzip, as bytes (archives hold bytes that are not UTF-8).
public func gunzippedBytes(_ path: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

/// Decompresses with the system's gzip, as text.
public func gunzipped(_ path: String) throws -> String {
    String(decoding: try gunzippedBytes(path), as: UTF8.self)
}

/// The package's root folder, for the committed pipelines and samples.
public let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs pipeline steps (document or corpus stages) in-process.
public func runSteps(
    _ steps: [PipelineStep], inputs: [InputSpec], output: String,
    configure: (inout RunConfiguration) -> Void = { _ in }
) async throws -> RunSummary {
    var configuration = RunConfiguration(inputs: inputs, output: output)
    configure(&configuration)
    return try await PipelineRunner(name: "test", steps: steps, configuration: configuration).run()
}
