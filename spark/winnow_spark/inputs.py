"""Reads the inputs as framed records: each line's bytes as they are, prefixed with its origin.

The origin (input number, line, byte offset) is what `winnow run` gives the same line, whatever the
partitioning: lines are numbered from the file's split starts (`_metadata.file_block_start`), never
from arrival order or monotonically_increasing_id. A damaged gzip input keeps its complete lines and
gets `winnow run`'s reject for the rest, found on the driver (`read`); so does each JSON value written
over many lines that an input starts with, whose lines are read past (`documents`).
"""
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Optional

from py4j.java_gateway import is_instance_of
from pyspark.sql import functions as F

from . import archives
from . import paths
from . import documents as json_documents

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".json.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
GZIP_MAGIC = b"\x1f\x8b"
# The shortest gzip stream (10 bytes of header, an empty deflate block, 8 of trailer): a shorter gzip
# file ends inside its header or trailer, whose last 4 bytes (the header's zero mtime) may read as 0.
SHORTEST_GZIP = 20
# The trailer of such a file: no count of bytes read equals it, so the file is always read whole.
SHORT = -1
# The binary's default --max-record-bytes: a longer first line is a too_large record, never a document.
MAX_RECORD_BYTES = 64 << 20
# What Hadoop's decompressor stream throws at the end of the file inside a stream, and its gzip
# decompressor for bytes after a stream that are not another one: the two damages `winnow run` rejects.
ENDS_EARLY = ("java.io.EOFException", "Unexpected end of input stream")
NOT_GZIP_AFTER = ("java.io.IOException", "not a gzip file")


class InputError(ValueError):
    """An input the cluster path cannot read the way `winnow run` would."""


def resolve(arguments):
    """(path, origin name) for each input, named as `winnow run` names them: `given`'s names, a repeat
    as NAME#2 (or the next number no other input is named: `origin_names`)."""
    named = given(arguments)
    return list(zip([path for path, _ in named], origin_names([name for _, name in named])))


def given(arguments):
    """(path, name as given) for each input: a file by the name given, the JSONL files and web archives
    below a local folder as FOLDER/RELATIVE in bytewise order (an archive is read whole: `archives`). A
    `file:` URI of a local folder is read as that folder, its files named URI/RELATIVE (`winnow run`
    takes no URIs: it names local paths only)."""
    named = []
    for argument in arguments:
        _require_utf8(argument)
        if argument == "-":
            raise InputError("standard input cannot be read on a cluster: give files or folders")
        folder = _local_folder(argument)
        if folder is not None:
            prefix = argument if argument.endswith("/") else argument + "/"
            found = []
            # Linked folders are followed once each, by device and inode, as `winnow run` follows them: a
            # link back up, or two links to one folder, would read its files again.
            visited = set()

            def unlisted(error):
                raise InputError(f"{error.filename}: cannot list this folder ({error.strerror}); `winnow run` "
                                 "stops here too") from None

            for root, folders, files in os.walk(folder, followlinks=True, onerror=unlisted):
                status = os.stat(root)
                if (status.st_dev, status.st_ino) in visited:
                    folders[:] = []
                    continue
                visited.add((status.st_dev, status.st_ino))
                # In bytewise order, as `winnow run` goes: of two links to one folder, the first is read.
                folders[:] = sorted((name for name in folders if not name.startswith(".")), key=lambda name: name.encode("utf-8"))
                for name in files:
                    if name.startswith("."):
                        continue
                    relative = os.path.relpath(os.path.join(root, name), folder)
                    if relative.lower().endswith(archives.SUFFIXES + JSONL_SUFFIXES):
                        _require_utf8(prefix + relative)
                        if not archives.is_archive(os.path.join(folder, relative)):
                            _require_lines(os.path.join(folder, relative))
                        found.append(relative)
                    elif relative.lower().endswith(HTML_SUFFIXES):
                        _require_lines(os.path.join(folder, relative))
            found.sort(key=lambda name: name.encode("utf-8"))
            named += [(_hadoop_local(prefix + relative), prefix + relative) for relative in found]
        else:
            if not archives.is_archive(argument):
                _require_lines(argument)
            named.append((_hadoop_local(argument), argument))
    if not named:
        raise InputError("no input files")
    return named


def _hadoop_local(path):
    """`path` as Hadoop reads a local path: one whose first segment holds a colon (a:b.jsonl) would be
    taken for a URI of scheme `a`, so a relative local path that exists is given as ./a:b.jsonl."""
    head = path.split("/", 1)[0]
    if "://" not in path and ":" in head and not path.startswith("/") and os.path.lexists(path):
        return "./" + path
    return path


