import Glibc

/// An output written atomically: bytes go to a temporary file beside the target, which is renamed
/// over it by `commit()`. Until then the target is untouched; without a commit the temporary file
/// is deleted, so a failed run never leaves a partial file. A `.gz` name is gzip-compressed; `-` is
/// standard output, and a device or pipe is written straight to (streamed, so not atomic); a symbolic
/// link's target is replaced, never the link (`OutputTarget`).
public final class OutputFile {
    public let path: String
    /// Where the finished file is renamed to (the path, with symbolic links resolved).
    private let finalPath: String
    private let temporaryPath: String?
    private let ownsDescriptor: Bool
    private var descriptor: Int32
    private let compressor: GzipCompressor?
    private var pending: [UInt8] = []
    /// Records in `pending` (`write(_:records:)`).
    private var pendingRecords = 0
    private var committed = false
    /// Set once `finish` has written everything and closed the descriptor.
    private var finished = false
    /// Bytes handed to `write` (before compression).
    public private(set) var bytesWritten = 0
    /// Records whose bytes have been written out (for a compressed output, handed to the compressor,
    /// which may hold the last of them back), as the writer counted them (`write(_:records:)`): what a
    /// stream output has been sent, and cannot take back, when the run fails (`WinnowError.restated`).
    public private(set) var recordsSent = 0
    /// Whether the output is written straight to (standard output, a device, a pipe), not to a
    /// temporary file renamed into place: what is sent to it is out at once.
    var isStream: Bool { temporaryPath == nil }
    var isCompressed: Bool { compressor != nil }
    /// How the output is named in messages: "standard output", or its path.
    var shownName: String { descriptor == 1 && !ownsDescriptor ? "standard output" : path }
    private let temporaryFiles: TemporaryFiles
    private static var flushSize: Int { 1 << 20 }
    /// Bytes handed over in one piece of at least this size are written from where they are: a batch's
    /// lines, whose copy behind pending bytes would cost more than the extra write call.
    private static var directSize: Int { 1 << 16 }

    public convenience init(path: String) throws(WinnowError) {
        try self.init(path: path, temporaryFiles: .shared)
    }

    /// `temporaryFiles`: where the temporary file is registered (`TemporaryFiles.shared`, which the
    /// CLI deletes on a signal, but in tests).
    init(path: String, temporaryFiles: TemporaryFiles) throws(WinnowError) {
        self.path = path
        self.temporaryFiles = temporaryFiles
        switch try OutputTarget(path) {
        case .standardOutput:
            finalPath = path
            temporaryPath = nil
            ownsDescriptor = false
            descriptor = 1
            compressor = nil
        case .descriptor(let held):
            finalPath = path
            temporaryPath = nil
            ownsDescriptor = false
            descriptor = held
            compressor = nil
        case .stream(let target):
            let opened = open(target, O_WRONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .io("cannot open the output for writing: \(String(cString: strerror(errno)))", path: path)
            }
            finalPath = target
            temporaryPath = nil
            ownsDescriptor = true
            descriptor = opened
            compressor = FileNameEnding.endsWith(path, ".gz") ? try GzipCompressor() : nil
        case .file(let target):
            let directory = target.contains("/") ? String(target[..<target.lastIndex(of: "/")!]) : "."
            let name = target.split(separator: "/").last.map(String.init) ?? target
            let folder = directory.isEmpty ? "/" : directory
            TemporaryName.removeStale(in: folder, for: name)
            let temporary = "\(folder)/\(TemporaryName.prefix(for: name))-\(UInt32.random(in: 0...UInt32.max)).tmp"
            // Made and registered in one step that an interruption waits for (`TemporaryFiles.creating`).
            let opened = try temporaryFiles.creating { () throws(WinnowError) in
                let opened = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard opened >= 0 else {
                    throw .io("cannot create output: \(String(cString: strerror(errno)))", path: path)
                }
                temporaryFiles.add(temporary)
                return opened
            }
            // A file being replaced keeps its permission bits (a private 0600 output stays private);
            // the rename would otherwise give it the new file's.
            var existing = stat()
            if stat(target, &existing) == 0 && (existing.st_mode & S_IFMT) == S_IFREG {
                fchmod(opened, existing.st_mode & 0o777)
            }
            finalPath = target
            temporaryPath = temporary
            ownsDescriptor = true
            descriptor = opened
            compressor = FileNameEnding.endsWith(path, ".gz") ? try GzipCompressor() : nil
        }
    }

