"""The steps of a pipeline on Spark. Every call of the binary is a `winnow` subcommand over one
partition's framed records; its outputs come back as tagged rows: KEPT (framed, for the next step),
REMOVED and REJECTED (final lines), STATS (the call's run summary, merged on the driver)."""
import itertools
import json

from pyspark import StorageLevel
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructField, StructType

from . import binary as winnow
from .pipeline import stage_defaults

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


def set_flags(options, refused=()):
    """`--set key=value` for each option the pipeline gives a corpus stage, the value as JSON (which YAML
    reads as written): the binary checks every option as `winnow run` would. Options naming side files
    that the cluster path does not write yet (`refused`) must be empty."""
    given = sorted(key for key in refused if options.get(key))
    if given:
        raise ValueError(f"not written on the cluster path yet: {', '.join(given)}; leave them empty (\"\")")
    return [flag for key, value in options.items() if key not in refused
            for flag in ("--set", f"{key}={json.dumps(value, ensure_ascii=False)}")]


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
    documents = records.mapPartitionsWithIndex(lambda index, partition: (((index, DOCUMENT), record) for record in partition))

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

    grouped = _grouped_by_partition(keepers.union(documents), partitions)
    return Step(["exact"], grouped.mapPartitions(apply), held=(records, mapped))


def _map_step(records, map_partition, step, kind):
    """Runs a corpus stage's map step on every partition. Returns the records and the tagged rows, both
    persisted for the apply step, and the one header line every partition's state file starts with."""
    records = records.persist(StorageLevel.MEMORY_AND_DISK)
    mapped = records.mapPartitionsWithIndex(map_partition).persist(StorageLevel.MEMORY_AND_DISK)
    headers = mapped.filter(lambda row: row[0] == "header").map(lambda row: row[1]).distinct().collect()
    if len(headers) != 1:
        raise RuntimeError(f"{step} wrote {len(headers)} different {kind} headers: {headers}")
    return records, mapped, headers[0].encode("utf-8")


def _grouped_by_partition(keyed, partitions):
    """Brings rows keyed (partition, tag) together in their partition, tags in ascending order."""
    return keyed.repartitionAndSortWithinPartitions(
        numPartitions=partitions, partitionFunc=lambda key: key[0], keyfunc=lambda key: key)


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
    """Per partition: `winnow templates map`, read back as (partition, site, pages) and (partition, site,
    line key, pages with the line) rows, and its header line."""
    def task(index, partition):
        rows = _map_rows(binary, sources, ["templates", "map"] + flags, partition)
        yield ("header", next(rows))
        for _, row in rows:
            yield ("site", (index, row["site"], row["pages"]))
            for key, count in row["lines"]:
                yield ("line", (index, row["site"], key, count))
    return task


SITE_ROWS = StructType([StructField("p", LongType(), False), StructField("site", StringType(), False),
                        StructField("pages", LongType(), False)])
LINE_ROWS = StructType([StructField("p", LongType(), False), StructField("site", StringType(), False),
                        StructField("key", StringType(), False), StructField("count", LongType(), False)])
COUNTS, CROSS_SITE = 0, 1
TEMPLATE_DOCUMENT = 2


def templates(binary, sources, options, records, partitions, spark):
    """Template lines without a merge on one machine: the partitions' counts are summed by (site, line
    key) and by site in Spark's shuffle; a line is cross-site when it is repeated on enough sites (one more
    reduce, by line key); each partition then gets back the merged counts of its own (site, line) pairs,
    its sites' page counts and the cross-site lines among its own, and runs `winnow templates apply`."""
    flags = set_flags(options, refused=("summary",))
    settings = {**stage_defaults(spark, binary, "templates"), **options}
    repeat_pages, cross_site_sites = int(settings["repeat_pages"]), int(settings["cross_site_sites"])
    records, mapped, header = _map_step(records, _templates_map(binary, sources, flags), "templates map", "counts")
    sites = spark.createDataFrame(mapped.filter(lambda row: row[0] == "site").map(lambda row: row[1]), SITE_ROWS)
    lines = spark.createDataFrame(mapped.filter(lambda row: row[0] == "line").map(lambda row: row[1]), LINE_ROWS)
    site_pages = sites.groupBy("site").agg(F.sum("pages").alias("pages"))
    line_pages = lines.groupBy("site", "key").agg(F.sum("count").alias("count"))
    # TemplateModel's rule: a line is repeated on a site when on repeat_pages of its pages (2 on sites of
    # three pages or fewer); it is cross-site when repeated on cross_site_sites sites.
    cross = (line_pages.join(site_pages, "site")
             .where(F.col("count") >= F.when(F.col("pages") <= 3, F.lit(2)).otherwise(F.lit(repeat_pages)))
             .groupBy("key").count().where(F.col("count") >= cross_site_sites).select("key"))
    own_lines = lines.select("p", "site", "key").join(line_pages, ["site", "key"])
    own_sites = (own_lines.groupBy("p", "site").agg(F.sort_array(F.collect_list(F.struct("key", "count"))).alias("lines"))
                 .join(sites.select("p", "site").join(site_pages, "site"), ["p", "site"], "right"))
    own_cross = lines.select("p", "key").distinct().join(cross, "key")

    def site_line(row):
        pairs = row.lines or []
        text = json.dumps({"site": row.site, "pages": row.pages, "lines": [[pair.key, pair["count"]] for pair in pairs]},
                          ensure_ascii=False, separators=(",", ":"))
        return (row.p, COUNTS), text.encode("utf-8")

    keyed = (own_sites.rdd.map(site_line)
             .union(own_cross.rdd.map(lambda row: ((row.p, CROSS_SITE), row.key.encode("ascii"))))
             .union(records.mapPartitionsWithIndex(
                 lambda index, partition: (((index, TEMPLATE_DOCUMENT), record) for record in partition))))

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
            return flags + ["--counts", counts_path, "--cross-site", cross_path]
        return _filter(binary, sources, ["templates", "apply"], documents, prepare=prepare)

    return Step(["templates"], _grouped_by_partition(keyed, partitions).mapPartitions(apply), held=(records, mapped))