def _local_folder(argument):
    """The local folder an argument names, else None: a local path, or a `file:` URI's."""
    if "://" not in argument and os.path.isdir(argument):
        return argument
    path = paths.file_uri_path(argument)
    return path if path is not None and os.path.isdir(path) else None


def _require_lines(path):
    """Refuses an input the cluster would read as lines where `winnow run` decodes it: HTML files, a
    local gzip file whose name does not end in .gz, and a local file named .gz that is not gzip (Spark
    decompresses by the name; the binary by the content; the probe refuses a remote one). Web archives
    are read whole, never as lines (`archives.is_archive` tells them first)."""
    lower = path.lower()
    head = b""
    if "://" not in path and os.path.isfile(path):
        with open(path, "rb") as handle:
            head = handle.read(8)
    if lower.endswith(HTML_SUFFIXES):
        raise InputError(f"{path}: HTML files are read by `winnow run` only; convert them to JSONL first "
                         "(winnow clean ... -o pages.jsonl)")
    if head.startswith(GZIP_MAGIC) and not lower.endswith(".gz"):
        raise InputError(f"{path}: gzip-compressed, but its name does not end in .gz, which is how Spark knows to "
                         "decompress it: rename it to end in .gz")
    if head and not head.startswith(GZIP_MAGIC) and lower.endswith(".gz"):
        raise InputError(_NOT_GZIP.format(path))


_NOT_GZIP = ("{}: its name ends in .gz but it is not gzip-compressed; Spark decompresses by the name (`winnow run` "
             "by the content): rename it")


def _require_utf8(name):
    """The binary spells a name that is not UTF-8 with \\xHH escapes (`FileName`); the cluster path
    does not, and refuses such a name rather than name its records otherwise. A name holding a line
    break is refused too: the tasks get the names one a line (`binary.Workdir`)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{os.fsencode(name)!r}: a file name that is not UTF-8 cannot be read on a cluster; "
                         "rename it, or run `winnow run` on one machine") from None
    if "\n" in name or "\r" in name:
        raise InputError(f"{name!r}: a file name holding a line break cannot be read on a cluster; rename it, or "
                         "run `winnow run` on one machine")


def origin_names(given):
    """The origin name of each input as `RecordReader.sourceNames` gives it: its name, and for a name
    given again NAME#k with the smallest k from 2 that no other input is named, so that a file called
    NAME#2 keeps its own origins."""
    taken, seen, following, names = set(given), set(), {}, []
    for name in given:
        if name not in seen:
            seen.add(name)
            names.append(name)
            continue
        number = following.get(name, 2)
        while f"{name}#{number}" in taken:
            number += 1
        following[name] = number + 1
        taken.add(f"{name}#{number}")
        names.append(f"{name}#{number}")
    return names


def _reader(spark, path, ignore_corrupt):
    """A line reader of the one file `path` names, as written. Its glob characters are escaped
    (`paths.literal`), except in a path that holds a colon too: Hadoop's glob rebuilds each name it passes as
    a path of its own, which a colon turns into a URI (a:[1].jsonl, d:1/x[1].jsonl fail), so that read
    is not globbed (Spark's __globPaths__ option) and checks the file is there itself. A local file whose
    name holds a colon is read through Hadoop's raw local file system: the checksummed one fails on the
    name of its checksum file (.a:b.jsonl.crc, taken for a URI likewise); Spark passes a read's options
    to its Hadoop configuration, the cache off so that this read gets a file system of its own."""
    reader = spark.read.option("lineSep", "\n").option("ignoreCorruptFiles", "true" if ignore_corrupt else "false")
    hadoop_path = spark._jvm.org.apache.hadoop.fs.Path(path)
    system = hadoop_path.getFileSystem(spark._jsc.hadoopConfiguration())
    if ":" in hadoop_path.getName() and system.getUri().getScheme() == "file":
        reader = (reader.option("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem")
                  .option("fs.file.impl.disable.cache", "true"))
    if ":" in hadoop_path.toUri().getPath() and paths.literal(path) != path:
        if not system.exists(hadoop_path):
            raise InputError(f"{path}: input not found")
        return reader.option("__globPaths__", "false").text(path)
    return reader.text(paths.literal(path))


def _block_sizes(index, rows):
    """Per (input, split start): the partition reading it, and how many lines and bytes (each with its
    newline) the split holds."""
    sizes = {}
    for source, block, value in rows:
        count, size = sizes.get((source, block), (0, 0))
        sizes[(source, block)] = (count + 1, size + len(value) + 1)
    return [(key, (index, count, size)) for key, (count, size) in sizes.items()]


