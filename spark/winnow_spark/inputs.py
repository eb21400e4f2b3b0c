"""Reads the inputs as framed records: each line's bytes as they are, prefixed with its origin.

The origin (input number, line, byte offset) is what `winnow run` gives the same line, whatever the
partitioning: lines are numbered from the file's split starts (`_metadata.file_block_start`), never
from arrival order or monotonically_increasing_id.
"""
import os

from pyspark.sql import functions as F

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".json.gz")
NOT_LINES_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".warc", ".warc.gz", ".wet", ".wet.gz")
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
GZIP_MAGIC = b"\x1f\x8b"


class InputError(ValueError):
    """An input the cluster path cannot read the way `winnow run` would."""


def resolve(arguments):
    """(path, origin name) for each input, named as `winnow run` names them: a file by the name given,
    the JSONL files below a local folder as FOLDER/RELATIVE in bytewise order, a repeat as NAME#2 (or the
    next number no other input is named: `origin_names`)."""
    named = []
    for argument in arguments:
        _require_utf8(argument)
        if argument == "-":
            raise InputError("standard input cannot be read on a cluster: give files or folders")
        if "://" not in argument and os.path.isdir(argument):
            prefix = argument if argument.endswith("/") else argument + "/"
            found = []
            for root, folders, files in os.walk(argument, followlinks=True):
                folders[:] = [name for name in folders if not name.startswith(".")]
                for name in files:
                    if name.startswith("."):
                        continue
                    relative = os.path.relpath(os.path.join(root, name), argument)
                    if relative.lower().endswith(JSONL_SUFFIXES):
                        _require_utf8(prefix + relative)
                        _require_lines(prefix + relative)
                        found.append(relative)
                    elif relative.lower().endswith(NOT_LINES_SUFFIXES):
                        _require_lines(prefix + relative)
            found.sort(key=lambda name: name.encode("utf-8"))
            named += [(prefix + relative, prefix + relative) for relative in found]
        else:
            _require_lines(argument)
            named.append((argument, argument))
    if not named:
        raise InputError("no input files")
    return list(zip([path for path, _ in named], origin_names([name for _, name in named])))


def _require_lines(path):
    """Refuses an input the cluster would read as lines where `winnow run` decodes it: HTML files and
    web archives (by name, or a local file by its first bytes), and a local gzip file whose name does
    not end in .gz (Spark decompresses by the name; the binary by the content)."""
    lower = path.lower()
    head = b""
    if "://" not in path and os.path.isfile(path):
        with open(path, "rb") as handle:
            head = handle.read(8)
    if lower.endswith(NOT_LINES_SUFFIXES) or head.startswith(b"WARC/"):
        raise InputError(f"{path}: HTML files and web archives are read by `winnow run` only; convert them to "
                         "JSONL first (winnow clean ... -o pages.jsonl)")
    if head.startswith(GZIP_MAGIC) and not lower.endswith(".gz"):
        raise InputError(f"{path}: gzip-compressed, but its name does not end in .gz, which is how Spark knows to "
                         "decompress it: rename it to end in .gz")


def _literal(path):
    """`path` with Hadoop's glob characters escaped, so that it names the one file `winnow run` reads."""
    return "".join("\\" + character if character in "\\*?[]{}" else character for character in path)


def _require_utf8(name):
    """The binary spells a name that is not UTF-8 with \\xHH escapes (`FileName`); the cluster path
    does not, and refuses such a name rather than name its records otherwise."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{os.fsencode(name)!r}: a file name that is not UTF-8 cannot be read on a cluster; "
                         "rename it, or run `winnow run` on one machine") from None


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


def _block_sizes(rows):
    """Per (input, split start): how many lines and bytes (each with its newline) the split holds."""
    sizes = {}
    for source, block, value in rows:
        count, size = sizes.get((source, block), (0, 0))
        sizes[(source, block)] = (count + 1, size + len(value) + 1)
    return list(sizes.items())


def _frame(starts, marked):
    def frame(rows):
        position = {}
        for source, block, value in rows:
            line, offset = position.get((source, block)) or starts[(source, block)]
            if line == 1 and source in marked:
                value = BYTE_ORDER_MARK + bytes(value)
            position[(source, block)] = (line + 1, offset + len(value) + 1)
            yield (source, line), b"%d %d %d " % (source, line, offset) + bytes(value)
    return frame


def _probe(spark, path):
    """(whether the input, after decompression, starts with a UTF-8 byte order mark, which Hadoop's line
    reader drops but which counts in `winnow run`'s offsets; its length in bytes when Hadoop reads it
    without decompressing it, else None)."""
    jvm = spark._jvm
    configuration = spark._jsc.hadoopConfiguration()
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    system = hadoop_path.getFileSystem(configuration)
    codec = jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(configuration).getCodec(hadoop_path)
    length = system.getFileStatus(hadoop_path).getLen() if codec is None else None
    stream = system.open(hadoop_path)
    try:
        if codec is not None:
            stream = codec.createInputStream(stream)
        head = bytes((stream.read() & 0xFF) for _ in range(3))
    except Exception as error:
        # An empty gzip file has no stream to start; `winnow run` reads it as an empty input.
        if "java.io.EOFException" in str(error):
            return False, length
        raise
    finally:
        stream.close()
    return head == BYTE_ORDER_MARK, length


def read(spark, inputs):
    """The framed records of `inputs` as an RDD of ((input number, line), framed bytes), and the input
    bytes read. Two passes: one counts the lines and bytes of every split, the second numbers them."""
    frames = None
    for number, (path, _) in enumerate(inputs):
        frame = (spark.read.option("lineSep", "\n").text(_literal(path))
                 .select(F.lit(number).alias("source"), F.col("_metadata.file_block_start").alias("block"),
                         F.col("value").cast("binary").alias("value")))
        frames = frame if frames is None else frames.unionAll(frame)
    rows = frames.rdd.map(tuple)
    sizes = sorted(rows.mapPartitions(_block_sizes).collect())
    probes = [_probe(spark, path) for path, _ in inputs]
    marked = {number for number, (mark, _) in enumerate(probes) if mark}
    starts, totals = {}, {}
    line, offset, previous = 1, 0, None
    for (source, block), (count, size) in sizes:
        mark = 0
        if source != previous:
            line, offset, previous = 1, 0, source
            mark = len(BYTE_ORDER_MARK) if source in marked else 0
        starts[(source, block)] = (line, offset)
        line += count
        offset += size + mark
        totals[source] = totals.get(source, 0) + size
    # Each line counts with a line break; the last may have none, which only the length of an
    # uncompressed file tells (a compressed one's decompressed length is not known without reading it).
    total = sum(length if length is not None else totals.get(number, 0) + (len(BYTE_ORDER_MARK) if mark else 0)
                for number, (mark, length) in enumerate(probes))
    return rows.mapPartitions(_frame(starts, marked)), total
