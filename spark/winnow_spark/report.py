"""The report step on the cluster, in the binary's three steps (`winnow report map`, `clusters`, `page`):
map over each part of the committed cleaned and removed outputs; the member rows grouped by cluster in
Spark's shuffle; clusters over each partition of them; the cluster lines and clusters.csv rows sorted into
report order by Spark and written as part files (report/cluster-list.jsonl/, report/clusters.csv/); the
page step on the driver over the summed counts and facts (one row per call), the largest clusters (at most
LISTED) and the texts the page compares. No step reads the whole run on one machine."""
import json
import os
import shutil
import tempfile
import uuid
import zlib

from . import binary as winnow
from . import pipeline as pipelines
from .paths import literal
from .stages import _lines, set_flags

# RunReport.clustersListed: the clusters report.json and the page list.
LISTED = 5000
CSV_HEADER = "cluster,kind,size,kept,id,url,similarity,text_bytes,removed_by\r"


# What the run writes into its output folder, which a report folder inside it must not be.
OUTPUT_ENTRIES = ("cleaned", "removed", "rejects", "stats.json", "clusters", "assignments", "templates")


def plan(step, folder, inputs):
    """(options without `folder`, the folder the report writes) of the report step `step` (its options
    resolved by the binary, `winnow stages --resolve`), checked before any Spark work, as `winnow run`
    checks them before it reads anything: a folder that is not the output folder and holds neither it nor
    an input, nor is one of the output folder's own entries, nor holds the current folder (the report
    folder is replaced whole; other files in it are kept, `Folder.replace`)."""
    options = dict(step[pipelines.REPORT_STEP])
    named = options.pop("folder", "")
    final = folder.final.toString()
    target = named or final + "/report"

    def key(path):
        return folder.fs.makeQualified(folder.path_class(path)).toString().rstrip("/")

    target_path = folder.path_class(target)
    if folder.fs.exists(target_path) and not folder.fs.getFileStatus(target_path).isDirectory():
        raise pipelines.PipelineError(f"{target}: the report folder exists and is not a folder (nothing was read)")
    target_key, output_key = key(target), key(final)
    if target_key == output_key or output_key.startswith(target_key + "/"):
        raise pipelines.PipelineError(f"the report folder {target} is or holds the output folder {final}, and is "
                                      f"replaced whole by the report: give the report another folder (nothing was read)")
    if target_key.startswith(output_key + "/"):
        entry = target_key[len(output_key) + 1:].split("/")[0]
        if entry.split("-step")[0] in OUTPUT_ENTRIES:
            raise pipelines.PipelineError(f"the report folder {target} is the run's own {entry} in {final}: give the "
                                          f"report another folder (nothing was read)")
    for path, _ in inputs:
        input_key = key(path)
        if input_key == target_key or input_key.startswith(target_key + "/"):
            raise pipelines.PipelineError(f"the report folder {target} holds the input {path}, and is replaced whole "
                                          f"by the report: give the report another folder (nothing was read)")
    cwd = "file:" + os.getcwd()
    if target_key.startswith("file:") and (cwd == target_key or cwd.startswith(target_key + "/")):
        raise pipelines.PipelineError(f"the report folder {target} is the current folder or holds it, and is "
                                      f"replaced whole by the report: give the report a folder of its own")
    return options, target


def _call(binary, arguments, lines):
    """Runs `winnow report ...` with `lines` written to its input file; yields the lines it writes."""
    workdir = winnow.Workdir([])
    try:
        source, output = workdir.file("input"), workdir.file("output")
        with open(source, "wb") as handle:
            for line in lines:
                handle.write(line)
                handle.write(b"\n")
        winnow.call(binary, arguments(source, output), workdir)
        yield from _lines(output)
    finally:
        workdir.close()


def _map(binary, removed, keepers=False, wanted=None):
    """Per part of an output: `winnow report map` with its part number (the parts' order is the output's);
    with `wanted` (ids), the lines of those documents instead of rows."""
    def task(index, lines):
        def arguments(source, output):
            extra = ["--removed"] if removed else []
            if keepers:
                extra.append("--keepers")
            if wanted is not None:
                ids = os.path.join(os.path.dirname(source), "ids")
                with open(ids, "w", encoding="utf-8") as handle:
                    for identifier in wanted:
                        handle.write(json.dumps(identifier) + "\n")
                extra += ["--texts", ids]
            return ["report", "map", source, "--part", str(index), "-o", output] + extra
        return _call(binary, arguments, lines)
    return task


def _clusters(binary):
    def task(rows):
        return _call(binary, lambda source, output: ["report", "clusters", source, "-o", output], rows)
    return task


def _key(line):
    return line[:line.index(b"\t")]


def _partition_of_key(key):
    return zlib.crc32(key)


def _texts_wanted(largest, options):
    """The ids whose texts the page may compare: the members of the first near-duplicate clusters the
    page compares (more than it needs is harmless; the page step picks)."""
    wanted, clusters = [], options["clusters_with_text"]
    members = options["members_with_text"]
    for line in largest:
        if clusters <= 0:
            break
        cluster = json.loads(line.split(b"\t", 2)[2])
        if cluster["kind"] == "near-duplicate":
            clusters -= 1
            wanted += [member["id"] for member in cluster["members"][:members]]
    return wanted