def _frame(starts, expected, marked, covered=None):
    """Frames each row with its origin; the rows up to line `covered[source]` (the JSON values written over
    many lines that the input starts with, which the driver rejects) are counted and dropped."""
    covered = covered or {}

    def frame(index, rows):
        position, seen = {}, {}
        for source, block, value in rows:
            line, offset = position.get((source, block)) or starts[(source, block)]
            if line == 1 and source in marked:
                value = BYTE_ORDER_MARK + bytes(value)
            position[(source, block)] = (line + 1, offset + len(value) + 1)
            seen[(source, block)] = seen.get((source, block), 0) + 1
            if line <= covered.get(source, 0):
                continue
            yield (source, line), b"%d %d %d " % (source, line, offset) + bytes(value)
        # The lines were numbered from the first pass's counts: a split read otherwise now (a file changed
        # since, or a gzip read cut short by an error that ignoreCorruptFiles passes over) fails the task.
        for key, count in expected.get(index, {}).items():
            if seen.get(key, 0) != count:
                raise IOError(f"input {key[0]} (split at byte {key[1]}) gave {seen.get(key, 0)} lines where the "
                              f"first pass read {count}: it changed during the job, or a read failed")
    return frame


@dataclass(frozen=True)
class Probe:
    """What the driver reads of an input without reading it whole."""

    mark: bool  # whether it starts, after decompression, with a UTF-8 byte order mark
    length: Optional[int]  # its length in bytes when Hadoop reads it without decompressing it, else None
    trailer: Optional[int]  # a gzip file's last 4 bytes as a number (ISIZE), 0 if empty, SHORT if too short
    documents: tuple = ()  # the JSON values written over many lines that it starts with (`documents.Span`)
    covered: int = 0  # the last line of the last of them, 0 for none

    @property
    def gzip(self):
        return self.trailer is not None


def _codec(spark, path):
    """The Hadoop codec Spark reads `path` with (chosen by its name), or None, and whether it is gzip's."""
    jvm = spark._jvm
    codec = jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(
        spark._jsc.hadoopConfiguration()).getCodec(jvm.org.apache.hadoop.fs.Path(path))
    return codec, codec is not None and codec.getClass().getName() == "org.apache.hadoop.io.compress.GzipCodec"


def document_line(head, whole):
    """What the first bytes `head` of an input (after decompression; `whole` when they are all of it, and
    at least 3 bytes otherwise) tell of it, as the binary's reader (`JSONDocumentLine`) tells: its first
    line (without a byte order mark or the CR that ends it) when that is `{` or `[` amid JSON white space
    (the input may start with a JSON value over many lines: `documents.scan` reads on), False when it is
    anything else, None until the line ends or tells otherwise."""
    complete = whole or b"\n" in head
    line = head.split(b"\n", 1)[0]
    ending = 1 if complete and line.endswith(b"\r") else 0
    # A longer line (the CR that ends it not counted) is a too_large record to the binary, no document.
    if len(line) - (ending if complete else 1) > MAX_RECORD_BYTES:
        return False
    start = len(BYTE_ORDER_MARK) if line.startswith(BYTE_ORDER_MARK) else 0
    content = line[start:len(line) - ending]
    brackets = content.translate(None, b" \t\r")
    if brackets not in (b"", b"{", b"["):
        return False
    if not complete:
        return None
    return content if brackets else False


def _reading(jvm, stream):
    """A function that reads up to `size` more bytes of the Java `stream` (b"" at its end), each read kept
    when a later one fails. Through a channel into a ByteBuffer: py4j copies a byte[] handed to a method,
    so `stream.read(byte[], ...)` would fill a copy. A read that fails after some bytes (the channel reads
    the stream more than once a call) hands them out, and the error comes at the next read, as the binary
    hands out every byte before a break."""
    channel = jvm.java.nio.channels.Channels.newChannel(stream)
    failed = []

    def read_some(size):
        if failed:
            raise failed.pop()
        block = jvm.java.nio.ByteBuffer.allocate(size)
        try:
            count = channel.read(block)
        except Exception as error:
            count = block.position()
            if count == 0:
                raise
            failed.append(error)
        return b"" if count < 0 else bytes(block.array())[:count]
    return read_some