def _neardup_map(binary, sources, flags):
    """Per partition: `winnow neardup map`, read back as (partition, source, line, band keys, signature line
    without the band keys) rows, and its header line."""
    def task(index, partition):
        rows = _map_rows(binary, sources, ["neardup", "map"] + flags, partition)
        yield ("header", next(rows))
        for line, row in rows:
            yield ("doc", (index, row["source"], row["line"], row["bands"], _without_band_keys(line.decode("utf-8"))))
    return task


def _without_band_keys(line):
    """A signature line without its band keys (the last member, which `neardup pairs` and `link` recompute)."""
    cut = line.rindex(',"bands":[')
    return line[:cut] + "}"


def _state_file(handle, header, lines):
    """Writes a state file: its header, the lines, and the end line counting them."""
    handle.write(header + b"\n")
    count = 0
    for line in lines:
        handle.write(line + b"\n")
        count += 1
    handle.write(b'{"end_of_file":%d}\n' % count)


def _keyed_lines(keyed, partitions):
    """(partition, line) rows as one list of lines per partition, the lines sorted (a partition's input
    never depends on the order the shuffle delivered it in)."""
    return (keyed.partitionBy(partitions, lambda key: key).mapPartitions(lambda rows: [sorted(line for _, line in rows)]))


def _over_state_files(binary, sources, command, flags, output_kind):
    """A task that writes each partition's state files (kind -> (header, lines)), runs `winnow neardup
    COMMAND` on them, and yields the lines of its output state file (header first)."""
    def task(partitions_lines):
        for lines in partitions_lines:
            workdir = winnow.Workdir(sources)
            try:
                files = {}
                for kind, (kind_header, kind_lines) in lines.items():
                    files[kind] = workdir.file(kind + ".jsonl")
                    with open(files[kind], "wb") as handle:
                        _state_file(handle, kind_header, kind_lines)
                arguments = ["neardup", command] + flags + [files["signatures"]]
                if "pairs" in files:
                    arguments += ["--pairs", files["pairs"]]
                output = workdir.file(output_kind + ".jsonl")
                winnow.call(binary, arguments + ["-o", output], workdir)
                with open(output, "rb") as handle:
                    for line in handle:
                        yield line.rstrip(b"\n")
            finally:
                workdir.close()
    return task


def _body(lines):
    """The records of a state file's lines: no header, no end line."""
    return lines.filter(lambda line: not line.startswith(b'{"format"') and not line.startswith(b'{"end_of_file"'))