def parts_in_order(context, folder, path):
    """The lines (bytes) of the output folder `path`, one RDD whose partitions follow its part files in
    name order: the outputs' order, which the map numbers its rows by (`--part`) and clusters.csv lists a
    cluster's members in. Hadoop lists a folder in no set order. Each part is named as written: the glob
    characters of an output folder named out[1] would match out1's."""
    names = sorted(entry.getPath().getName() for entry in folder.fs.listStatus(folder.path_class(path))
                   if entry.getPath().getName().startswith("part-"))
    if not names:
        return context.emptyRDD()
    return context.union([context.textFile(_one_file(path.rstrip("/") + "/" + name), use_unicode=False) for name in names])


def _one_file(path):
    """`path` as textFile reads the one file it names: its glob characters escaped (`paths.literal`), and each
    comma, which textFile takes for the end of one path of a list, as the one-choice glob `{\\,}`."""
    return literal(path).replace(",", "{\\,}")


def write(spark, binary, folder, target, outputs, summary_bytes, options, keepers, partitions, log):
    """Writes the report folder `target` (a Hadoop path string) from the committed outputs `outputs`
    (kind -> path: cleaned, removed, clusters, template_summary); `summary_bytes` is stats.json."""
    context = spark.sparkContext
    texts_of = {kind: parts_in_order(context, folder, outputs[kind]) for kind in ("cleaned", "removed")}
    rows = context.union([texts_of[kind].mapPartitionsWithIndex(_map(binary, kind == "removed", keepers=keepers))
                          for kind in ("cleaned", "removed")]).persist()
    clustered = None
    local = tempfile.mkdtemp(prefix="winnow-spark-report-")
    try:
        counts = rows.filter(lambda line: line.startswith(b"C\t")).collect()
        clustered = (rows.filter(lambda line: not line.startswith(b"C\t"))
                     .map(lambda line: (_key(line), line))
                     .repartitionAndSortWithinPartitions(partitions, _partition_of_key)
                     .values().mapPartitions(_clusters(binary)).persist())
        facts = clustered.filter(lambda line: line.startswith(b"f\t")).collect()
        ordered = (clustered.filter(lambda line: line.startswith(b"c\t"))
                   .map(lambda line: (line.split(b"\t", 2)[1], line)).sortByKey(numPartitions=partitions).values())
        largest = ordered.take(LISTED)
        csv_rows = (clustered.filter(lambda line: line.startswith(b"v\t"))
                    .map(lambda line: line.split(b"\t", 3)).map(lambda fields: ((fields[1], fields[2]), fields[3]))
                    .sortByKey(numPartitions=partitions).values()
                    .map(lambda cell: json.loads(cell)[:-1]))

        wanted = _texts_wanted(largest, options)
        texts = []
        if wanted:
            texts = context.union([texts_of[kind].mapPartitionsWithIndex(_map(binary, kind == "removed", wanted=wanted))
                                   for kind in ("cleaned", "removed")]).collect()
        texts.sort(key=lambda line: line.split(b"\t", 2)[1])

        def write_lines(name, lines):
            path = os.path.join(local, name)
            with open(path, "wb") as handle:
                for line in lines:
                    handle.write(line + b"\n")
            return path

        arguments = ["report", "page", "--counts", write_lines("counts", counts), "--facts", write_lines("facts", facts),
                     "--largest", write_lines("largest", largest),
                     "--texts", write_lines("texts", (line.split(b"\t", 2)[2] for line in texts)),
                     "--stats", write_lines("stats.json", [summary_bytes]),
                     "--cleaned", outputs["cleaned"], "--removed", outputs["removed"]]
        if outputs.get("clusters"):
            arguments += ["--clusters", outputs["clusters"]]
        if outputs.get("template_summary"):
            arguments += ["--templates", _local_copy(folder, outputs["template_summary"], local)]
        page = os.path.join(local, "page")
        arguments += ["-o", page] + set_flags(options)
        workdir = winnow.Workdir([])
        try:
            winnow.call(binary, arguments, workdir)
        finally:
            workdir.close()

        staging = f"{target.rstrip('/')}.winnow-tmp-{uuid.uuid4().hex}"
        path_class = folder.path_class
        try:
            ordered.map(lambda line: line.split(b"\t", 2)[2]).saveAsTextFile(staging + "/cluster-list.jsonl")
            context.parallelize([CSV_HEADER], 1).union(csv_rows).saveAsTextFile(staging + "/clusters.csv")
            for name in ("report.json", "report.html"):
                folder.fs.copyFromLocalFile(False, True, path_class(os.path.join(page, name)), path_class(staging + "/" + name))
            folder.replace(staging, target)
        except BaseException:
            if folder.fs.exists(path_class(staging)):
                folder.fs.delete(path_class(staging), True)
            raise
    finally:
        rows.unpersist()
        if clustered is not None:
            clustered.unpersist()
        shutil.rmtree(local, ignore_errors=True)
    log(f"report: {target}")


def _local_copy(folder, path, local):
    """`path` on this machine: itself when the outputs are on its file system, else a copy in `local`."""
    source = folder.path_class(path)
    uri = source.toUri()
    if uri.getScheme() in (None, "file"):
        return uri.getPath()
    copy = os.path.join(local, os.path.basename(uri.getPath().rstrip("/")))
    folder.fs.copyToLocalFile(False, source, folder.path_class(copy), True)
    return copy