def _probe(spark, path):
    """The input's Probe: its first 3 bytes after decompression (a byte order mark, which Hadoop's line
    reader drops but which counts in `winnow run`'s offsets), its length, a gzip file's trailer, and the
    JSON values written over many lines that it starts with (`document_line` reads on only while the
    first line cannot tell, most often not at all; `documents.scan` then reads the values)."""
    hadoop_path = spark._jvm.org.apache.hadoop.fs.Path(path)
    system = hadoop_path.getFileSystem(spark._jsc.hadoopConfiguration())
    if is_instance_of(spark.sparkContext._gateway, system, "org.apache.hadoop.fs.ChecksumFileSystem"):
        # A few bytes need no checksum, and the local checksum file of a name with a colon cannot be named.
        system = system.getRawFileSystem()
    codec, gzip = _codec(spark, path)
    if codec is not None and not gzip:
        raise InputError(f"{path}: Hadoop decompresses a file of this name with {codec.getClass().getSimpleName()}, "
                         "where `winnow run` reads gzip or plain JSONL by its content: decompress it, or rename it")
    size = system.getFileStatus(hadoop_path).getLen()
    length = None if codec is not None else size
    trailer = 0 if gzip and size == 0 else None
    if gzip and 0 < size < SHORTEST_GZIP:
        trailer = SHORT
    stream = system.open(hadoop_path)
    try:
        # The trailer in one call: a call to the JVM costs more than the bytes it reads.
        if gzip and size >= SHORTEST_GZIP:
            stream.seek(size - 4)
            trailer = int.from_bytes((stream.readInt() & 0xFFFFFFFF).to_bytes(4, "big"), "little")
            stream.seek(0)
        if codec is not None:
            stream = codec.createInputStream(stream)
        read_some = _reading(spark._jvm, stream)
        head, whole = b"", False
        try:
            while len(head) < 3 and not whole:
                more = read_some(3 - len(head))
                head, whole = head + more, not more
        except Exception as error:
            cause = _java_error(error)
            # An empty gzip file has no stream to start (`winnow run` reads it as an empty input), nor has one
            # cut inside its header (which its trailer shows damaged).
            if cause is not None and cause[0] == "java.io.EOFException":
                return Probe(False, length, trailer)
            if gzip and cause == NOT_GZIP_AFTER:
                raise InputError(_NOT_GZIP.format(path)) from None
            raise
        document, size = document_line(head, whole), 64
        while document is None:
            try:
                more = read_some(size)
            except Exception as error:
                if _java_error(error) is None:
                    raise
                # The input breaks off inside its first line: `winnow run` rejects that as unreadable, and
                # the trailer check finds the break (`_damage`).
                document = False
                break
            head, size = head + more, min(2 * size, 1 << 16)
            document = document_line(head, not more)
        spans, covered = [], 0
        if document:
            spans, covered = json_documents.scan(head, read_some, MAX_RECORD_BYTES,
                                                 lambda error: _java_error(error) is not None)
    finally:
        stream.close()
    return Probe(head.startswith(BYTE_ORDER_MARK), length, trailer, tuple(spans), covered)


def _java_error(error):
    """(class name, message) of the innermost Java exception behind a failed Spark action, or None."""
    throwable = getattr(error, "_origin", None) or getattr(error, "java_exception", None)
    if throwable is None:
        return None
    while throwable.getCause() is not None:
        throwable = throwable.getCause()
    return throwable.getClass().getName(), throwable.getMessage() or ""


def _verify(spark, path):
    """Reads a gzip input whole, stopping at the first error: (lines, bytes with a newline each) when
    Hadoop reads it to its end, else the (class name, message) of the error that stopped it."""
    lines = _reader(spark, path, False).select(F.length(F.col("value").cast("binary")).alias("size"))
    context = spark.sparkContext
    context.setJobDescription(f"winnow: {path} read whole, its gzip trailer disagreeing with its lines")
    try:
        row = lines.agg(F.count(F.lit(1)).alias("lines"), F.sum(F.col("size") + 1).alias("bytes")).first()
    except Exception as error:
        cause = _java_error(error)
        if cause is None:
            raise
        return None, cause
    finally:
        context.setJobDescription(None)
    return (row["lines"], row["bytes"] or 0), None


def _damage(spark, path, name, lines):
    """A gzip input whose trailer disagrees with its lines: None when Hadoop reads it whole without error
    (several gzip streams one after another; the trailer is the last one's), else the reject `winnow run`
    gives an input that ends inside its compressed stream or has other bytes after it. A stream whose
    data or checksum is damaged fails the run, as it does `winnow run`'s."""
    read, cause = _verify(spark, path)
    if cause is None:
        if read != lines:
            raise InputError(f"{name}: read whole as {read[0]} lines and {read[1]} bytes, where the first pass read "
                             f"{lines[0]} lines and {lines[1]} bytes: the file changed during the job, or a read failed")
        return None
    kind, message = cause
    if cause in (ENDS_EARLY, NOT_GZIP_AFTER):
        return (f"gzip data ends inside a compressed stream or has other bytes after it ({kind}: {message}); "
                "what follows the last complete line is lost (its bytes are not read on a cluster)")
    raise InputError(f"{name}: reading it whole failed ({kind}: {message}), so nothing was written; if its gzip data "
                     "is damaged, repair or re-fetch the file")


