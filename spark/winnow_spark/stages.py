"""The steps of a pipeline on Spark. Every call of the binary is a `winnow` subcommand over one
partition's framed records; its outputs come back as tagged rows: KEPT (framed, for the next step),
REMOVED and REJECTED (final lines), STATS (the call's run summary, merged on the driver), and the lines
of side files a step asks for (SUMMARY_PART: the call's part of the templates summary)."""
import itertools
import json

from pyspark import StorageLevel
from pyspark.rdd import portable_hash
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

from . import binary as winnow
from . import json_lines
from . import template_summary
from .pipeline import option_text

KEPT, REMOVED, REJECTED, STATS, SUMMARY_PART = "K", "R", "J", "S", "T"
# The bytes `winnow run` counts as read from an input read whole (its summary's input_bytes).
INPUT_BYTES = "B"
KEEPERS, DOCUMENT = 0, 1


def _lines(path):
    with open(path, "rb") as handle:
        for line in handle:
            yield line[:-1] if line.endswith(b"\n") else line


def _filter(binary, sources, arguments, records, prepare=None, side_outputs=(), input_path="-"):
    """One `winnow` run over a partition (or over the file `input_path`, read whole): kept framed records,
    then removed, rejects and summary, then the lines of each (tag, file name) of `side_outputs`: files in
    the work folder that `prepare`'s arguments had the binary write."""
    workdir = winnow.Workdir(sources)
    try:
        extra = prepare(workdir) if prepare else []
        outputs = ["-o", "-", "--removed", workdir.file("removed.jsonl"), "--rejects", workdir.file("rejects.jsonl"),
                   "--stats", workdir.file("stats.json"), "--threads", "1", "-q"]
        for line in winnow.run(binary, arguments + extra + outputs, records, workdir, input_path=input_path):
            yield KEPT, line
        for line in _lines(workdir.file("removed.jsonl")):
            yield REMOVED, line
        for line in _lines(workdir.file("rejects.jsonl")):
            yield REJECTED, line
        with open(workdir.file("stats.json"), "rb") as handle:
            yield STATS, handle.read()
        for tag, name in side_outputs:
            for line in _lines(workdir.file(name)):
                yield tag, line
    finally:
        workdir.close()


class Step:
    """What one call of the binary produced: the tagged rows, persisted so later steps reuse them."""

    def __init__(self, stages, tagged, held=(), side_files=None):
        self.stages = stages
        self.tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
        self.held = list(held)
        # Side files the stage's options ask for: folder name -> RDD of text lines, written as part files.
        self.side_files = side_files or {}

    def release(self):
        """Drops the cached rows of this step (and of its map step) once the run's outputs are written."""
        for rdd in [self.tagged] + self.held:
            rdd.unpersist()

    def kept(self):
        """The kept records, in the partitions they were kept in (the next corpus stage finds them there)."""
        return self.tagged.filter(lambda row: row[0] == KEPT).map(lambda row: row[1], preservesPartitioning=True)

    def lines(self, tag):
        return self.tagged.filter(lambda row: row[0] == tag).map(lambda row: row[1])

    def summaries(self):
        """The run summaries of every partition's call: one small JSON object each."""
        return [json.loads(text) for text in self.lines(STATS).collect()]


