"""Runs the winnow binary over one partition as a checked filter: a failure fails the Spark task."""
import fcntl
import os
import shutil
import subprocess
import tempfile
import threading

FRAMED_SOURCES = "sources.txt"
F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
PIPE_BYTES = 1 << 20
STDERR_TAIL = 4000


class WinnowFailed(RuntimeError):
    """The binary exited with a non-zero status (or was killed) while filtering a partition."""


def exited(status, arguments, stderr):
    """The WinnowFailed of a call of the binary with `arguments` that exited with `status`, with the tail
    of what it wrote to stderr (bytes)."""
    tail = stderr[-STDERR_TAIL:].decode("utf-8", "replace").strip()
    return WinnowFailed(f"winnow exited with status {status} ({' '.join(arguments)}): {tail}")


def locate(binary):
    """The binary's path inside a task: a file shipped with --files/addFile, else the given path."""
    if os.sep not in binary:
        try:
            from pyspark import SparkFiles
            shipped = SparkFiles.get(binary)
            if os.path.exists(shipped):
                if not os.access(shipped, os.X_OK):
                    os.chmod(shipped, 0o755)
                return shipped
        except Exception:  # no SparkContext files in this process: fall back to PATH
            pass
        found = shutil.which(binary)
        if found:
            return found
    return binary


def _widen(pipe):
    """Asks for a 1 MiB pipe (Linux), so the binary's reads get whole batches instead of 64 KiB slices."""
    try:
        fcntl.fcntl(pipe.fileno(), F_SETPIPE_SZ, PIPE_BYTES)
    except (OSError, AttributeError):
        pass


class Workdir:
    """A private temporary folder for one call, holding the framed sources list and side files."""

    def __init__(self, sources):
        self.path = tempfile.mkdtemp(prefix="winnow-spark-")
        with open(self.file(FRAMED_SOURCES), "w", encoding="utf-8") as handle:
            for name in sources:
                handle.write(name + "\n")

    def file(self, name):
        return os.path.join(self.path, name)

    def close(self):
        shutil.rmtree(self.path, ignore_errors=True)


def run(binary, arguments, records, workdir, read_stdout=True, input_path="-"):
    """Runs `binary arguments... --framed-sources FILE -` with `records` (bytes, no newline) on stdin, or
    with `input_path` (a file the binary reads itself; `records` then empty) in place of `-`.

    Yields the lines of stdout (bytes, newline stripped) when `read_stdout`; raises WinnowFailed with
    the tail of stderr when the binary exits non-zero, after stdout is drained. A feeder thread writes
    stdin so that neither pipe can fill and block the other.
    """
    command = [locate(binary)] + list(arguments) + ["--framed-sources", workdir.file(FRAMED_SOURCES), input_path]
    stderr_path = workdir.file("stderr.txt")
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE if read_stdout else subprocess.DEVNULL,
                                   stderr=stderr, bufsize=1 << 20)
        _widen(process.stdin)
        feed_error = []

        def feed():
            try:
                for record in records:
                    process.stdin.write(record)
                    process.stdin.write(b"\n")
            except BrokenPipeError as error:  # the binary died: its exit status says why
                feed_error.append(error)
            except BaseException as error:  # an upstream failure: stop the binary, report it below
                feed_error.append(error)
                process.kill()
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        if read_stdout:
            for line in process.stdout:
                yield line[:-1] if line.endswith(b"\n") else line
            process.stdout.close()
        status = process.wait()
        feeder.join()
    if feed_error and not isinstance(feed_error[0], BrokenPipeError):
        raise feed_error[0]
    if status != 0:
        with open(stderr_path, "rb") as handle:
            raise exited(status, command[1:], handle.read())
    if feed_error:
        raise WinnowFailed(f"winnow stopped reading its input but exited 0 ({' '.join(command[1:])})")


def call(binary, arguments, workdir):
    """Runs `binary arguments...` on files (no stdin); raises WinnowFailed with the tail of stderr when
    it exits non-zero."""
    command = [locate(binary)] + list(arguments)
    stderr_path = workdir.file("stderr.txt")
    with open(stderr_path, "wb") as stderr:
        status = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr).returncode
    if status != 0:
        with open(stderr_path, "rb") as handle:
            raise exited(status, command[1:], handle.read())


def answer(binary, arguments, files=None):
    """Runs `binary arguments...` once in a private folder holding `files` (name -> bytes) and returns
    (exit status, stdout, stderr): a question the driver asks the binary (`ask`). Status 1, the binary's
    refusal with a message, is an answer; any other failure (killed, crashed) raises, so that Spark runs
    the task again as it runs any other."""
    folder = tempfile.mkdtemp(prefix="winnow-spark-ask-")
    try:
        for name, data in (files or {}).items():
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(data)
        # A relative path names the binary from where the task started, not from the private folder.
        command = locate(binary)
        if os.sep in command:
            command = os.path.abspath(command)
        try:
            result = subprocess.run([command] + list(arguments), cwd=folder, stdin=subprocess.DEVNULL,
                                    capture_output=True)
        except OSError as error:
            return 127, b"", f"cannot run the winnow binary {binary!r}: {error}".encode("utf-8")
        if result.returncode not in (0, 1):
            raise exited(result.returncode, arguments, result.stderr)
        return result.returncode, result.stdout, result.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ask(spark, binary, arguments, files=None):
    """`answer` in one Spark task: the binary is where tasks run, which may not be the driver. A task that
    failed every try (the binary crashed each time) is a WinnowFailed with the last try's reason."""
    try:
        return spark.sparkContext.parallelize([0], 1).map(lambda _: answer(binary, arguments, files)).first()
    except Exception as error:
        found = [line for line in str(error).splitlines() if "WinnowFailed:" in line]
        if not found:
            raise
        raise WinnowFailed(found[-1].split("WinnowFailed:", 1)[1].strip()) from None