def read(spark, inputs, whole=frozenset()):
    """The inputs read as framed records, but for the numbers in `whole` (web archives, read whole by
    `archives.read_whole`): (RDD of ((input number, line), framed bytes), the input bytes
    read, the rejects found on the driver as dicts: of the JSON values written over many lines that inputs
    start with (whose lines are read, counted and dropped, as `winnow run` reads past them) and of damaged
    gzip inputs). Two passes: one counts the lines and bytes of every split, the second numbers them.

    A gzip input is read with ignoreCorruptFiles, which keeps every complete line before a read error and
    drops the rest silently: its trailer (ISIZE, the decompressed size modulo 2^32) tells the driver
    whether the lines it got are the whole file, and only an input whose trailer disagrees is read again
    to its error (`_damage`). It then gets `winnow run`'s reject: the same source, line, offset and
    reason, the message Hadoop's error, and no `raw` (the incomplete last line is not recovered)."""
    # Before any Spark work: the probe refuses a file named .gz that is not gzip.
    read_as_lines = [number for number in range(len(inputs)) if number not in whole]
    probes = dict(zip(read_as_lines, _each([inputs[number][0] for number in read_as_lines],
                                           lambda path: _probe(spark, path))))
    frames = None
    for number in read_as_lines:
        path = inputs[number][0]
        frame = (_reader(spark, path, probes[number].gzip)
                 .select(F.lit(number).alias("source"), F.col("_metadata.file_block_start").alias("block"),
                         F.col("value").cast("binary").alias("value")))
        frames = frame if frames is None else frames.unionAll(frame)
    rows = frames.rdd.map(tuple) if frames is not None else spark.sparkContext.emptyRDD()
    sizes = sorted(rows.mapPartitionsWithIndex(_block_sizes).collect())
    marked = {number for number, probe in probes.items() if probe.mark}
    starts, expected, totals = {}, {}, {}
    line, offset, previous = 1, 0, None
    for (source, block), (index, count, size) in sizes:
        mark = 0
        if source != previous:
            line, offset, previous = 1, 0, source
            mark = len(BYTE_ORDER_MARK) if source in marked else 0
        starts[(source, block)] = (line, offset)
        expected.setdefault(index, {})[(source, block)] = count
        line += count
        offset += size + mark
        lines, read_bytes = totals.get(source, (0, 0))
        totals[source] = (lines + count, read_bytes + size)

    def check(number):
        (path, name), probe = inputs[number], probes[number]
        return _checked(spark, path, name, probe, totals.get(number, (0, 0)))

    checked = _each(read_as_lines, check)
    input_bytes = sum(size for size, _ in checked)
    covered = {number: probe.covered for number, probe in probes.items() if probe.covered}
    rejects = [span.reject(inputs[number][1]) for number, probe in probes.items() for span in probe.documents]
    rejects += [reject for _, reject in checked if reject is not None]
    return rows.mapPartitionsWithIndex(_frame(starts, expected, marked, covered)), input_bytes, rejects


# Inputs probed (and damaged ones read again) at once: each waits on its file system, not on the driver.
PROBING_THREADS = 32


def _each(items, function):
    """`function` of each item, in order, called from up to PROBING_THREADS threads: a crawl's thousands of
    files on an object store cost a round trip or more each. The first item's error in order is raised."""
    if len(items) <= 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(PROBING_THREADS, len(items))) as pool:
        futures = [pool.submit(function, item) for item in items]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def _checked(spark, path, name, probe, read):
    """(the input's bytes as `winnow run` counts them, its reject or None), from the (lines, bytes) the
    first pass read: a gzip input whose trailer disagrees with them is read again (`_damage`)."""
    lines, read_bytes = read
    # Each line is counted with a line break (and the mark Hadoop drops); the last line may have none.
    total = read_bytes + (len(BYTE_ORDER_MARK) if probe.mark else 0)
    if probe.length is not None:
        return probe.length, None
    if probe.trailer is None or probe.trailer == total % 2 ** 32:
        return total, None
    if lines and probe.trailer == (total - 1) % 2 ** 32:
        return total - 1, None
    # Damaged, or several streams (whose last line's break is then not known: counted with one).
    message = _damage(spark, path, name, read)
    if message is None:
        return total, None
    return total, {"source": name, "line": lines + 1, "offset": total, "reason": "unreadable", "message": message}