def document_stages(binary, sources, pipeline_text, names, records, whole=None):
    """Clean, normalize and the other document stages: `winnow run` on each partition as a filter.
    `whole`: the tagged rows of the same stages over the inputs read whole (`archives.read_whole`),
    placed in the same partitions, joined to these."""
    def task(partition):
        workdir = winnow.Workdir(sources)
        try:
            path = workdir.file("pipeline.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(pipeline_text)
            yield from _filter(binary, sources, ["run", path], partition)
        finally:
            workdir.close()
    tagged = records.mapPartitions(task, preservesPartitioning=True)
    return Step(names, tagged if whole is None else tagged.union(whole))


KEEPER_ROWS = StructType([
    StructField("p", LongType(), False), StructField("fingerprint", StringType(), False),
    StructField("rank", StringType(), False), StructField("id", StringType(), False),
    StructField("source", StringType(), False), StructField("line", LongType(), False)])


def _map_rows(binary, sources, arguments, partition):
    """Runs a corpus stage's map step (`winnow ARGUMENTS -o FILE`) over one partition and yields its
    state file: the header line (str) first, then (line, parsed row) per record, the end line left out."""
    workdir = winnow.Workdir(sources)
    try:
        path = workdir.file("state.jsonl")
        for _ in winnow.run(binary, arguments + ["-o", path, "--threads", "1", "-q"], partition, workdir,
                            read_stdout=False):
            pass
        with open(path, "rb") as handle:
            yield handle.readline().rstrip(b"\n").decode("utf-8")
            for line in handle:
                line = line.rstrip(b"\n")
                row = json.loads(line)
                if "end_of_file" not in row:
                    yield line, row
    finally:
        workdir.close()


def set_flags(options):
    """`--set key=value` for each of a stage's resolved options (`winnow stages --resolve`), each value
    written so that the binary reads it back as it read the pipeline file (`option_text`). Options naming
    side files are left out by the caller: on the cluster, side files go into the output folder."""
    return [flag for key, value in options.items() for flag in ("--set", f"{key}={option_text(value)}")]


def _exact_map(binary, sources, flags):
    """Per partition: `winnow exact map`, its keepers file read back as (partition, fingerprint, rank,
    id, source, line) rows, and its header line once (the apply step's keepers files need it)."""
    def task(index, partition):
        rows = _map_rows(binary, sources, ["exact", "map"] + flags, partition)
        yield ("header", next(rows))
        for _, row in rows:
            yield ("row", (index, row["fingerprint"], row["rank"], row["id"], row["source"], row["line"]))
    return task


def exact(binary, sources, options, records, partitions, spark):
    """Exact duplicates without a merge on one machine: each partition's keepers (fingerprint -> best
    rank, id, origin) are reduced by fingerprint in Spark's shuffle, taking the minimum of (rank bytes,
    id bytes, origin) exactly as `DocumentRank` orders them; each partition then gets back the keepers of
    its own fingerprints and runs `winnow exact apply` with them."""
    flags = set_flags(options)
    records, mapped, header = _map_step(records, _exact_map(binary, sources, flags), "exact map", "keepers")
    rows = spark.createDataFrame(mapped.filter(lambda row: row[0] == "row").map(lambda row: row[1]), KEEPER_ROWS)
    best = (rows.select("fingerprint", F.struct(F.unhex("rank").alias("rank"), "id", "source", "line").alias("k"))
            .groupBy("fingerprint").agg(F.min("k").alias("k")))
    needed = rows.select("p", "fingerprint").join(best, "fingerprint")

    def keeper_line(row):
        line = json.dumps({"fingerprint": row.fingerprint, "rank": bytes(row.k.rank).hex(), "id": row.k.id,
                           "source": row.k.source, "line": row.k.line}, ensure_ascii=False, separators=(",", ":"))
        return (row.p, KEEPERS), line.encode("utf-8")

    keepers = needed.rdd.map(keeper_line)
    documents = _keyed_documents(records, DOCUMENT)

    def apply(partition):
        side, documents_left = _split_by_tag(partition, (KEEPERS,))

        def prepare(workdir):
            path = workdir.file("keepers.jsonl")
            with open(path, "wb") as handle:
                handle.write(header + b"\n")
                for line in side[KEEPERS]:
                    handle.write(line + b"\n")
                handle.write(b'{"end_of_file":%d}\n' % len(side[KEEPERS]))
            return flags + ["--keepers", path]
        return _filter(binary, sources, ["exact", "apply"], documents_left, prepare=prepare)

    grouped = _beside(keepers, documents, partitions)
    return Step(["exact"], grouped.mapPartitions(apply, preservesPartitioning=True), held=(records, mapped))


def _map_step(records, map_partition, step, kind):
    """Runs a corpus stage's map step on every partition. Returns the records and the tagged rows, both
    persisted for the apply step, and the one header line every partition's state file starts with."""
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    mapped = records.mapPartitionsWithIndex(map_partition).persist(StorageLevel.MEMORY_AND_DISK)
    headers = mapped.filter(lambda row: row[0] == "header").map(lambda row: row[1]).distinct().collect()
    if len(headers) != 1:
        raise RuntimeError(f"{step} wrote {len(headers)} different {kind} headers: {headers}")
    return records, mapped, headers[0].encode("utf-8")


def _keyed_documents(records, tag):
    """Each record keyed (its partition, tag), in the partition it is in; still partitioned when the
    records were placed by `_partition_of` (a previous step's kept records, or the input's)."""
    placed = records.partitioner is not None and records.partitioner.partitionFunc is _partition_of
    return records.mapPartitionsWithIndex(lambda index, partition: (((index, tag), record) for record in partition),
                                          preservesPartitioning=placed)


def spread(framed, partitions):
    """The framed records of (key, record) rows, in the partition of their key's hash; placed by
    `_partition_of`, so that the first corpus stage finds them where they are."""
    return (framed.map(lambda row: ((portable_hash(row[0]) % partitions, DOCUMENT), row[1]))
            .partitionBy(partitions, _partition_of).map(lambda row: row[1], preservesPartitioning=True))


def _partition_of(key):
    """The partition of a row keyed (partition, tag, ...): one function object, so that RDDs partitioned
    by it share a partitioner and their union is narrow (partition i beside partition i, no shuffle)."""
    return key[0]


def _beside(side, documents, partitions):
    """Side rows keyed (partition, tag), sorted by tag, then the documents keyed (partition, tag) of the same
    partition. Documents already partitioned by `_partition_of` (a previous step's kept records) do not move."""
    side = side.repartitionAndSortWithinPartitions(partitions, _partition_of, keyfunc=lambda key: key[:2])
    documents = documents.partitionBy(partitions, _partition_of)
    both = side.union(documents)
    if both.partitioner == documents.partitioner:  # narrow union: each partition is side rows, then documents
        return both
    return both.repartitionAndSortWithinPartitions(partitions, _partition_of, keyfunc=lambda key: key[:2])


def _split_by_tag(partition, tags):
    """The values of each leading tag in `tags` (lists), then an iterator over the rest of the partition."""
    partition = iter(partition)
    collected = {tag: [] for tag in tags}
    for (_, tag), value in partition:
        if tag not in collected:
            return collected, itertools.chain([value], (value for _, value in partition))
        collected[tag].append(value)
    return collected, iter(())


def _templates_map(binary, sources, flags):
    """Per partition: `winnow templates map`, read back as (partition, site, pages), (partition, site,
    line key, pages with the line) and (partition, site, page fingerprint, pages with it) rows, and its
    header line. The input lines the counts cover are left out: apply checks its pages against them only
    when a file records them, and no merge here reads counts files."""
    def task(index, partition):
        rows = _map_rows(binary, sources, ["templates", "map"] + flags, partition)
        yield ("header", next(rows))
        for _, row in rows:
            if "site" not in row:
                continue
            yield ("site", (index, row["site"], row["pages"]))
            for key, count in row["lines"]:
                yield ("line", (index, row["site"], key, count))
            for key, count in row["copies"]:
                yield ("copy", (index, row["site"], key, count))
    return task


SITE_ROWS = StructType([StructField("p", LongType(), False), StructField("site", StringType(), False),
                        StructField("pages", LongType(), False)])
LINE_ROWS = StructType([StructField("p", LongType(), False), StructField("site", StringType(), False),
                        StructField("key", StringType(), False), StructField("count", LongType(), False)])
COUNTS, CROSS_SITE = 0, 1
TEMPLATE_DOCUMENT = 2


def templates(binary, sources, options, records, partitions, spark, summarize=False):
    """Template lines without a merge on one machine: the partitions' counts are summed by (site, line
    key), by (site, page fingerprint) and by site in Spark's shuffle; a line is cross-site when it is repeated on enough sites (one more
    reduce, by line key); each partition then gets back the merged counts of its own (site, line) pairs,
    its sites' page counts, the copy counts of its own pages and the cross-site lines among its own, and runs `winnow templates apply`.
    With `summarize`, each apply writes its part of the templates summary, and the parts are merged by
    site in Spark's shuffle into the side file "templates" (`template_summary`)."""
    flags = set_flags({key: value for key, value in options.items() if key != "summary"})
    repeat_pages, cross_site_sites = options["repeat_pages"], options["cross_site_sites"]
    records, mapped, header = _map_step(records, _templates_map(binary, sources, flags), "templates map", "counts")
    sites = spark.createDataFrame(mapped.filter(lambda row: row[0] == "site").map(lambda row: row[1]), SITE_ROWS)
    lines = spark.createDataFrame(mapped.filter(lambda row: row[0] == "line").map(lambda row: row[1]), LINE_ROWS)
    copies = spark.createDataFrame(mapped.filter(lambda row: row[0] == "copy").map(lambda row: row[1]), LINE_ROWS)
    site_pages = sites.groupBy("site").agg(F.sum("pages").alias("pages"))
    line_pages = lines.groupBy("site", "key").agg(F.sum("count").alias("count"))
    copy_pages = copies.groupBy("site", "key").agg(F.sum("count").alias("count"))
    # TemplateModel's rule: a line is repeated on a site when on repeat_pages of its pages (2 on sites of
    # three pages or fewer); it is cross-site when repeated on cross_site_sites sites.
    cross = (line_pages.join(site_pages, "site")
             .where(F.col("count") >= F.when(F.col("pages") <= 3, F.lit(2)).otherwise(F.lit(repeat_pages)))
             .groupBy("key").count().where(F.col("count") >= cross_site_sites).select("key"))
    own_lines = lines.select("p", "site", "key").join(line_pages, ["site", "key"])
    own_copies = (copies.select("p", "site", "key").join(copy_pages, ["site", "key"])
                  .groupBy("p", "site").agg(F.sort_array(F.collect_list(F.struct("key", "count"))).alias("copies")))
    own_sites = (own_lines.groupBy("p", "site").agg(F.sort_array(F.collect_list(F.struct("key", "count"))).alias("lines"))
                 .join(sites.select("p", "site").join(site_pages, "site"), ["p", "site"], "right")
                 .join(own_copies, ["p", "site"], "left"))
    own_cross = lines.select("p", "key").distinct().join(cross, "key")

    def site_line(row):
        pairs, copied = row.lines or [], row.copies or []
        text = json.dumps({"site": row.site, "pages": row.pages, "lines": [[pair.key, pair["count"]] for pair in pairs],
                           "copies": [[pair.key, pair["count"]] for pair in copied]},
                          ensure_ascii=False, separators=(",", ":"))
        return (row.p, COUNTS), text.encode("utf-8")

    keyed = own_sites.rdd.map(site_line).union(own_cross.rdd.map(lambda row: ((row.p, CROSS_SITE), row.key.encode("ascii"))))

    def apply(partition):
        side, documents = _split_by_tag(partition, (COUNTS, CROSS_SITE))

        def prepare(workdir):
            counts_path, cross_path = workdir.file("counts.jsonl"), workdir.file("cross-site.txt")
            with open(counts_path, "wb") as handle:
                handle.write(header + b"\n")
                for line in side[COUNTS]:
                    handle.write(line + b"\n")
                handle.write(b'{"end_of_file":%d}\n' % len(side[COUNTS]))
            with open(cross_path, "wb") as handle:
                for key in side[CROSS_SITE]:
                    handle.write(key + b"\n")
            part = ["--summary-part", workdir.file(SUMMARY_PART_FILE)] if summarize else []
            return flags + ["--counts", counts_path, "--cross-site", cross_path] + part
        return _filter(binary, sources, ["templates", "apply"], documents, prepare=prepare,
                       side_outputs=[(SUMMARY_PART, SUMMARY_PART_FILE)] if summarize else ())

    grouped = _beside(keyed, _keyed_documents(records, TEMPLATE_DOCUMENT), partitions)
    step = Step(["templates"], grouped.mapPartitions(apply, preservesPartitioning=True), held=(records, mapped))
    if summarize:
        sites = template_summary.merged(step.lines(SUMMARY_PART), options["summary_lines"], partitions)
        step.side_files["templates"] = sites.mapPartitions(lambda lines: _whole_file(template_summary.HEADER, lines))
    return step


SUMMARY_PART_FILE = "summary-part.jsonl"


ID_FIELD, SOURCE_FIELD = b'{"id":', b',"source":'
SIGNATURE_FIELD, SKETCH_FIELD, BANDS_FIELD = b',"signature":"', b'","sketch":"', b',"bands":['
PREFIX_FIELDS = ("id", "source", "line", "rank", "shingles", "fingerprint")


def _packed_signature(line, numbers):
    """A signature line without its band keys as the tuple that crosses the shuffles: ((id as the line spells
    it in JSON, number of its source in `numbers`, line, rank bytes, shingles, fingerprint bytes), signature
    bytes, sketch bytes), half the bytes of the hex and without the input's name. `_signature_line` gives
    the line back."""
    bands = line.rindex(BANDS_FIELD)
    sketch = line.rindex(SKETCH_FIELD, 0, bands)
    signature = line.rindex(SIGNATURE_FIELD, 0, sketch)
    fields = json.loads(line[:signature] + b"}")
    if tuple(fields) != PREFIX_FIELDS or not line.startswith(ID_FIELD):
        raise RuntimeError(f"a signature line with the fields {list(fields)}; this driver reads {list(PREFIX_FIELDS)} "
                           "before the signature: ship the binary of the same version")
    identifier = line[len(ID_FIELD):line.index(SOURCE_FIELD)]
    prefix = (identifier, numbers[fields["source"]], fields["line"], bytes.fromhex(fields["rank"]), fields["shingles"],
              bytes.fromhex(fields["fingerprint"]))
    return (prefix, bytes.fromhex(line[signature + len(SIGNATURE_FIELD):sketch].decode("ascii")),
            bytes.fromhex(line[sketch + len(SKETCH_FIELD):bands - 1].decode("ascii")))


def _source_names(sources):
    """The input names as JSON strings, by number, for `_signature_line`."""
    return [json.dumps(name, ensure_ascii=False).encode("utf-8") for name in sources]


def _signature_line(packed, names, judge_bands=None):
    """The signature line (no band keys, lower-case hex as `neardup map` writes it), with `judge_bands`;
    `names` are `_source_names`. The binary reads the same values as in the map step's line (the input's
    name may be escaped otherwise in JSON)."""
    (identifier, source, line, rank, shingles, fingerprint), signature, sketch = packed
    judged = b'' if judge_bands is None else b',"judge_bands":"' + judge_bands.encode("ascii") + b'"'
    return (ID_FIELD + identifier + SOURCE_FIELD + names[source] + b',"line":%d,"rank":"%s","shingles":%d,"fingerprint":"%s"'
            % (line, rank.hex().encode("ascii"), shingles, fingerprint.hex().encode("ascii"))
            + SIGNATURE_FIELD + signature.hex().encode("ascii")
            + SKETCH_FIELD + sketch.hex().encode("ascii") + b'"' + judged + b"}")


def _origin(packed):
    """(source number, line) of a packed signature line."""
    return packed[0][1], packed[0][2]


SIDE, SIGNATURE, HEADER, PAIR = 0, 1, 2, 3
SENT_SIGNATURE, KEPT_SIGNATURE, LINKED_PAIR = 4, 5, 6  # tags of the rows a link task is sent
COMPONENT, JUDGED_IN = 7, 8  # kinds of side rows at a document's home (and PAIR)
CLUSTER, HOME = "cluster", "home"  # tags of the link tasks' output rows


def _neardup_map(binary, sources, flags, partitions):
    """Per partition: `winnow neardup map`; its header line keyed (partition, HEADER) and per document
    ((partition, SIGNATURE), (node, bucket keys, packed signature line)). A document's number is its place
    in the partition's map output times `partitions`, plus its partition: the rows of one node go home
    by it (`node % partitions`), and the smallest of a group of documents is at home in the partition
    that judges or links the group (the group's smallest number modulo the partitions)."""
    numbers = {name: number for number, name in enumerate(sources)}

    def task(index, partition):
        rows = _map_rows(binary, sources, ["neardup", "map"] + flags, (record for _, record in partition))
        yield (index, HEADER), next(rows)
        for place, (line, row) in enumerate(rows):
            # A bucket is (band, upper 32 bits of its key), as `winnow run` buckets them, in one Int64.
            buckets = [band << 32 | int(key[:8], 16) for band, key in enumerate(row["bands"])]
            yield (index, SIGNATURE), (place * partitions + index, buckets, _packed_signature(line, numbers))
    return task


def _state_file(handle, header, lines):
    """Writes a state file: its header, the lines, and the end line counting them."""
    handle.write(header + b"\n")
    count = 0
    for line in lines:
        handle.write(line + b"\n")
        count += 1
    handle.write(b'{"end_of_file":%d}\n' % count)


def _neardup_call(binary, sources, command, flags, inputs):
    """Runs `winnow neardup COMMAND` on state files (option -> (header, lines); None for the signatures,
    the positional input) and yields the lines of its output state file, header and end line included."""
    workdir = winnow.Workdir(sources)
    try:
        arguments = ["neardup", command] + flags
        for option, (header, lines) in inputs.items():
            path = workdir.file(f"input-{len(arguments)}.jsonl")
            with open(path, "wb") as handle:
                _state_file(handle, header, lines)
            arguments += [path] if option is None else [option, path]
        output = workdir.file("output.jsonl")
        winnow.call(binary, arguments + ["-o", output], workdir)
        with open(output, "rb") as handle:
            for line in handle:
                yield line.rstrip(b"\n")
    finally:
        workdir.close()


def _is_record(line):
    """Whether a state file line is a record (not the header, not the end line)."""
    return not line.startswith(b'{"format"') and not line.startswith(b'{"end_of_file"')


def neardup(binary, sources, options, records, partitions, spark):
    """Near duplicates without a merge on one machine, in the steps `winnow run` clusters in:
    1. each partition's signatures (`neardup map`), kept where they were made; documents numbered;
    2. (bucket, document number) rows grouped by Spark's shuffle; a bucket of two or more documents is
       judged whole in one partition (`neardup pairs`), its smallest document's home, so that the
       buckets of one cluster meet in one place; only those documents' signatures leave home, and not
       to be judged at home;
    3. the verified pairs' connected components by large-star/small-star (`components`);
    4. each component clustered whole in one partition (`neardup link`), its smallest document's home,
       which gives `winnow run`'s clusters; a signature judged there already does not travel again;
    5. every partition gets the clusters of its own documents and runs `neardup apply`.
    Small rows go to a document's home partition and meet its signature there (`_beside`), so a
    signature crosses a shuffle only to be judged away from home and, when its component is not linked
    where it was judged, to be linked; as bytes rather than hex."""
    from .components import connected_components
    flags = set_flags({key: value for key, value in options.items() if key not in ("clusters", "assignments")})
    documents = _keyed_documents(records, DOCUMENT).partitionBy(partitions, _partition_of)
    documents = documents.persist(StorageLevel.MEMORY_AND_DISK)
    mapped = documents.mapPartitionsWithIndex(_neardup_map(binary, sources, flags, partitions), preservesPartitioning=True)
    mapped = mapped.persist(StorageLevel.MEMORY_AND_DISK)
    headers = mapped.filter(lambda row: row[0][1] == HEADER).map(lambda row: row[1]).distinct().collect()
    if len(headers) != 1:
        raise RuntimeError(f"neardup map wrote {len(headers)} different signatures headers: {headers}")
    header = headers[0].encode("utf-8")
    names, numbers = _source_names(sources), {name: number for number, name in enumerate(sources)}
    signatures = mapped.filter(lambda row: row[0][1] == SIGNATURE).mapValues(lambda value: (value[0], value[2]))

    # 2. Buckets of two or more documents, each judged in one partition.
    memberships = spark.createDataFrame(
        mapped.filter(lambda row: row[0][1] == SIGNATURE)
        .flatMap(lambda row: ((bucket, row[1][0]) for bucket in row[1][1])),
        StructType([StructField("bucket", LongType(), False), StructField("node", LongType(), False)]))
    judged = (memberships.groupBy("bucket").agg(F.collect_list("node").alias("nodes"))
              .where(F.size("nodes") > 1)
              .select(F.explode("nodes").alias("node"), (F.array_min("nodes") % partitions).alias("q"),
                      F.shiftright("bucket", 32).alias("band"))
              .groupBy("node").agg(F.collect_list(F.struct("q", "band")).alias("judged")))
    judged_rows = judged.rdd.map(lambda row: ((row.node % partitions, SIDE),
                                              (row.node, [(entry.q, entry.band) for entry in row.judged])))

    def to_judges(index, rows, here):
        """Each judged signature to each partition judging it, with the bands judged there: to this
        partition (`here`) or to the others."""
        judgements = {}
        for (_, tag), value in rows:
            if tag == SIDE:
                judgements[value[0]] = value[1]
                continue
            node, packed = value
            by_partition = {}
            for q, band in judgements.get(node, ()):
                by_partition.setdefault(q, []).append(band)
            for q, bands in by_partition.items():
                if (q == index) == here:
                    yield (q, SIGNATURE), (node, packed, ",".join(str(band) for band in sorted(bands)))

    def judging_partitions(rows):
        """At each document's home: the partitions it is judged in (the side rows `to_judges` read)."""
        for (home, tag), value in rows:
            if tag != SIDE:
                return
            yield (home, SIDE), (JUDGED_IN, value[0], tuple(sorted({q for q, _ in value[1]})))

    def pairs_task(index, rows):
        """`neardup pairs` on the signatures a partition judges; they stay here too (persisted), for the
        components linked in this partition (step 4)."""
        rows = [row for _, row in rows]
        if not rows:
            return
        nodes = {}
        for node, packed, _ in rows:
            nodes[_origin(packed)] = node
            yield (index, SIGNATURE), (node, packed)
        lines = sorted(_signature_line(packed, names, bands) for _, packed, bands in rows)
        for line in _neardup_call(binary, sources, "pairs", flags, {None: (header, lines)}):
            if line.startswith(b'{"format"'):
                yield (index, HEADER), line
            elif _is_record(line):
                pair = json.loads(line)
                yield (index, PAIR), (nodes[numbers[pair["earlier_source"]], pair["earlier_line"]],
                                      nodes[numbers[pair["later_source"]], pair["later_line"]])

    routed = _beside(judged_rows, signatures, partitions)  # its side rows are shuffled once, read three times
    judged_away = routed.mapPartitionsWithIndex(lambda index, rows: to_judges(index, rows, False))
    judged_home = routed.mapPartitionsWithIndex(lambda index, rows: to_judges(index, rows, True),
                                                preservesPartitioning=True)
    # A narrow union: the signatures sent to a partition, then those judged where they are (a bucket's
    # smallest document, and any other member that shares its home).
    pair_output = (judged_away.partitionBy(partitions, _partition_of).union(judged_home)
                   .mapPartitionsWithIndex(pairs_task, preservesPartitioning=True).persist(StorageLevel.MEMORY_AND_DISK))
    pairs_headers = pair_output.filter(lambda row: row[0][1] == HEADER).map(lambda row: row[1]).distinct().collect()
    pairs_header = pairs_headers[0] if pairs_headers else b""
    pairs = pair_output.filter(lambda row: row[0][1] == PAIR).map(lambda row: row[1])  # (earlier node, later node)

    # 3. Components of the verified pairs, by document number.
    edges = spark.createDataFrame(pairs, StructType([StructField("src", LongType(), False),
                                                     StructField("dst", LongType(), False)]))
    components = connected_components(edges).rdd.map(
        lambda row: ((row.node % partitions, SIDE), (COMPONENT, row.node, row.component)))

    # 4. Each component clustered whole in one partition (its smallest document's number modulo the
    #    partitions, as a bucket is judged in its smallest document's): its pairs, sent from the home of
    #    their earlier document, and its documents' signatures. A signature already in that partition
    #    (it was judged there, and kept) does not travel again: its home sends the document's number.
    def to_linkers(rows):
        component_of, judged_in, waiting = {}, {}, []
        for (_, tag), value in rows:
            if tag == SIDE:
                if value[0] == COMPONENT:
                    component_of[value[1]] = value[2]
                elif value[0] == JUDGED_IN:
                    judged_in[value[1]] = value[2]
                else:
                    waiting.append(value[1:])
                continue
            for earlier, later in waiting:
                yield (component_of[earlier] % partitions, LINKED_PAIR), (earlier, later)
            waiting = []
            node, packed = value
            if node in component_of:
                linker = component_of[node] % partitions
                if linker in judged_in.get(node, ()):
                    yield (linker, KEPT_SIGNATURE), node
                else:
                    yield (linker, SENT_SIGNATURE), (node, packed)
        for earlier, later in waiting:
            yield (component_of[earlier] % partitions, LINKED_PAIR), (earlier, later)

    def link_task(rows):
        """`neardup link` on the components of a partition: the rows sent to it come first, then the
        signatures it judged (`pairs_task`), of which it takes the ones named."""
        signatures_here, kept, pair_rows = {}, set(), []
        for (_, tag), value in rows:
            if tag == SENT_SIGNATURE:
                signatures_here[value[0]] = value[1]
            elif tag == KEPT_SIGNATURE:
                kept.add(value)
            elif tag == LINKED_PAIR:
                pair_rows.append(value)
            elif tag == SIGNATURE and value[0] in kept:
                signatures_here[value[0]] = value[1]
        if not signatures_here:
            return
        origins = {node: _origin(packed) for node, packed in signatures_here.items()}
        lines = sorted(_signature_line(packed, names) for packed in signatures_here.values())
        pair_lines = sorted(b'{"earlier_source":%s,"earlier_line":%d,"later_source":%s,"later_line":%d}'
                            % (names[origins[earlier][0]], origins[earlier][1], names[origins[later][0]], origins[later][1])
                            for earlier, later in pair_rows)
        homes = {origin: node % partitions for node, origin in origins.items()}
        inputs = {None: (header, lines), "--pairs": (pairs_header, pair_lines)}
        for line in _neardup_call(binary, sources, "link", flags, inputs):
            if _is_record(line):
                yield CLUSTER, line
                for home in {homes[numbers[member["source"]], member["line"]] for member in json.loads(line)["members"]}:
                    yield HOME, (home, line)

    judged_in = routed.mapPartitions(judging_partitions, preservesPartitioning=True)
    side = components.union(pairs.map(lambda pair: ((pair[0] % partitions, SIDE), (PAIR,) + tuple(pair))))
    sent = _beside(side, judged_in.union(signatures), partitions).mapPartitions(to_linkers)
    judged_here = pair_output.filter(lambda row: row[0][1] == SIGNATURE)
    # A narrow union: partition i is the rows sent to it, then the signatures judged in it.
    linked = (sent.partitionBy(partitions, _partition_of).union(judged_here).mapPartitions(link_task)
              .persist(StorageLevel.MEMORY_AND_DISK))
    cluster_lines = linked.filter(lambda row: row[0] == CLUSTER).map(lambda row: row[1])

    # 5. The clusters of each partition's documents, then `neardup apply`.
    clusters_header = b'{"format":"winnow.clusters","version":5}'
    own_clusters = linked.filter(lambda row: row[0] == HOME).map(lambda row: ((row[1][0], KEEPERS), row[1][1]))

    def apply(partition):
        side, documents_left = _split_by_tag(partition, (KEEPERS,))

        def prepare(workdir):
            path = workdir.file("clusters.jsonl")
            with open(path, "wb") as handle:
                _state_file(handle, clusters_header, sorted(side[KEEPERS]))
            return ["--clusters", path]
        return _filter(binary, sources, ["neardup", "apply"], documents_left, prepare=prepare)

    side_files = {}
    if options.get("clusters"):
        side_files["clusters"] = cluster_lines.mapPartitions(lambda lines: _whole_file(clusters_header, lines))
    if options.get("assignments"):
        side_files["assignments"] = cluster_lines.flatMap(_assignment_lines)
    return Step(["neardup"], _beside(own_clusters, documents, partitions).mapPartitions(apply, preservesPartitioning=True),
                held=(documents, mapped, pair_output, linked), side_files=side_files)


def _whole_file(header, lines):
    """A partition's lines as a whole state file (header, lines, end line), so that each part file of a
    side-file folder reads as the file `winnow run` writes."""
    count = 0
    yield header.decode("utf-8")
    for line in lines:
        count += 1
        yield line.decode("utf-8")
    yield '{"end_of_file":%d}' % count


def _assignment_lines(cluster_line):
    """One `{"id", "cluster"}` line per member of a clusters-file line, as `neardup` writes assignments."""
    cluster = json.loads(cluster_line)
    return [json_lines.compact({"id": member["id"], "cluster": cluster["kept"]}) for member in cluster["members"]]
