"""Web archives (WARC, WET) on the cluster: an archive cannot be split into lines, so each is read whole
in one task by the binary (`winnow run --input-name`), with the pipeline's leading document stages, as
`winnow run` reads it; its kept documents come back framed with the origin that run gives them, placed
in the partitions JSONL records of the same origin would be (`stages.spread`)."""
import json
import os
import re
import zlib

from pyspark.rdd import portable_hash

from . import binary as winnow
from . import paths
from . import stages

SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
GZIP_MAGIC = b"\x1f\x8b"
# What `ArchiveFormat.startsWithVersion` looks for at the start of a file or of its first gzip member.
VERSION = re.compile(rb"WARC/1\.[0-9]")
SNIFF_BYTES = 1 << 16


def local_path(path):
    """The local file a path names, or None for another Hadoop file system's: a path without a scheme
    that exists here, or a `file:` URI's path."""
    if path.startswith("file:"):
        return paths.file_uri_path(path)
    if "://" not in path and os.path.exists(path):
        return path
    return None


def opened_in_task(path):
    """The path the binary opens in an archive's task, or None when the task reads the file through
    Hadoop (`binaryFiles`): a local file's."""
    return local_path(path)


def is_archive(path):
    """Whether `winnow run` reads the input as a web archive: by its name, or a local file by its first
    bytes (after any line breaks: `WARC/1.` and a digit, plain or in its first gzip member)."""
    if path.lower().endswith(SUFFIXES):
        return True
    local = local_path(path)
    if local is None or not os.path.isfile(local):
        return False
    with open(local, "rb") as handle:
        head = handle.read(SNIFF_BYTES).lstrip(b"\r\n")
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            return False
    return VERSION.match(head) is not None


def read_whole(spark, binary, sources, pipeline_text, archives, partitions):
    """The tagged rows (`stages.KEPT` ...) of `pipeline_text`'s document stages over each archive,
    (input number, path, name as given) in `archives`, one task an archive; plus its bytes read (INPUT_BYTES).
    A local file is opened by the binary where it is; another file system's is read by Spark's
    `binaryFiles`, whole into the task's memory, and handed to the binary as a file. Kept records are
    placed by their origin's hash as `stages.spread` places framed JSONL records, the rest with them."""
    context = spark.sparkContext
    tasks = []
    for number, path, name in archives:
        local = opened_in_task(path)
        if local is not None:
            tasks.append(context.parallelize([(number, name, local, None)], 1))
        else:
            tasks.append(context.binaryFiles(paths.literal(path), 1).map(
                lambda item, number=number, name=name: (number, name, None, item[1])))

    def task(entries):
        for number, name, local, data in entries:
            workdir = winnow.Workdir(sources)
            try:
                pipeline = workdir.file("pipeline.yaml")
                with open(pipeline, "w", encoding="utf-8") as handle:
                    handle.write(pipeline_text)
                if data is not None:
                    # The copy keeps the name's last part: the binary tells gzip by it, as by the file's.
                    local = workdir.file(os.path.basename(name.rstrip("/")) or "archive")
                    with open(local, "wb") as handle:
                        handle.write(data)
                    data = None
                arguments = ["run", pipeline, "--input-name", name, "--input-origin", sources[number]]
                for tag, line in stages._filter(binary, sources, arguments, (), input_path=local):
                    if tag == stages.STATS:
                        yield (number, 0), (stages.INPUT_BYTES, b"%d" % _input_bytes(line))
                        yield (number, 0), (tag, line)
                    elif tag == stages.KEPT:
                        source, line_number = line.split(b" ", 2)[:2]
                        yield (int(source), int(line_number)), (tag, line)
                    else:
                        yield (number, 0), (tag, line)
            finally:
                workdir.close()

    tagged = context.union(tasks).mapPartitions(task) if len(tasks) > 1 else tasks[0].mapPartitions(task)
    return (tagged.map(lambda row: ((portable_hash(row[0]) % partitions, stages.DOCUMENT), row[1]))
            .partitionBy(partitions, stages._partition_of).map(lambda row: row[1], preservesPartitioning=True))


def _input_bytes(summary):
    """The input_bytes of a run summary (JSON bytes)."""
    return json.loads(summary)["input_bytes"]
