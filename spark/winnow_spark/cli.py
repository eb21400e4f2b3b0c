"""Command line of the cluster path:

    spark-submit spark/winnow_spark.py run PIPELINE.yaml INPUT... -o OUTPUT_DIR
    spark-submit spark/winnow_spark.py report OUTPUT_DIR [-o REPORT_DIR] [--set OPTION=VALUE ...]

OUTPUT_DIR gets cleaned/, removed/ and rejects/ (JSONL part files: the lines of `winnow run`'s
cleaned, removed and rejects outputs) and stats.json (the summary `winnow run --stats` writes); the
side files the stages are asked for (clusters/, assignments/, templates/: the templates summary, one
site a line; with a step number, templates-step4/, when several steps write one kind); with a report
step, templates/ and report/ (report.json, report.html, and cluster-list.jsonl/ and clusters.csv/ as part
files: what `winnow report` writes, made in steps on the cluster, `report.py`). `report` writes that
folder later from a finished run's outputs, as `winnow report` does for `winnow run`'s.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile

from pyspark.sql import SparkSession

from . import archives
from . import binary as winnow
from . import inputs as input_files
from . import json_lines
from . import pipeline as pipelines
from . import report as reports
from . import stages as steps
from . import summary as summaries
from .outputs import Folder, OutputMissing


def parser():
    top = argparse.ArgumentParser(prog="winnow_spark.py", description="Winnow pipelines on Apache Spark.")
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run a pipeline file over JSONL inputs")
    run.add_argument("pipeline", help="the pipeline YAML file (read on the driver)")
    run.add_argument("inputs", nargs="+",
                     help="JSONL files (plain or .gz), web archives (WARC, WET) or local folders of them; any Hadoop URI")
    run.add_argument("-o", "--output", required=True, help="the output folder (must not exist)")
    run.add_argument("--partitions", type=int, default=0,
                     help="partitions the documents are spread over (default: the default parallelism)")
    run.add_argument("--binary", default="winnow",
                     help="the winnow binary on the executors: a name shipped with --files (or on PATH) or a path")
    run.add_argument("--unordered", action="store_true",
                     help="skip sorting the cleaned, removed and rejects outputs into input order (saves three shuffles)")
    report = commands.add_parser("report", help="write the report folder of a finished run, as `winnow report` does")
    report.add_argument("output", help="the output folder of a finished run (stats.json, cleaned/, removed/, ...)")
    report.add_argument("-o", "--report", dest="report_folder",
                        help="the report folder (default: OUTPUT/report); replaced whole, other files in it kept")
    report.add_argument("--set", dest="settings", action="append", default=[], metavar="OPTION=VALUE",
                        help="a report option (`winnow stages` lists them), VALUE as a pipeline file writes it")
    report.add_argument("--partitions", type=int, default=0,
                        help="partitions the report rows are grouped into (default: the default parallelism)")
    report.add_argument("--binary", default="winnow",
                        help="the winnow binary on the executors: a name shipped with --files (or on PATH) or a path")
    return top


def _origin(framed):
    source, line, _ = framed.split(b" ", 3)[:3]
    return int(source), int(line)


def _unframe(framed):
    return framed.split(b" ", 3)[3]


def _ranked(rank):
    return lambda framed: (rank,) + _origin(framed)


def _reject_origin(sources):
    """The origin (input number, line, offset) of a reject line, for sorting them into input order."""
    numbers = {name: number for number, name in enumerate(sources)}

    def origin(line):
        reject = json.loads(line)
        return numbers.get(reject.get("source"), len(numbers)), reject.get("line", 0), reject.get("offset", 0)
    return origin


def in_input_order(keyed, partitions, unordered=False):
    """The framed lines of (key, line) rows sorted by key (the origin, input and line, after the step for
    removed lines) and unframed; left in partition order when `unordered`."""
    ordered = keyed if unordered else keyed.sortByKey(numPartitions=partitions)
    return ordered.values().map(_unframe)


def run(spark, arguments, log=print):
    """Runs the pipeline and writes the outputs; returns the run summary. Raises when any call of the
    binary fails, before anything is written."""
    clock = time.monotonic()
    pipeline_name, definition, segments, report = pipelines.load(arguments.pipeline, asker(spark, arguments.binary))
    given = input_files.given(arguments.inputs)
    sources = input_files.origin_names([name for _, name in given])
    named = [(path, origin) for (path, _), origin in zip(given, sources)]
    folder = Folder(spark, arguments.output)
    # Checked before any work, so that a report that cannot be written fails the job with nothing written.
    report_plan = reports.plan(report, folder, named) if report is not None else None
    partitions = arguments.partitions or spark.sparkContext.defaultParallelism
    whole = {number for number, (path, _) in enumerate(named) if archives.is_archive(path)}
    if whole and segments[0].corpus is not None:
        # Archives are decoded in the first step, which must be a call of `winnow run`: one with no stage
        # decodes them (and the JSONL inputs) as `winnow run` does before a corpus stage, text required.
        segments.insert(0, pipelines.Segment([], number=segments[0].number))
    framed, input_bytes, found = input_files.read(spark, named, whole)
    for reject in found:
        log(f"winnow_spark: {reject['source']}:{reject['line']}: {reject['message']}")
    records = steps.spread(framed, partitions)
    done = []
    try:
        for segment in segments:
            if segment.corpus == "exact":
                step = steps.exact(arguments.binary, sources, segment.options, records, partitions, spark)
            elif segment.corpus == "templates":
                # As in `winnow run`, the summary is written when named, and for the report.
                summarize = bool(segment.options.get("summary")) or report is not None
                step = steps.templates(arguments.binary, sources, segment.options, records, partitions, spark,
                                       summarize=summarize)
            elif segment.corpus == "neardup":
                step = steps.neardup(arguments.binary, sources, segment.options, records, partitions, spark)
            elif segment.corpus is not None:
                raise pipelines.PipelineError(f"the {segment.corpus} stage does not run on the cluster path yet")
            else:
                text = pipelines.document_pipeline(definition, segment)
                read_whole = None
                if whole and not done:
                    read_whole = archives.read_whole(spark, arguments.binary, sources, text,
                                                     [(number,) + given[number] for number in sorted(whole)], partitions)
                step = steps.document_stages(arguments.binary, sources, text, segment.names, records, read_whole)
                if read_whole is not None:
                    input_bytes += sum(int(size) for size in step.lines(steps.INPUT_BYTES).collect())
            done.append(step)
            records = step.kept()
        # Every call of the binary runs (and is checked) before anything is written.
        summary_parts = [(step.stages, step.summaries()) for step in done]
        cleaned = in_input_order(records.keyBy(_origin), partitions, arguments.unordered)
        output_bytes = cleaned.map(lambda line: len(line) + 1).sum()
        final = folder.final.toString()
        outputs = {"cleaned": final + "/cleaned", "removed": final + "/removed", "rejects": final + "/rejects"}
        side_files, last = side_file_folders(zip(segments, done))
        if "clusters" in last:
            outputs["clusters"] = final + "/" + last["clusters"]
        if "templates" in last:
            outputs["template_summary"] = final + "/" + last["templates"]
        summary = summaries.merge(pipeline_name, summary_parts, input_bytes, output_bytes, 0.0, outputs,
                                  found=found)
        # Each step's removed documents in input order, the steps in the pipeline's order: the same for any
        # partitioning, and a cluster's members in `winnow run`'s order, which clusters.csv lists them in.
        removed = in_input_order(spark.sparkContext.union([step.lines(steps.REMOVED).keyBy(_ranked(rank))
                                                           for rank, step in enumerate(done)]), partitions,
                                 arguments.unordered)
        # The rejects found on the driver (damaged gzip inputs, JSON values over many lines), beside
        # the binary's.
        driver_lines = [json_lines.compact(reject).encode("utf-8") for reject in found]
        rejects = spark.sparkContext.union([step.lines(steps.REJECTED) for step in done]
                                           + ([spark.sparkContext.parallelize(driver_lines, 1)] if driver_lines else []))
        if not arguments.unordered:
            # In input order, as `winnow run` meets them: by input, line and offset.
            rejects = rejects.keyBy(_reject_origin(sources)).sortByKey(numPartitions=partitions).values()
        try:
            cleaned.saveAsTextFile(folder.child("cleaned"))
            removed.saveAsTextFile(folder.child("removed"))
            rejects.saveAsTextFile(folder.child("rejects"))
            for name, lines in side_files.items():
                lines.saveAsTextFile(folder.child(name))
            summary["wall_seconds"] = round(time.monotonic() - clock, 3)
            folder.write_bytes("stats.json", summaries.encode(summary))
            folder.commit()
        except BaseException:
            folder.discard()
            raise
    finally:
        for step in done:
            step.release()
    log(f"winnow_spark: {summary['records']} records: {summary['kept']} kept, {summary['removed']} removed, "
        f"{summary['rejected']} rejected, {summary['skipped']} skipped -> {arguments.output}")
    if report_plan is not None:
        options, target = report_plan
        keepers = any(segment.corpus == "exact" for segment in segments)
        reports.write(spark, arguments.binary, folder, target, outputs, summaries.encode(summary), options, keepers,
                      partitions, log)
    return summary


def report(spark, arguments, log=print):
    """Writes the report folder of the finished run in `arguments.output` from its committed outputs, as
    its report step would have (for a run without one, or one whose report step failed after the outputs
    were written); the folder and options are checked before any work, as the run checks them."""
    # An empty --set, which `--set=` cannot pass on to the binary, refused as it refuses it.
    if "" in arguments.settings:
        raise pipelines.PipelineError("--set : write KEY=VALUE, e.g. --set folder=VALUE")
    folder = Folder(spark, arguments.output, finished=True)
    summary_bytes = folder.read_bytes("stats.json")
    try:
        summary = json.loads(summary_bytes)
        recorded, stages = summary["outputs"], summary["stages"]
        keepers = any(stage["stage"] == "exact" for stage in stages)
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{arguments.output}/stats.json: not the summary winnow_spark.py run writes ({error})")
    # Each output as the run recorded it, found in the folder given: the folder may have moved since.
    final = folder.final.toString()
    outputs = {kind: final + "/" + recorded[kind].rstrip("/").rsplit("/", 1)[-1]
               for kind in ("cleaned", "removed", "clusters", "template_summary") if recorded.get(kind)}
    for kind in ("cleaned", "removed"):
        if kind not in outputs or not folder.fs.exists(folder.path_class(outputs[kind])):
            raise ValueError(f"{arguments.output}: the run's {kind} output is missing; the report reads it")
    # The options as the binary reads `winnow report --set`s.
    status, resolved, errors = asker(spark, arguments.binary)(
        ["stages", "--options", pipelines.REPORT_STEP] + ["--set=" + setting for setting in arguments.settings])
    if status != 0:
        message = errors.decode("utf-8", "replace").strip()
        raise pipelines.PipelineError(message[len("winnow: "):] if message.startswith("winnow: ") else message)
    options = pipelines.answer_json(resolved, "the binary's reading of the report's --set options")
    if arguments.report_folder is not None:
        options["folder"] = arguments.report_folder
    options, target = reports.plan({pipelines.REPORT_STEP: options}, folder, [])
    partitions = arguments.partitions or spark.sparkContext.defaultParallelism
    reports.write(spark, arguments.binary, folder, target, outputs, summary_bytes, options, keepers, partitions, log)


def asker(spark, binary):
    """`ask(arguments, files)`: runs the binary once in a task, giving (exit status, stdout, stderr)."""
    return lambda arguments, files=None: winnow.ask(spark, binary, arguments, files)


def side_file_folders(steps):
    """The side files of (segment, step) pairs as (folder name -> lines, kind -> folder of the last step
    writing that kind). A kind (clusters, assignments, templates) that one step writes keeps its name
    (OUTPUT/clusters/); when several steps write it, each step's folder carries the step's number in the
    pipeline file (OUTPUT/templates-step3/, OUTPUT/templates-step4/), as `winnow run` writes each step's
    file where its own option names it. The last step's is the one `winnow run` records in its summary
    and its report reads (a later step's file is recorded over an earlier one's)."""
    writers = {}
    for segment, step in steps:
        for kind, lines in step.side_files.items():
            writers.setdefault(kind, []).append((segment.number, lines))
    folders, last = {}, {}
    for kind, written in writers.items():
        for number, lines in written:
            last[kind] = kind if len(written) == 1 else f"{kind}-step{number}"
            folders[last[kind]] = lines
    return folders, last


def ship_package(spark):
    """Sends this package to the executors (as a zip on their Python path), so that tasks can run its code;
    returns the folder holding the zip, for the caller to delete once the session stops."""
    package = os.path.dirname(os.path.abspath(__file__))
    folder = tempfile.mkdtemp(prefix="winnow-spark-package-")
    archive = os.path.join(folder, "winnow_spark.zip")
    with zipfile.ZipFile(archive, "w") as bundle:
        for name in sorted(os.listdir(package)):
            if name.endswith(".py"):
                bundle.write(os.path.join(package, name), os.path.join("winnow_spark", name))
    spark.sparkContext.addPyFile(archive)
    return folder


def main(argv):
    arguments = parser().parse_args(argv)
    spark = SparkSession.builder.appName("winnow").getOrCreate()
    shipped = None
    try:
        shipped = ship_package(spark)
        command = run if arguments.command == "run" else report
        command(spark, arguments, log=lambda message: print(message, file=sys.stderr))
    except (input_files.InputError, pipelines.PipelineError, FileExistsError, OutputMissing, ValueError,
            winnow.WinnowFailed) as error:
        print(f"winnow_spark: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
        if shipped is not None:
            shutil.rmtree(shipped, ignore_errors=True)
    return 0