def neardup(binary, sources, options, records, partitions, spark):
    """Near duplicates without a merge on one machine, in the steps `winnow run` clusters in:
    1. each partition's signatures (`neardup map`); documents numbered;
    2. (band, bucket key) rows grouped by Spark's shuffle; a bucket of two or more documents is judged
       whole in one partition (`neardup pairs`), chosen by its smallest document so that the buckets of
       one cluster meet in one place;
    3. the verified pairs' connected components by large-star/small-star (`components`);
    4. each component clustered whole in one partition (`neardup link`), which gives `winnow run`'s clusters;
    5. every partition gets the clusters of its own documents and runs `neardup apply`."""
    from .components import connected_components
    flags = set_flags({key: value for key, value in options.items() if key not in ("clusters", "assignments")})
    records, mapped, header = _map_step(records, _neardup_map(binary, sources, flags), "neardup map", "signatures")
    documents = (mapped.filter(lambda row: row[0] == "doc").map(lambda row: row[1]).zipWithIndex()
                 .map(lambda pair: (pair[1],) + pair[0]))  # (node, partition, source, line, bands, signature line)
    documents = documents.persist(StorageLevel.MEMORY_AND_DISK)

    # 2. Buckets of two or more documents, each judged in one partition.
    memberships = spark.createDataFrame(
        documents.flatMap(lambda row: ((band, key[:8], row[0]) for band, key in enumerate(row[4]))),
        StructType([StructField("band", LongType(), False), StructField("key", StringType(), False),
                    StructField("node", LongType(), False)]))
    judged = (memberships.groupBy("band", "key").agg(F.collect_list("node").alias("nodes"))
              .where(F.size("nodes") > 1)
              .select(F.explode("nodes").alias("node"), (F.array_min("nodes") % partitions).alias("q"), "band")
              .groupBy("node", "q").agg(F.sort_array(F.collect_list("band")).alias("bands"))
              .groupBy("node").agg(F.collect_list(F.struct("q", "bands")).alias("judged")))
    # Only documents in a bucket of two or more travel on, as their signature lines without band keys.
    signature = documents.map(lambda row: (row[0], row[5]))
    clustered = (judged.rdd.map(lambda row: (row.node, [(entry.q, entry.bands) for entry in row.judged]))
                 .join(signature).persist(StorageLevel.MEMORY_AND_DISK))

    def judged_lines(row):
        _, (judgements, line) = row
        for q, bands in judgements:
            yield q, (line[:-1] + ',"judge_bands":"' + ",".join(str(band) for band in bands) + '"}').encode("utf-8")

    pair_lines = _keyed_lines(clustered.flatMap(judged_lines), partitions).map(lambda lines: {"signatures": (header, lines)}) \
        .mapPartitions(_over_state_files(binary, sources, "pairs", flags, "pairs")) \
        .persist(StorageLevel.MEMORY_AND_DISK)
    pairs_headers = pair_lines.filter(lambda line: line.startswith(b'{"format"')).distinct().collect()
    pairs = _body(pair_lines).map(json.loads)

    # 3. Components of the verified pairs, by document number.
    nodes = documents.map(lambda row: ((row[2], row[3]), row[0]))
    ends = (pairs.map(lambda pair: ((pair["earlier_source"], pair["earlier_line"]), pair))
            .join(nodes).map(lambda row: ((row[1][0]["later_source"], row[1][0]["later_line"]), row[1]))
            .join(nodes).map(lambda row: (row[1][0][1], row[1][1], row[1][0][0])))  # (earlier node, later node, pair)
    ends = ends.persist(StorageLevel.MEMORY_AND_DISK)
    edges = spark.createDataFrame(ends.map(lambda row: (row[0], row[1])),
                                  StructType([StructField("src", LongType(), False), StructField("dst", LongType(), False)]))
    component = connected_components(edges).rdd.map(lambda row: (row.node, row.component))

    # 4. Each component clustered whole in one partition: its documents' signatures and its pairs.
    member_lines = component.join(clustered.mapValues(lambda value: value[1])).map(lambda row: (row[1][0] % partitions, (0, row[1][1].encode("utf-8"))))
    pair_rows = ends.map(lambda row: (row[0], row[2])).join(component).map(
        lambda row: (row[1][1] % partitions, (1, json.dumps(row[1][0], ensure_ascii=False, separators=(",", ":"))
                                              .encode("utf-8"))))
    pairs_header = pairs_headers[0] if pairs_headers else b""

    def link_inputs(rows):
        signature_lines = sorted(line for kind, line in rows if kind == 0)
        return {"signatures": (header, signature_lines),
                "pairs": (pairs_header, sorted(line for kind, line in rows if kind == 1))}

    cluster_lines = _body(member_lines.union(pair_rows).partitionBy(partitions, lambda key: key)
                          .mapPartitions(lambda rows: [link_inputs([row for _, row in rows])])
                          .filter(lambda inputs: inputs["signatures"][1])
                          .mapPartitions(_over_state_files(binary, sources, "link", flags, "clusters")))

    # 5. The clusters of each partition's documents, then `neardup apply`.
    origins = documents.map(lambda row: ((row[2], row[3]), row[1]))
    clusters_header = b'{"format":"winnow.clusters","version":2}'
    own_clusters = (cluster_lines.flatMap(lambda line: (((member["source"], member["line"]), line)
                                                        for member in json.loads(line)["members"]))
                    .join(origins).map(lambda row: ((row[1][1], KEEPERS), row[1][0])).distinct())
    keyed = own_clusters.union(records.mapPartitionsWithIndex(
        lambda index, partition: (((index, DOCUMENT), record) for record in partition)))

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
    return Step(["neardup"], _grouped_by_partition(keyed, partitions).mapPartitions(apply),
                held=(records, mapped, documents, clustered, pair_lines, ends), side_files=side_files)


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
    return [json.dumps({"id": member["id"], "cluster": cluster["kept"]}, ensure_ascii=False, separators=(",", ":"))
            for member in cluster["members"]]