    deinit {
        if let temporaryPath, !committed {
            if !finished { close(descriptor) }
            unlink(temporaryPath)
            temporaryFiles.remove(temporaryPath)
        } else if ownsDescriptor && temporaryPath == nil && !finished {
            close(descriptor)
        }
    }

    /// Appends bytes, which hold `records` whole records (lines); they reach the file in large writes.
    /// Large bytes are written from where they are, after what is pending, rather than copied behind it.
    public func write(_ bytes: [UInt8], records: Int = 0) throws(WinnowError) {
        bytesWritten += bytes.count
        if compressor == nil && bytes.count >= Self.directSize {
            if !pending.isEmpty { try flush(finish: false) }
            try writeAll(bytes)
            recordsSent += records
            return
        }
        pending.append(contentsOf: bytes)
        pendingRecords += records
        if pending.count >= Self.flushSize { try flush(finish: false) }
    }

    /// Writes `buffer` and empties it once it holds a megabyte or more: lets a writer build lines in
    /// one reused buffer without holding a whole file. Its lines are counted as records on a stream.
    public func drain(_ buffer: inout [UInt8], atLeast threshold: Int = 1 << 20) throws(WinnowError) {
        guard buffer.count >= threshold else { return }
        try write(buffer, records: isStream ? buffer.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } : 0)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and makes it durable, leaving the target untouched: a run finishes
    /// all its outputs before committing any, so a write that fails (a full disk) commits none.
    public func finish() throws(WinnowError) {
        guard !finished else { return }
        try flush(finish: true)
        finished = true
        guard temporaryPath != nil else {
            if ownsDescriptor && close(descriptor) != 0 {
                throw .io("cannot finish writing: \(String(cString: strerror(errno)))", path: path)
            }
            return
        }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .io("cannot finish writing: \(reason)", path: path)
        }
        if close(descriptor) != 0 {
            throw .io("cannot finish writing: \(String(cString: strerror(errno)))", path: path)
        }
    }

    /// Finishes the file (`finish`) and renames it into place, in a step that an interruption waits
    /// for (`TemporaryFiles.committing`).
    public func commit() throws(WinnowError) {
        try commit(staysTemporary: false)
    }

    /// `commit()`, for a finished file that is one of the run's temporary files too (a spool file):
    /// with `staysTemporary`, an interruption from then on deletes it.
    func commit(staysTemporary: Bool) throws(WinnowError) {
        guard !committed else { return }
        try finish()
        if let temporaryPath {
            try temporaryFiles.moveIntoPlace(temporaryPath, to: finalPath, staysTemporary: staysTemporary, shownAs: path)
        }
        committed = true
    }

    private func flush(finish: Bool) throws(WinnowError) {
        let bytes = compressor.map { $0.compress(pending, finish: finish) } ?? pending
        pending.removeAll(keepingCapacity: true)
        try writeAll(bytes)
        recordsSent += pendingRecords
        pendingRecords = 0
    }

    private func writeAll(_ bytes: [UInt8]) throws(WinnowError) {
        var failure: Int32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += result
            }
        }
        if failure == EPIPE {
            throw .io("the output's reader closed it (broken pipe): the output is cut short", path: path)
        }
        if failure != 0 {
            throw .io("write failed: \(String(cString: strerror(failure)))", path: path)
        }
    }
}
