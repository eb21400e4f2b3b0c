"""The steps of a pipeline on Spark. Every call of the binary is a `winnow` subcommand over one
partition's framed records; its outputs come back as tagged rows: KEPT (framed, for the next step),
REMOVED and REJECTED (final lines), STATS (the call's run summary, merged on the driver)."""
import itertools
import json

from pyspark import StorageLevel
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

from . import binary as winnow

KEPT, REMOVED, REJECTED, STATS = "K", "R", "J", "S"
KEEPERS, DOCUMENT = 0, 1


def _lines(path):
    with open(path, "rb") as handle:
        for line in handle:
            yield line[:-1] if line.endswith(b"\n") else line


def _filter(binary, sources, arguments, records, prepare=None):
    """One `winnow` run over a partition: kept framed records, then removed, rejects and summary."""
    workdir = winnow.Workdir(sources)
    try:
        extra = prepare(workdir) if prepare else []
        outputs = ["-o", "-", "--removed", workdir.file("removed.jsonl"), "--rejects", workdir.file("rejects.jsonl"),
                   "--stats", workdir.file("stats.json"), "--threads", "1", "-q"]
        for line in winnow.run(binary, arguments + extra + outputs, records, workdir):
            yield KEPT, line
        for line in _lines(workdir.file("removed.jsonl")):
            yield REMOVED, line
        for line in _lines(workdir.file("rejects.jsonl")):
            yield REJECTED, line
        with open(workdir.file("stats.json"), "rb") as handle:
            yield STATS, handle.read()
    finally:
        workdir.close()


class Step:
    """What one call of the binary produced: the tagged rows, persisted so later steps reuse them."""

    def __init__(self, stages, tagged):
        self.stages = stages
        self.tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)

    def kept(self):
        return self.tagged.filter(lambda row: row[0] == KEPT).map(lambda row: row[1])

    def lines(self, tag):
        return self.tagged.filter(lambda row: row[0] == tag).map(lambda row: row[1])

    def summaries(self):
        """The run summaries of every partition's call: one small JSON object each."""
        return [json.loads(text) for text in self.lines(STATS).collect()]


def document_stages(binary, sources, pipeline_text, names, records):
    """Clean, normalize and the other document stages: `winnow run` on each partition as a filter."""
    def task(partition):
        workdir = winnow.Workdir(sources)
        try:
            path = workdir.file("pipeline.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(pipeline_text)
            yield from _filter(binary, sources, ["run", path], partition)
        finally:
            workdir.close()
    return Step(names, records.mapPartitions(task))


KEEPER_ROWS = StructType([
    StructField("p", LongType(), False), StructField("fingerprint", StringType(), False),
    StructField("rank", StringType(), False), StructField("id", StringType(), False),
    StructField("source", StringType(), False), StructField("line", LongType(), False)])


def _exact_map(binary, sources, keep):
    """Per partition: `winnow exact map`, its keepers file read back as (partition, fingerprint, rank,
    id, source, line) rows, and its header line once (the apply step's keepers files need it)."""
    def task(index, partition):
        workdir = winnow.Workdir(sources)
        try:
            path = workdir.file("keepers.jsonl")
            for _ in winnow.run(binary, ["exact", "map", "--keep", keep, "-o", path, "--threads", "1", "-q"],
                                partition, workdir, read_stdout=False):
                pass
            with open(path, "rb") as handle:
                header = handle.readline().rstrip(b"\n")
                yield ("header", header.decode("utf-8"))
                for line in handle:
                    row = json.loads(line)
                    if "end_of_file" in row:
                        continue
                    yield ("row", (index, row["fingerprint"], row["rank"], row["id"], row["source"], row["line"]))
        finally:
            workdir.close()
    return task


def exact(binary, sources, options, records, partitions, spark):
    """Exact duplicates without a merge on one machine: each partition's keepers (fingerprint -> best
    rank, id, origin) are reduced by fingerprint in Spark's shuffle, taking the minimum of (rank bytes,
    id bytes, origin) exactly as `DocumentRank` orders them; each partition then gets back the keepers of
    its own fingerprints and runs `winnow exact apply` with them."""
    keep = str(options.get("keep", "longest"))
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    mapped = records.mapPartitionsWithIndex(_exact_map(binary, sources, keep)).persist(StorageLevel.MEMORY_AND_DISK)
    headers = mapped.filter(lambda row: row[0] == "header").map(lambda row: row[1]).distinct().collect()
    if len(headers) != 1:
        raise RuntimeError(f"exact map wrote {len(headers)} different keepers headers: {headers}")
    header = headers[0].encode("utf-8")
    rows = spark.createDataFrame(mapped.filter(lambda row: row[0] == "row").map(lambda row: row[1]), KEEPER_ROWS)
    best = (rows.select("fingerprint", F.struct(F.unhex("rank").alias("rank"), "id", "source", "line").alias("k"))
            .groupBy("fingerprint").agg(F.min("k").alias("k")))
    needed = rows.select("p", "fingerprint").join(best, "fingerprint")

    def keeper_line(row):
        line = json.dumps({"fingerprint": row.fingerprint, "rank": bytes(row.k.rank).hex(), "id": row.k.id,
                           "source": row.k.source, "line": row.k.line}, ensure_ascii=False, separators=(",", ":"))
        return (row.p, KEEPERS), line.encode("utf-8")

    keepers = needed.rdd.map(keeper_line)
    documents = records.mapPartitionsWithIndex(lambda index, partition: (((index, DOCUMENT), record) for record in partition))
    grouped = keepers.union(documents).repartitionAndSortWithinPartitions(
        numPartitions=partitions, partitionFunc=lambda key: key[0], keyfunc=lambda key: key)

    def apply(partition):
        partition = iter(partition)
        first_document = []
        keeper_lines = []
        for (_, tag), value in partition:
            if tag == DOCUMENT:
                first_document.append(value)
                break
            keeper_lines.append(value)
        documents_left = itertools.chain(first_document, (value for _, value in partition))

        def prepare(workdir):
            path = workdir.file("keepers.jsonl")
            with open(path, "wb") as handle:
                handle.write(header + b"\n")
                for line in keeper_lines:
                    handle.write(line + b"\n")
                handle.write(b'{"end_of_file":%d}\n' % len(keeper_lines))
            return ["--keep", keep, "--keepers", path]
        return _filter(binary, sources, ["exact", "apply"], documents_left, prepare=prepare)

    return Step(["exact"], grouped.mapPartitions(apply))
