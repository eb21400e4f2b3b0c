"""The cluster path gives `winnow run`'s outputs: for a generated corpus in 7 shards, the default pipeline
and each corpus stage alone give the same sorted lines of
cleaned, removed and rejects, and the same summary counts, with 3 and with 11 partitions; the templates
summary is `winnow run`'s with 1, 3 and 7 partitions; a binary that crashes on one record fails the job
and leaves no output.

Run with scripts/test-spark (one Spark session, local[2], for the whole run). WINNOW_BINARY names the
binary (default: .build/debug/winnow)."""
import gzip
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
import zlib
from types import SimpleNamespace
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

import corpus  # noqa: E402
import local_spark  # noqa: E402

from winnow_spark import binary as winnow_binary  # noqa: E402
from winnow_spark import cli  # noqa: E402
from winnow_spark import inputs as input_files  # noqa: E402
from winnow_spark import pipeline as pipelines  # noqa: E402
from winnow_spark import stages  # noqa: E402

BINARY = os.path.abspath(os.environ.get("WINNOW_BINARY", os.path.join(ROOT, ".build", "debug", "winnow")))
PAGES = int(os.environ.get("WINNOW_SPARK_TEST_PAGES", "1500"))
STAGE_COUNTS = ("stage", "documents_in", "documents_out", "removed", "removed_sharing_id", "text_bytes_in", "text_bytes_out")
RUN_COUNTS = ("pipeline", "records", "kept", "removed", "rejected", "rejected_by_reason", "skipped", "skipped_by_reason",
              "input_bytes", "output_bytes")


def setUpModule():
    global SPARK, WORK, SHARDS
    # Two cores; a failed task is tried up to three times, as on a cluster (plain local[2] never retries).
    SPARK = local_spark.start("winnow-spark-tests", "local[2,3]")
    WORK = tempfile.mkdtemp(prefix="winnow-spark-test-")
    SHARDS = corpus.write_shards(WORK, PAGES, shards=7)


def tearDownModule():
    SPARK.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def read_pipeline(path):
    """A pipeline file as the binary reads it (`winnow stages --resolve`): every option of every step."""
    return json.loads(subprocess.run([BINARY, "stages", "--resolve", path], check=True, capture_output=True).stdout)


def write_pipeline(path, definition):
    """Writes a pipeline file as JSON, which the binary's YAML reader reads."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(definition, handle, ensure_ascii=False)


def pipeline(name, keep):
    """Pipelines/default.yaml with only the steps named in `keep`, written into the work folder."""
    definition = read_pipeline(os.path.join(ROOT, "Pipelines", "default.yaml"))
    definition["steps"] = [step for step in definition["steps"] if next(iter(step)) in keep]
    path = os.path.join(WORK, name + ".yaml")
    write_pipeline(path, definition)
    return path


def lines(path):
    with open(path, "rb") as handle:
        return handle.read().splitlines()


def part_lines(folder):
    found = []
    for name in sorted(os.listdir(folder)):
        if name.startswith("part-"):
            found += lines(os.path.join(folder, name))
    return found


def counts(summary):
    selected = {key: summary[key] for key in RUN_COUNTS}
    selected["stages"] = [{key: stage[key] for key in STAGE_COUNTS} for stage in summary["stages"]]
    return selected


def run_local(pipeline_path, name):
    """`winnow run` of the pipeline over the shards into WORK/name: its outputs' lines and summary."""
    output = os.path.join(WORK, name, "cleaned.jsonl")
    os.makedirs(os.path.dirname(output), exist_ok=True)
    stats = os.path.join(WORK, name, "stats.json")
    subprocess.run([BINARY, "run", pipeline_path, *SHARDS, "-o", output, "--stats", stats, "-q"],
                   check=True, stderr=subprocess.DEVNULL)
    with open(stats, encoding="utf-8") as handle:
        summary = json.load(handle)
    return {"cleaned": lines(output), "removed": lines(output[:-len(".jsonl")] + ".removed.jsonl"),
            "rejects": lines(output[:-len(".jsonl")] + ".rejects.jsonl"), "summary": summary}


class ClusterMatchesOneMachine(unittest.TestCase):
    def run_spark(self, pipeline_path, name, partitions, binary=BINARY):
        output = os.path.join(WORK, name)
        arguments = SimpleNamespace(pipeline=pipeline_path, inputs=SHARDS, output=output, partitions=partitions,
                                    binary=binary, unordered=False)
        cli.run(SPARK, arguments, log=lambda message: None)
        with open(os.path.join(output, "stats.json"), encoding="utf-8") as handle:
            summary = json.load(handle)
        return {kind: part_lines(os.path.join(output, kind)) for kind in ("cleaned", "removed", "rejects")} | {"summary": summary}

    def check_pipeline(self, name, steps):
        path = pipeline(name, steps)
        local = run_local(path, name + "-local")
        self.assertGreater(len(local["cleaned"]), PAGES // 2)
        for partitions in (3, 11):
            with self.subTest(partitions=partitions):
                cluster = self.run_spark(path, f"{name}-spark-{partitions}", partitions)
                for kind in ("cleaned", "removed", "rejects"):
                    self.assertEqual(sorted(cluster[kind]), sorted(local[kind]), f"{kind} differs")
                # The cleaned output comes back in `winnow run`'s order (input order), and so does the removed
                # one here, where no two stages of one pass remove documents (the cluster's is in input order
                # per step; `winnow run` groups by pass and batch).
                self.assertEqual(cluster["cleaned"], local["cleaned"])
                self.assertEqual(cluster["removed"], local["removed"])
                self.assertEqual(cluster["rejects"], local["rejects"])
                self.assertEqual(counts(cluster["summary"]), counts(local["summary"]))
        return local

    def test_default_pipeline(self):
        local = self.check_pipeline("default", ("clean", "normalize", "exact", "templates", "neardup"))
        summary = local["summary"]
        self.assertGreater(summary["removed"], 0)
        self.assertGreater(summary["rejected"], 0)
        templates = next(stage for stage in summary["stages"] if stage["stage"] == "templates")
        self.assertGreater(templates["text_bytes_in"], templates["text_bytes_out"])
        self.assertTrue(any(b"duplicate_of" in line for line in local["removed"]))

    def test_passthrough(self):
        """No stage: every record is still read and checked by the binary (the corpus holds malformed
        lines), with `winnow run`'s rejects and counts."""
        local = self.check_pipeline("passthrough", ())
        self.assertGreater(local["summary"]["rejected"], 0)

    def test_exact_alone(self):
        local = self.check_pipeline("exact", ("exact",))
        self.assertTrue(any(b"duplicate_of_origin" in line for line in local["removed"]),
                        "the corpus should hold copies that share the kept document's id")

    def test_neardup_alone(self):
        local = self.check_pipeline("neardup", ("neardup",))
        self.assertTrue(any(b'"removed_reason":"near-duplicate"' in line for line in local["removed"]))

    def test_neardup_side_files(self):
        """The clusters and assignments files a pipeline asks for: part-file folders in the output folder,
        holding `winnow run`'s lines."""
        folder = os.path.join(WORK, "side-files")
        os.makedirs(folder, exist_ok=True)
        path = pipeline("side-files", ("neardup",))
        definition = read_pipeline(path)
        definition["steps"][0]["neardup"].update(clusters=os.path.join(folder, "clusters.jsonl"),
                                                 assignments=os.path.join(folder, "assignments.jsonl"))
        write_pipeline(path, definition)
        run_local(path, "side-files-local")
        body = [line for line in lines(os.path.join(folder, "clusters.jsonl"))
                if not line.startswith(b'{"format"') and not line.startswith(b'{"end_of_file"')]
        self.assertGreater(len(body), 10)
        output = os.path.join(WORK, "side-files-spark")
        cli.run(SPARK, SimpleNamespace(pipeline=path, inputs=SHARDS, output=output, partitions=5, binary=BINARY,
                                       unordered=False), log=lambda message: None)
        clusters = os.path.join(output, "clusters")
        for name in sorted(os.listdir(clusters)):
            if name.startswith("part-"):
                part = lines(os.path.join(clusters, name))
                self.assertEqual((part[0], part[-1]), (lines(os.path.join(folder, "clusters.jsonl"))[0],
                                                       b'{"end_of_file":%d}' % (len(part) - 2)))
        self.assertEqual(sorted(line for line in part_lines(clusters) if not line.startswith(b'{"format"')
                                and not line.startswith(b'{"end_of_file"')), sorted(body))
        self.assertEqual(sorted(part_lines(os.path.join(output, "assignments"))),
                         sorted(lines(os.path.join(folder, "assignments.jsonl"))))
        with open(os.path.join(output, "stats.json"), encoding="utf-8") as handle:
            self.assertTrue(json.load(handle)["outputs"]["clusters"].endswith("/clusters"))

    def test_report(self):
        """The report step, made in steps on the cluster (map per output part, clusters per partition of
        the rows grouped by cluster, page on the driver over the summed rows): `winnow run`'s report.json
        (counts, cluster sizes, largest clusters, sites, warnings), its cluster-list.jsonl and clusters.csv
        byte for byte as part files. The corpus holds exact copies and clusters whose kept
        copies share an id, which both reports say."""
        path = pipeline("report", ("exact", "neardup", "report"))
        local = run_local(path, "report-local")
        self.assertTrue(any(b'"removed_reason":"near-duplicate"' in line for line in local["removed"]))
        local_folder = os.path.join(WORK, "report-local", "cleaned.report")
        partitions = 2  # two partitions found a kept copy chosen by the order of the outputs
        cluster = self.run_spark(path, f"report-spark-{partitions}", partitions)
        self.assertEqual(sorted(cluster["removed"]), sorted(local["removed"]))
        spark_folder = os.path.join(WORK, f"report-spark-{partitions}", "report")
        reports = []
        for folder in (local_folder, spark_folder):
            with open(os.path.join(folder, "report.json"), encoding="utf-8") as handle:
                reports.append(json.load(handle))
        self.assertGreater(len(reports[0]["largest_clusters"]), 10)
        self.assertTrue(any(listed["kind"] == "exact" for listed in reports[0]["largest_clusters"]))
        self.assertTrue(any("share their id" in warning for warning in reports[0]["warnings"]), reports[0]["warnings"])
        for key in ("documents", "cluster_sizes", "largest_clusters", "sites", "warnings"):
            self.assertEqual(reports[1][key], reports[0][key], f"report.json's {key} differ")
        self.assertEqual(part_lines(os.path.join(spark_folder, "cluster-list.jsonl")),
                         lines(os.path.join(local_folder, "cluster-list.jsonl")))
        # Each cluster's members in the removed output's order, which is `winnow run`'s on the cluster too.
        self.assertEqual(part_lines(os.path.join(spark_folder, "clusters.csv")),
                         lines(os.path.join(local_folder, "clusters.csv")))
        with open(os.path.join(spark_folder, "report.html"), encoding="utf-8") as handle:
            self.assertIn("near-duplicate clusters", handle.read())

    def test_templates_alone(self):
        self.check_pipeline("templates", ("templates",))

    def test_templates_summary_is_the_same_at_any_partitioning(self):
        """The templates summary the report step asks for: at 1, 3 and 7 partitions, the part files of
        OUTPUT/templates/ (each a header, site lines, an end line) hold the sites of `winnow run`'s summary,
        with the same figures, lines, page counts and spellings (the corpus spells one header line two
        ways; summary_lines 2 cuts ties by text), and the two reports list the same sites."""
        path = pipeline("summary", ("clean", "normalize", "templates", "report"))
        definition = read_pipeline(path)
        definition["steps"][2]["templates"]["summary_lines"] = 2
        write_pipeline(path, definition)
        local = run_local(path, "summary-local")
        local_report = os.path.join(WORK, "summary-local", "cleaned.report")
        with open(os.path.join(local_report, "templates.json"), encoding="utf-8") as handle:
            expected = json.load(handle)["sites"]
        self.assertGreater(len(expected), 100)
        texts = [line["text"] for site in expected for line in site["template_lines"]]
        self.assertTrue(any("DAILY" in text for text in texts) and any("Daily" in text for text in texts), texts[:20])
        self.assertTrue(all(len(site["template_lines"]) <= 2 for site in expected))
        for partitions in (1, 3, 7):
            with self.subTest(partitions=partitions):
                cluster = self.run_spark(path, f"summary-spark-{partitions}", partitions)
                self.assertEqual(sorted(cluster["removed"]), sorted(local["removed"]))
                self.assertEqual(self.summary_sites(os.path.join(WORK, f"summary-spark-{partitions}", "templates")),
                                 expected)
                reports = []
                for folder in (local_report, os.path.join(WORK, f"summary-spark-{partitions}", "report")):
                    with open(os.path.join(folder, "report.json"), encoding="utf-8") as handle:
                        reports.append(json.load(handle))
                self.assertEqual(reports[1]["sites"], reports[0]["sites"])
                self.assertEqual(len(reports[1]["sites"]), len(expected))

    def summary_sites(self, folder):
        """The sites of a templates summary folder's part files (each a header, site lines, an end line),
        in the order `winnow run`'s summary lists them."""
        sites = []
        for name in sorted(os.listdir(folder)):
            if name.startswith("part-"):
                part = lines(os.path.join(folder, name))
                self.assertEqual((part[0], part[-1]), (b'{"format":"winnow.template-summary","version":2}',
                                                       b'{"end_of_file":%d}' % (len(part) - 2)))
                sites += [json.loads(line) for line in part[1:-1]]
        return sorted(sites, key=lambda site: site["site"].encode("utf-8"))

    def test_two_templates_steps_write_a_summary_each(self):
        """Two templates steps naming a summary each: `winnow run` writes both files and its report reads
        the last one's (which its run summary records). The cluster writes each step's summary into a
        folder of its own, named by the step's number in the pipeline (OUTPUT/templates-step3/ and
        OUTPUT/templates-step4/), holding that step's sites; stats.json and the report name the last."""
        folder = os.path.join(WORK, "two-summaries")
        os.makedirs(folder, exist_ok=True)
        path = pipeline("two-summaries", ("clean", "normalize", "templates", "report"))
        definition = read_pipeline(path)
        clean, normalize, templates, report = definition["steps"]
        # The first step removes only lines on 90% of a site's pages, the second what remains of the rest.
        first = dict(templates["templates"], summary=os.path.join(folder, "first.json"), anchor_share=0.9)
        second = dict(templates["templates"], summary=os.path.join(folder, "second.json"))
        definition["steps"] = [clean, normalize, {"templates": first}, {"templates": second}, report]
        write_pipeline(path, definition)
        local = run_local(path, "two-summaries-local")
        expected = []
        for name in ("first", "second"):
            with open(os.path.join(folder, name + ".json"), encoding="utf-8") as handle:
                expected.append(json.load(handle)["sites"])
        removed = [[line for site in sites for line in site["template_lines"]] for sites in expected]
        self.assertTrue(removed[0] and removed[1] and removed[0] != removed[1], "the two steps should remove different lines")
        self.assertEqual(local["summary"]["outputs"]["template_summary"], os.path.join(folder, "second.json"))
        cluster = self.run_spark(path, "two-summaries-spark", 3)
        for kind in ("cleaned", "removed", "rejects"):
            self.assertEqual(sorted(cluster[kind]), sorted(local[kind]), f"{kind} differs")
        output = os.path.join(WORK, "two-summaries-spark")
        self.assertEqual(self.summary_sites(os.path.join(output, "templates-step3")), expected[0])
        self.assertEqual(self.summary_sites(os.path.join(output, "templates-step4")), expected[1])
        self.assertFalse(os.path.exists(os.path.join(output, "templates")))
        self.assertTrue(cluster["summary"]["outputs"]["template_summary"].endswith("/templates-step4"))
        reports = []
        for report_folder in (os.path.join(WORK, "two-summaries-local", "cleaned.report"), os.path.join(output, "report")):
            with open(os.path.join(report_folder, "report.json"), encoding="utf-8") as handle:
                reports.append(json.load(handle))
        self.assertEqual(reports[1]["sites"], reports[0]["sites"])

    def test_two_templates_steps_feed_the_report_a_summary_each(self):
        """Two templates steps naming no summary, with a report step: `winnow run` writes each step's into
        its report folder by step number (templates-step3.json, templates-step4.json), the cluster into
        OUTPUT/templates-step3/ and OUTPUT/templates-step4/, with the same sites; both reports read the last."""
        path = pipeline("two-feeds", ("clean", "normalize", "templates", "report"))
        definition = read_pipeline(path)
        clean, normalize, templates, report = definition["steps"]
        first = dict(templates["templates"], anchor_share=0.9)
        definition["steps"] = [clean, normalize, {"templates": first}, templates, report]
        write_pipeline(path, definition)
        local = run_local(path, "two-feeds-local")
        local_report = os.path.join(WORK, "two-feeds-local", "cleaned.report")
        self.assertEqual(sorted(name for name in os.listdir(local_report) if name.startswith("templates")),
                         ["templates-step3.json", "templates-step4.json"])
        self.assertEqual(local["summary"]["outputs"]["template_summary"], os.path.join(local_report, "templates-step4.json"))
        cluster = self.run_spark(path, "two-feeds-spark", 3)
        output = os.path.join(WORK, "two-feeds-spark")
        for number in (3, 4):
            with open(os.path.join(local_report, f"templates-step{number}.json"), encoding="utf-8") as handle:
                expected = json.load(handle)["sites"]
            self.assertEqual(self.summary_sites(os.path.join(output, f"templates-step{number}")), expected)
        self.assertTrue(cluster["summary"]["outputs"]["template_summary"].endswith("/templates-step4"))
        reports = []
        for report_folder in (local_report, os.path.join(output, "report")):
            with open(os.path.join(report_folder, "report.json"), encoding="utf-8") as handle:
                reports.append(json.load(handle))
        self.assertEqual(reports[1]["sites"], reports[0]["sites"])

    def test_two_neardup_steps_write_their_clusters_each(self):
        """Two neardup steps naming a clusters and an assignments file each: the cluster writes each
        step's files into folders of their own (OUTPUT/clusters-step1/, OUTPUT/clusters-step2/, and the
        same for assignments), holding that step's lines of `winnow run`'s files."""
        folder = os.path.join(WORK, "two-neardups")
        os.makedirs(folder, exist_ok=True)
        path = pipeline("two-neardups", ("neardup",))
        definition = read_pipeline(path)
        options = definition["steps"][0]["neardup"]
        # The first step joins only pairs alike on their own, the second what remains at the defaults.
        first = dict(options, threshold=0.95, containment=0, clusters=os.path.join(folder, "clusters-1.jsonl"),
                     assignments=os.path.join(folder, "assignments-1.jsonl"))
        second = dict(options, clusters=os.path.join(folder, "clusters-2.jsonl"),
                      assignments=os.path.join(folder, "assignments-2.jsonl"))
        definition["steps"] = [{"neardup": first}, {"neardup": second}]
        write_pipeline(path, definition)
        local = run_local(path, "two-neardups-local")
        cluster = self.run_spark(path, "two-neardups-spark", 3)
        self.assertEqual(sorted(cluster["removed"]), sorted(local["removed"]))
        output = os.path.join(WORK, "two-neardups-spark")

        def body(found):
            return sorted(line for line in found if not line.startswith(b'{"format"') and not line.startswith(b'{"end_of_file"'))
        expected = [body(lines(os.path.join(folder, f"clusters-{number}.jsonl"))) for number in (1, 2)]
        self.assertTrue(expected[0] and expected[1] and expected[0] != expected[1], "both steps should find clusters")
        for number in (1, 2):
            self.assertEqual(body(part_lines(os.path.join(output, f"clusters-step{number}"))), expected[number - 1])
            self.assertEqual(sorted(part_lines(os.path.join(output, f"assignments-step{number}"))),
                             sorted(lines(os.path.join(folder, f"assignments-{number}.jsonl"))))
        self.assertFalse(os.path.exists(os.path.join(output, "clusters")))
        self.assertTrue(cluster["summary"]["outputs"]["clusters"].endswith("/clusters-step2"))

    def test_a_crashing_binary_fails_the_job_and_writes_nothing(self):
        poisoned = os.path.join(WORK, "poisoned")
        os.makedirs(poisoned, exist_ok=True)
        wrapper = os.path.join(poisoned, "crashing-winnow")
        with open(wrapper, "w", encoding="utf-8") as handle:
            handle.write(f"""#!{sys.executable}
# Passes its input to winnow, and dies of a segmentation fault at the record that holds the poison.
import os, signal, subprocess, sys
child = subprocess.Popen([{BINARY!r}] + sys.argv[1:], stdin=subprocess.PIPE)
for line in sys.stdin.buffer:
    if b"POISON-PILL" in line:
        child.kill()
        os.kill(os.getpid(), signal.SIGSEGV)
    child.stdin.write(line)
child.stdin.close()
sys.exit(child.wait())
""")
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR)
        shard = os.path.join(poisoned, "shard.jsonl")
        with open(shard, "w", encoding="utf-8") as handle:
            for number in range(200):
                text = "POISON-PILL in this one" if number == 150 else f"page {number} has its own words"
                handle.write(json.dumps({"id": f"p{number}", "text": text}) + "\n")
        output = os.path.join(poisoned, "out")
        arguments = SimpleNamespace(pipeline=pipeline("normalize-only", ("normalize",)), inputs=[shard], output=output,
                                    partitions=3, binary=wrapper, unordered=False)
        with self.assertRaises(Exception) as raised:
            cli.run(SPARK, arguments, log=lambda message: None)
        self.assertIn("winnow exited with status -11", str(raised.exception))
        self.assertFalse(os.path.exists(output))
        self.assertEqual([name for name in os.listdir(poisoned) if name.startswith("out")], [])


class ReportFolder(unittest.TestCase):
    """The report step's folder and options, checked before any work as `winnow run` checks them: the
    report folder is replaced whole, so it must not be the output folder, hold it or an input; other
    files in an existing report folder are kept; an option the binary does not declare, or of another
    type, fails the job with nothing written."""

    def run_job(self, name, report_options, inputs=None):
        folder = os.path.join(WORK, "report-folder", name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "pipeline.yaml")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"version": 1, "steps": [{"exact": {}}, {"report": report_options}]}, handle)
        output = os.path.join(folder, "out")
        arguments = SimpleNamespace(pipeline=path, inputs=inputs or SHARDS[:1], output=output, partitions=2,
                                    binary=BINARY, unordered=False)
        cli.run(SPARK, arguments, log=lambda message: None)
        return folder, output

    def test_folders_that_would_take_inputs_or_outputs_with_them_are_refused(self):
        base = os.path.join(WORK, "report-folder")
        victim = os.path.join(base, "victim")
        os.makedirs(victim, exist_ok=True)
        shutil.copy(SHARDS[0], os.path.join(victim, "input.jsonl"))
        cases = {"holds-input": ({"folder": victim}, [os.path.join(victim, "input.jsonl")]),
                 "is-output": ({"folder": os.path.join(base, "is-output", "out")}, None),
                 "holds-output": ({"folder": os.path.join(base, "holds-output")}, None),
                 "is-cleaned": ({"folder": os.path.join(base, "is-cleaned", "out", "cleaned")}, None),
                 "unknown-option": ({"bogus": 3}, None),
                 "option-of-another-type": ({"clusters_with_text": "many"}, None)}
        for name, (options, inputs) in cases.items():
            with self.subTest(name=name):
                with self.assertRaises(pipelines.PipelineError):
                    self.run_job(name, options, inputs)
                self.assertFalse(os.path.exists(os.path.join(base, name, "out")), "nothing written")
        self.assertEqual(sorted(os.listdir(victim)), ["input.jsonl"])

    def test_a_report_folder_that_is_a_file_is_refused(self):
        """As `winnow run` refuses it: the folder is replaced whole, which would delete the file."""
        target = os.path.join(WORK, "report-folder", "a-file")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write("precious\n")
        with self.assertRaises(pipelines.PipelineError) as raised:
            self.run_job("a-file-job", {"folder": target})
        self.assertIn("not a folder", str(raised.exception))
        with open(target, encoding="utf-8") as handle:
            self.assertEqual(handle.read(), "precious\n")

    def test_other_files_in_an_existing_report_folder_are_kept(self):
        target = os.path.join(WORK, "report-folder", "existing-report")
        os.makedirs(target, exist_ok=True)
        with open(os.path.join(target, "notes.txt"), "w", encoding="utf-8") as handle:
            handle.write("kept\n")
        self.run_job("existing", {"folder": target})
        self.assertEqual(sorted(os.listdir(target)),
                         ["cluster-list.jsonl", "clusters.csv", "notes.txt", "report.html", "report.json"])


class ReportLater(unittest.TestCase):
    """`winnow_spark.py report` on a finished run's output folder writes the report its report step would
    have: `winnow run`'s report.json and cluster-list.jsonl for the same pipeline; a report folder that is
    the output folder or one of its entries, an unknown option, or a folder no run finished is refused
    with nothing written."""

    def report(self, output, folder=None, settings=()):
        arguments = SimpleNamespace(output=output, report_folder=folder, settings=list(settings), partitions=3,
                                    binary=BINARY)
        cli.report(SPARK, arguments, log=lambda message: None)

    def test_a_finished_run_gets_the_report_of_its_report_step(self):
        with_report = pipeline("later-local", ("exact", "neardup", "report"))
        local = run_local(with_report, "later-local")
        output = os.path.join(WORK, "later-spark")
        arguments = SimpleNamespace(pipeline=pipeline("later", ("exact", "neardup")), inputs=SHARDS, output=output,
                                    partitions=2, binary=BINARY, unordered=False)
        cli.run(SPARK, arguments, log=lambda message: None)
        self.assertFalse(os.path.exists(os.path.join(output, "report")))
        self.report(output)
        local_folder = os.path.join(WORK, "later-local", "cleaned.report")
        reports = []
        for folder in (local_folder, os.path.join(output, "report")):
            with open(os.path.join(folder, "report.json"), encoding="utf-8") as handle:
                reports.append(json.load(handle))
        self.assertGreater(local["summary"]["removed"], 0)
        self.assertGreater(len(reports[0]["largest_clusters"]), 10)
        for key in ("documents", "cluster_sizes", "largest_clusters", "warnings"):
            self.assertEqual(reports[1][key], reports[0][key], f"report.json's {key} differ")
        self.assertEqual(part_lines(os.path.join(output, "report", "cluster-list.jsonl")),
                         lines(os.path.join(local_folder, "cluster-list.jsonl")))

        elsewhere = os.path.join(WORK, "later-elsewhere")
        self.report(output, elsewhere, ["clusters_with_text=1"])
        with open(os.path.join(elsewhere, "report.json"), encoding="utf-8") as handle:
            self.assertEqual(json.load(handle)["largest_clusters"], reports[0]["largest_clusters"])
        refused = {"the output folder": (output, ()), "its cleaned output": (os.path.join(output, "cleaned"), ()),
                   "an unknown option": (None, ("bogus=1",)), "no OPTION=VALUE": (None, ("clusters_with_text",))}
        before = sorted(os.listdir(output))
        for name, (folder, settings) in refused.items():
            with self.subTest(name=name):
                with self.assertRaises(pipelines.PipelineError):
                    self.report(output, folder, settings)
                self.assertEqual(sorted(os.listdir(output)), before)
        with self.assertRaises(FileNotFoundError):
            self.report(os.path.join(WORK, "later-nothing"))

    def test_an_output_folder_named_with_glob_characters_and_a_comma_is_read_as_named(self):
        """out,[1]'s report reads out,[1]'s outputs, not those of a sibling out,1 that the glob would match,
        nor the paths out and [1] that a comma would split its name into."""
        path = pipeline("glob-named", ("exact",))
        for name, shards in (("glob,1", SHARDS[:1]), ("glob,[1]", SHARDS[1:3])):
            arguments = SimpleNamespace(pipeline=path, inputs=shards, output=os.path.join(WORK, name), partitions=2,
                                        binary=BINARY, unordered=False)
            cli.run(SPARK, arguments, log=lambda message: None)
        output = os.path.join(WORK, "glob,[1]")
        self.report(output)
        with open(os.path.join(output, "stats.json"), encoding="utf-8") as handle:
            summary = json.load(handle)
        with open(os.path.join(output, "report", "report.json"), encoding="utf-8") as handle:
            documents = json.load(handle)["documents"]
        self.assertEqual((documents["kept"], documents["removed"]), (summary["kept"], summary["removed"]))


class InputBytes(unittest.TestCase):
    def test_input_bytes_are_winnow_runs_without_a_final_line_break_or_with_a_byte_order_mark(self):
        """Each line is counted with its line break; a last line without one, in a file read as it is,
        is counted as `winnow run` counts it (from the file's length); gzip inputs as before. A name with
        glob characters is the one file of that name (not `x1.jsonl` beside it), and an empty gzip file
        an empty input."""
        folder = os.path.join(WORK, "input-bytes")
        os.makedirs(folder, exist_ok=True)
        records = [b'{"id":"a","text":"one two three"}', b'{"id":"b","text":"four five six"}']
        files = {"open-end.jsonl": b"\n".join(records), "marked.jsonl": b"\xef\xbb\xbf" + b"\n".join(records) + b"\n",
                 "empty.jsonl": b"", "x[1].jsonl": records[0] + b"\n", "zero.jsonl.gz": b""}
        with open(os.path.join(folder, "x1.jsonl"), "wb") as handle:
            handle.write(b"\n".join(records * 3) + b"\n")
        paths = []
        for name, data in files.items():
            paths.append(os.path.join(folder, name))
            with open(paths[-1], "wb") as handle:
                handle.write(data)
        path = pipeline("input-bytes", ("normalize",))
        stats = os.path.join(folder, "local-stats.json")
        subprocess.run([BINARY, "run", path, *paths, "-o", os.path.join(folder, "local.jsonl"), "--stats", stats, "-q"],
                       check=True, stderr=subprocess.DEVNULL)
        with open(stats, encoding="utf-8") as handle:
            local = json.load(handle)
        arguments = SimpleNamespace(pipeline=path, inputs=paths, output=os.path.join(folder, "out"), partitions=2,
                                    binary=BINARY, unordered=False)
        cluster = cli.run(SPARK, arguments, log=lambda message: None)
        self.assertEqual(local["input_bytes"], sum(len(data) for data in files.values()))
        self.assertEqual(cluster["input_bytes"], local["input_bytes"])
        self.assertEqual(local["records"], 5)
        self.assertEqual(counts(cluster), counts(local))


class InputNames(unittest.TestCase):
    """Inputs named as `winnow run` names them, also where Hadoop reads a name otherwise."""

    def run_both(self, folder, local_inputs, spark_inputs):
        """`winnow run` on `local_inputs` and the cluster on `spark_inputs`: (local, cluster) each as its
        cleaned lines, parsed rejects and run summary."""
        path = pipeline("input-names", ("normalize",))
        output = os.path.join(folder, "local.jsonl")
        stats = os.path.join(folder, "local-stats.json")
        subprocess.run([BINARY, "run", path, *local_inputs, "-o", output, "--stats", stats, "-q"], check=True,
                       stderr=subprocess.DEVNULL)
        with open(stats, encoding="utf-8") as handle:
            local = (lines(output), [json.loads(line) for line in lines(output[:-len(".jsonl")] + ".rejects.jsonl")],
                     json.load(handle))
        target = os.path.join(folder, "spark")
        summary = cli.run(SPARK, SimpleNamespace(pipeline=path, inputs=spark_inputs, output=target, partitions=2,
                                                 binary=BINARY, unordered=False), log=lambda message: None)
        cluster = (part_lines(os.path.join(target, "cleaned")),
                   [json.loads(line) for line in part_lines(os.path.join(target, "rejects"))], summary)
        return local, cluster

    def test_a_name_hadoop_decompresses_otherwise_than_gzip_is_refused(self):
        """Spark picks a codec by the name (.bz2, .deflate); `winnow run` reads gzip or plain lines by the
        content: a plain file named .bz2 gave no records at all."""
        folder = os.path.join(WORK, "codec-names")
        os.makedirs(folder, exist_ok=True)
        for name in ("plain.bz2", "plain.deflate"):
            with self.subTest(name=name):
                path = os.path.join(folder, name)
                with open(path, "wb") as handle:
                    handle.write(b'{"id":"a","text":"one two"}\n')
                with self.assertRaises(input_files.InputError) as raised:
                    self.run_both(folder, [path], [path])
                self.assertIn("decompresses", str(raised.exception))
                self.assertFalse(os.path.exists(os.path.join(folder, "spark")))

    def test_a_file_uri_of_a_local_folder_is_read_as_the_folder(self):
        """file:///F reads the JSONL files below the local folder F as F does, named URI/RELATIVE (`winnow
        run` takes no URIs; given F it names them F/RELATIVE)."""
        folder = os.path.join(WORK, "folder-uri")
        inputs = os.path.join(folder, "in")
        os.makedirs(os.path.join(inputs, "sub"), exist_ok=True)
        for name, text in {"a.jsonl": b'{"id":"a","text":"one two"}\n', "sub/b.jsonl": b'{"id":"b","text":"three"}\n',
                           "bad.jsonl": b'{"id":"c","text":"four"}\nnot json\n'}.items():
            with open(os.path.join(inputs, name), "wb") as handle:
                handle.write(text)
        local, cluster = self.run_both(folder, [inputs], ["file://" + inputs])
        self.assertEqual(cluster[0], local[0])
        self.assertEqual(len(local[1]), 1)
        self.assertEqual([dict(reject, source="file://" + reject["source"]) for reject in local[1]], cluster[1])
        self.assertEqual(counts(cluster[2]), counts(local[2]))


    def test_names_with_a_colon_beside_glob_characters(self):
        """Names holding a colon (which Hadoop's path parser takes for a URI scheme: in a relative name, in
        the name of a local file's checksum file, and in each name its glob rebuilds) are read as
        `winnow run` reads them, also beside and together with glob characters, in a folder of that name
        too; a relative one is given to Hadoop as ./NAME."""
        folder = os.path.join(WORK, "colon-names")
        inputs = os.path.join(folder, "in")
        os.makedirs(os.path.join(inputs, "d:1"), exist_ok=True)
        files = {"a:b.jsonl": b'{"id":"a","text":"one"}\nnot json\n', "x[1].jsonl": b'{"id":"x","text":"two"}\n',
                 "y:[2].jsonl": b'{"id":"y","text":"three"}\n', "d:1/x[1].jsonl": b'{"id":"d","text":"four"}\n',
                 "g:z.jsonl.gz": gzip.compress(b'{"id":"g","text":"five"}\n')}
        for name, data in files.items():
            with open(os.path.join(inputs, name), "wb") as handle:
                handle.write(data)
        given = [os.path.join(inputs, name) for name in files] + [inputs]
        local, cluster = self.run_both(folder, given, given)
        self.assertEqual(cluster[0], local[0])
        self.assertEqual(len(local[0]), 10)
        self.assertEqual(sorted(json.dumps(reject, sort_keys=True) for reject in cluster[1]),
                         sorted(json.dumps(reject, sort_keys=True) for reject in local[1]))
        self.assertEqual(len(local[1]), 2)
        self.assertEqual(counts(cluster[2]), counts(local[2]))
        from winnow_spark import inputs as input_files
        here = os.getcwd()
        os.chdir(inputs)
        try:
            self.assertEqual(input_files.resolve(["a:b.jsonl", "d:1", "x[1].jsonl"]),
                             [("./a:b.jsonl", "a:b.jsonl"), ("./d:1/x[1].jsonl", "d:1/x[1].jsonl"),
                              ("x[1].jsonl", "x[1].jsonl")])
        finally:
            os.chdir(here)


class DamagedGzip(unittest.TestCase):
    """Damaged gzip inputs read as `winnow run` reads them: a file cut inside its stream (mid-line, at a
    line break, with a byte order mark) or with bytes after its stream keeps every complete line and gives
    one `unreadable` reject at `winnow run`'s line and offset (its raw bytes left out); a gzip file of two
    streams is read whole; a file without a final line break counts `winnow run`'s input bytes; a stream
    whose checksum fails stops the job with nothing written. Only the files whose trailer disagrees with
    their lines are read a second time."""

    @classmethod
    def setUpClass(cls):
        cls.folder = os.path.join(WORK, "damaged-gzip")
        os.makedirs(cls.folder, exist_ok=True)
        records = [json.dumps({"id": str(number), "text": f"word {number} " * 50}).encode() for number in range(2000)]
        whole = gzip.compress(b"\n".join(records) + b"\n")
        stream = zlib.compressobj(6, zlib.DEFLATED, 31)
        flushed = stream.compress(b"\n".join(records[:700]) + b"\n") + stream.flush(zlib.Z_FULL_FLUSH)
        marked = gzip.compress(b"\xef\xbb\xbf" + b"\n".join(records[:900]) + b"\n")
        cls.files = {"cut.jsonl.gz": whole[:len(whole) * 2 // 3], "cut-at-line.jsonl.gz": flushed,
                     "cut-marked.jsonl.gz": marked[:len(marked) // 2], "tail.jsonl.gz": gzip.compress(b"\n".join(records[:100]) + b"\n") + b"garbage!",
                     "two-streams.jsonl.gz": gzip.compress(b"\n".join(records[:300]) + b"\n")
                     + gzip.compress(b"\n".join(records[300:800]) + b"\n"),
                     "open-end.jsonl.gz": gzip.compress(b"\n".join(records[:40])), "whole.jsonl.gz": whole,
                     # Cut inside the header: no trailer to read (the header's zero mtime would read as 0).
                     "header-only.jsonl.gz": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00", "two-bytes.jsonl.gz": b"\x1f\x8b"}
        cls.paths = []
        for name, data in cls.files.items():
            cls.paths.append(os.path.join(cls.folder, name))
            with open(cls.paths[-1], "wb") as handle:
                handle.write(data)
        cls.pipeline = pipeline("damaged-gzip", ("normalize",))

    def test_complete_lines_kept_and_one_reject_each_as_winnow_run(self):
        output = os.path.join(self.folder, "local.jsonl")
        stats = os.path.join(self.folder, "local-stats.json")
        subprocess.run([BINARY, "run", self.pipeline, *self.paths, "-o", output, "--stats", stats, "-q"],
                       check=True, stderr=subprocess.DEVNULL)
        with open(stats, encoding="utf-8") as handle:
            local = json.load(handle)
        local_rejects = [json.loads(line) for line in lines(output[:-len(".jsonl")] + ".rejects.jsonl")]
        target = os.path.join(self.folder, "spark")
        arguments = SimpleNamespace(pipeline=self.pipeline, inputs=self.paths, output=target, partitions=3,
                                    binary=BINARY, unordered=False)
        from winnow_spark import inputs
        with mock.patch.object(inputs, "_verify", wraps=inputs._verify) as verify:
            cluster = cli.run(SPARK, arguments, log=lambda message: None)
        verified = sorted(os.path.basename(call.args[1]) for call in verify.call_args_list)
        self.assertEqual(verified, ["cut-at-line.jsonl.gz", "cut-marked.jsonl.gz", "cut.jsonl.gz", "header-only.jsonl.gz",
                                    "tail.jsonl.gz", "two-bytes.jsonl.gz", "two-streams.jsonl.gz"])
        self.assertEqual(part_lines(os.path.join(target, "cleaned")), lines(output))
        spark_rejects = [json.loads(line) for line in part_lines(os.path.join(target, "rejects"))]

        def placed(rejects):
            return sorted((reject["source"], reject["line"], reject["offset"], reject["reason"]) for reject in rejects)
        self.assertEqual(len(local_rejects), 6)
        self.assertEqual(placed(spark_rejects), placed(local_rejects))
        for reject in spark_rejects:
            self.assertNotIn("raw", reject)
            self.assertIn("what follows the last complete line is lost", reject["message"])
        self.assertEqual(local["rejected_by_reason"], {"unreadable": 6})
        self.assertEqual(counts(cluster), counts(local))

    def test_a_failing_checksum_stops_the_job_as_winnow_run_stops(self):
        whole = bytearray(self.files["whole.jsonl.gz"])
        for index in range(5000, 5010):
            whole[index] ^= 0xFF
        path = os.path.join(self.folder, "flipped.jsonl.gz")
        with open(path, "wb") as handle:
            handle.write(whole)
        local = subprocess.run([BINARY, "run", self.pipeline, path, "-o", os.path.join(self.folder, "flipped.jsonl"), "-q"],
                               stderr=subprocess.PIPE)
        self.assertEqual(local.returncode, 1)
        self.assertIn(b"gzip data is corrupt", local.stderr)
        target = os.path.join(self.folder, "flipped")
        arguments = SimpleNamespace(pipeline=self.pipeline, inputs=[path], output=target, partitions=2,
                                    binary=BINARY, unordered=False)
        from winnow_spark import inputs
        with self.assertRaises(inputs.InputError) as raised:
            cli.run(SPARK, arguments, log=lambda message: None)
        self.assertIn("reading it whole failed", str(raised.exception))
        self.assertFalse(os.path.exists(target))


    def test_a_file_named_gz_that_is_not_gzip_is_refused(self):
        """`winnow run` reads it as it is, Spark would try to decompress it: refused before any work, a local
        file by its first bytes and any other by the probe."""
        path = os.path.join(self.folder, "plain.jsonl.gz")
        with open(path, "wb") as handle:
            handle.write(b'{"id":"p","text":"plain"}\n')
        from winnow_spark import inputs
        with self.assertRaisesRegex(inputs.InputError, "not gzip-compressed"):
            inputs.resolve([path])
        with self.assertRaisesRegex(inputs.InputError, "not gzip-compressed"):
            inputs._probe(SPARK, "file://" + path)

    def test_a_split_read_short_on_the_second_pass_fails_its_task(self):
        """Lines are numbered from the first pass's counts; a split that gives fewer (a read error that
        ignoreCorruptFiles passed over, a file changed meanwhile) fails the task instead of losing them."""
        from winnow_spark import inputs
        frame = inputs._frame({(0, 0): (1, 0), (1, 0): (1, 0)}, {0: {(0, 0): 2, (1, 0): 1}}, set())
        rows = [(0, 0, b"a"), (0, 0, b"b"), (1, 0, b"c")]
        self.assertEqual(len(list(frame(0, rows))), 3)
        with self.assertRaises(IOError):
            list(frame(0, rows[:1] + rows[2:]))
        with self.assertRaises(IOError):
            list(frame(0, rows[:2]))


class JSONDocuments(unittest.TestCase):
    """JSON values written over many lines that an input starts with (its first line a bare `{` or `[`: a
    pretty-printed `.json.gz` in a folder of shards, `jq .`'s stream of objects) give `winnow run`'s reject
    each, found by the driver, and none of their lines reaches the binary, the lines after them do: in gzip
    after a byte order mark with CRLF ends, plain, a stream cut short (its break's reject too), followed by
    JSON Lines, alone; a first line holding more is read line by line as before."""

    DOCUMENT = b'{\n  "type": "module",\n  "modules": [\n    {"text": "fs"}\n  ],\n\n  "desc": "' + b"x" * 5000 + b'"\n}\n'

    def test_first_lines(self):
        line = input_files.document_line
        self.assertEqual(line(b"{\n", False), b"{")
        self.assertEqual(line(b"\xef\xbb\xbf \t[ \r\n  1", False), b" \t[ ")
        self.assertEqual(line(b"{", True), b"{")
        self.assertIsNone(line(b"  {", False))
        self.assertIsNone(line(b"\xef\xbb\xbf", False))
        self.assertEqual(line(b'{\n"modules"', False), b"{")
        for head in (b'{"id":1}\n', b"{}\n", b"\n{\n", b"{{", b"[{", b"x\n", b"\xef\xbb{\n"):
            self.assertIs(line(head, False), False, head)
        self.assertIs(line(b" " * (input_files.MAX_RECORD_BYTES + 1) + b"{\n", False), False)

    def test_one_reject_each_as_winnow_run(self):
        folder = os.path.join(WORK, "json-documents")
        os.makedirs(os.path.join(folder, "api"), exist_ok=True)
        records = [json.dumps({"id": str(number), "text": f"word {number} " * 20}).encode() for number in range(300)]
        whole = gzip.compress(self.DOCUMENT * 200)
        files = {"api/fs.json.gz": gzip.compress(b"\xef\xbb\xbf" + self.DOCUMENT.replace(b"\n", b"\r\n")),
                 "api/list.jsonl": b" \t[ \r\n" + b",\n".join(records[:50]) + b"\n]\n",
                 "api/shard.jsonl": b"\n".join(records[50:]) + b"\nnot json\n",
                 "api/near.jsonl": b'{"id": "n",\n"text": "near"}\n',
                 "api/then.jsonl": b'{\n "a": 1\n}\n' + records[0] + b"\n{\n" + records[1] + b"\n",
                 "cut.json.gz": whole[:len(whole) // 2]}
        for name, data in files.items():
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(data)
        path = pipeline("json-documents", ("normalize",))
        for name, given in (("all", [os.path.join(folder, "api"), os.path.join(folder, "cut.json.gz")]),
                            ("alone", [os.path.join(folder, "api", "fs.json.gz")])):
            with self.subTest(inputs=name):
                output = os.path.join(folder, name + ".jsonl")
                stats = os.path.join(folder, name + "-stats.json")
                subprocess.run([BINARY, "run", path, *given, "-o", output, "--stats", stats, "-q"], check=True,
                               stderr=subprocess.DEVNULL)
                with open(stats, encoding="utf-8") as handle:
                    local = json.load(handle)
                local_rejects = lines(output[:-len(".jsonl")] + ".rejects.jsonl")
                target = os.path.join(folder, name + "-spark")
                arguments = SimpleNamespace(pipeline=path, inputs=given, output=target, partitions=3, binary=BINARY,
                                            unordered=False)
                cluster = cli.run(SPARK, arguments, log=lambda message: None)
                spark_rejects = part_lines(os.path.join(target, "rejects"))
                self.assertEqual(part_lines(os.path.join(target, "cleaned")), lines(output))
                # The break's reject differs as DamagedGzip says (Hadoop's message, no raw); every other
                # reject is `winnow run`'s line, byte for byte.
                def placed(rejects):
                    return [(reject["source"], reject["line"], reject["offset"], reject["reason"])
                            for reject in map(json.loads, rejects)]
                self.assertEqual(placed(spark_rejects), placed(local_rejects))
                self.assertEqual([line for line in spark_rejects if b'"unreadable"' not in line],
                                 [line for line in local_rejects if b'"unreadable"' not in line])
                self.assertEqual(counts(cluster), counts(local))
                documents = [reject for reject in map(json.loads, local_rejects) if reject["reason"] == "not_json_lines"]
                if name == "all":
                    placed = [(os.path.basename(reject["source"]), reject["line"], reject["raw"]) for reject in documents]
                    self.assertEqual(placed[:3], [("fs.json.gz", 1, "{"), ("list.jsonl", 1, " \t[ "), ("then.jsonl", 1, "{")])
                    # The stream cut short: a reject for each object, the last one's lines up to the break.
                    stream = documents[3:]
                    self.assertGreater(len(stream), 50)
                    self.assertEqual([reject["line"] for reject in stream], [1 + 8 * index for index in range(len(stream))])
                    self.assertIn("that the input ends inside", stream[-1]["message"])
                    self.assertEqual(local["rejected_by_reason"],
                                     {"not_json_lines": 3 + len(stream), "malformed_json": 4, "unreadable": 1})
                    self.assertEqual(local["kept"], 252)
                else:
                    self.assertEqual((local["records"], local["rejected"], len(documents)), (1, 1, 1))


class RetriedTasksGiveTheSameOutput(unittest.TestCase):
    def test_every_step_failing_once(self):
        """A binary that fails the first call of every step (a lost executor, a killed task): Spark runs
        those tasks again, and the outputs are still `winnow run`'s."""
        folder = os.path.join(WORK, "retried")
        os.makedirs(folder, exist_ok=True)
        wrapper = os.path.join(folder, "flaky-winnow")
        with open(wrapper, "w", encoding="utf-8") as handle:
            handle.write(f"""#!{sys.executable}
# Fails the first call of each subcommand (after reading a little of its input), then runs winnow.
import os, sys
marker = os.path.join({folder!r}, "failed-" + "-".join(argument for argument in sys.argv[1:3] if argument.isalpha()))
try:
    os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
    sys.stdin.buffer.read(1000)
    sys.exit(3)
except FileExistsError:
    os.execv({BINARY!r}, [{BINARY!r}] + sys.argv[1:])
""")
        os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IXUSR)
        shards = corpus.write_shards(folder, 300, shards=3, seed=5)
        path = pipeline("retried", ("clean", "normalize", "exact", "templates", "neardup"))
        output = os.path.join(folder, "local.jsonl")
        subprocess.run([BINARY, "run", path, *shards, "-o", output, "-q"], check=True, stderr=subprocess.DEVNULL)
        arguments = SimpleNamespace(pipeline=path, inputs=shards, output=os.path.join(folder, "spark"), partitions=3,
                                    binary=wrapper, unordered=False)
        cli.run(SPARK, arguments, log=lambda message: None)
        failed = sorted(name[len("failed-"):] for name in os.listdir(folder) if name.startswith("failed-"))
        self.assertEqual(failed, ["exact-apply", "exact-map", "neardup-apply", "neardup-link", "neardup-map",
                                  "neardup-pairs", "run", "stages", "templates-apply", "templates-map"])
        self.assertEqual(part_lines(os.path.join(folder, "spark", "cleaned")), lines(output))
        self.assertEqual(sorted(part_lines(os.path.join(folder, "spark", "removed"))),
                         sorted(lines(output[:-len(".jsonl")] + ".removed.jsonl")))


class AskingTheBinary(unittest.TestCase):
    def test_a_binary_that_crashes_in_every_try_is_one_clear_error(self):
        """The driver's questions (`winnow stages --resolve`) run in a task: a binary killed in every try
        ends as a WinnowFailed with its status, which the command line prints as one line."""
        folder = os.path.join(WORK, "asked")
        os.makedirs(folder, exist_ok=True)
        crashing = os.path.join(folder, "crashing-winnow")
        with open(crashing, "w", encoding="utf-8") as handle:
            handle.write("#!/bin/sh\nkill -SEGV $$\n")
        os.chmod(crashing, 0o755)
        with self.assertRaises(winnow_binary.WinnowFailed) as raised:
            winnow_binary.ask(SPARK, crashing, ["stages", "--options", "exact"])
        self.assertIn("winnow exited with status -11 (stages --options exact)", str(raised.exception))
        status, output, _ = winnow_binary.ask(SPARK, BINARY, ["stages", "--options", "exact"])
        self.assertEqual((status, json.loads(output)), (0, {"keep": "longest"}))


class OutputPartsInOrder(unittest.TestCase):
    def test_the_report_reads_parts_in_name_order(self):
        """Hadoop lists a folder in no set order; the report numbers an output's rows by their part, so it
        reads the parts in name order, whatever order the file system lists them in."""
        from winnow_spark import report as reports
        from winnow_spark.outputs import Folder
        folder = os.path.join(WORK, "parts-in-order")
        os.makedirs(os.path.join(folder, "removed"), exist_ok=True)
        for number in reversed(range(12)):
            with open(os.path.join(folder, "removed", f"part-{number:05d}"), "w", encoding="utf-8") as handle:
                handle.write(f"line 1 of part {number}\nline 2 of part {number}\n")
        with open(os.path.join(folder, "stats.json"), "w", encoding="utf-8") as handle:
            handle.write("{}")
        lines = reports.parts_in_order(SPARK.sparkContext, Folder(SPARK, folder, finished=True), folder + "/removed")
        indexed = lines.mapPartitionsWithIndex(lambda index, rows: [(index, row) for row in rows]).collect()
        self.assertEqual([row for _, row in indexed],
                         [f"line {line} of part {number}".encode() for number in range(12) for line in (1, 2)])
        self.assertEqual([index for index, _ in indexed], sorted(index for index, _ in indexed))


class ComponentsMatchUnionFind(unittest.TestCase):
    def test_random_graphs_and_a_long_chain(self):
        from winnow_spark.components import connected_components
        import random
        for seed in range(3):
            rng = random.Random(seed)
            edges = [(rng.randrange(300), rng.randrange(300)) for _ in range(rng.choice([50, 150, 280]))]
            edges += [(node, node + 1) for node in range(400, 460)]
            parent = {}

            def find(node):
                while parent.get(node, node) != node:
                    node = parent[node]
                return node
            for a, b in edges:
                first, second = find(a), find(b)
                if first != second:
                    parent[max(first, second)] = min(first, second)
            expected = {node: find(node) for edge in edges if edge[0] != edge[1] for node in edge}
            found = connected_components(SPARK.createDataFrame(edges, "src long, dst long")).collect()
            self.assertEqual({row.node: row.component for row in found}, expected, f"seed {seed}")



class TemplateSummaryMerge(unittest.TestCase):
    """The merge of summary parts, without Spark: any grouping and order of a site's parts gives one line."""

    def test_any_grouping_and_order_gives_the_same_site_line(self):
        import functools
        import itertools
        from winnow_spark import template_summary as summary
        parts = [
            b'{"site":"s.example","pages":9,"bytes_in":100,"pages_changed":2,"pages_removed":0,"bytes_removed":30,'
            b'"lines":[["00000000000000a1",9,"Home | World"],["ffffffffffffffff",4,"zebra line"]]}',
            b'{"site":"s.example","pages":9,"bytes_in":50,"pages_changed":1,"pages_removed":1,"bytes_removed":50,'
            b'"lines":[["00000000000000a1",9,"HOME | WORLD"],["0000000000000002",4,"apple line"]]}',
            b'{"site":"s.example","pages":9,"bytes_in":7,"pages_changed":0,"pages_removed":0,"bytes_removed":0,"lines":[]}',
        ]
        tallies = [summary.site_rows(part)[0][1] for part in parts]
        self.assertEqual(summary.site_rows(summary.PART_HEADER) + summary.site_rows(b'{"end_of_file":3}'), [])
        with self.assertRaises(summary.SummaryPartError):
            summary.site_rows(b'{"format":"winnow.template-summary-part","version":99}')
        results = {summary.site_line("s.example", functools.reduce(summary.merge, order), 2)
                   for order in itertools.permutations(tallies)}
        results.add(summary.site_line("s.example", summary.merge(tallies[0], summary.merge(tallies[1], tallies[2])), 2))
        self.assertEqual(len(results), 1)
        self.assertEqual(json.loads(results.pop()), {
            "site": "s.example", "pages": 9, "bytes_in": 157, "pages_changed": 3, "pages_removed": 1, "bytes_removed": 80,
            "template_lines": [{"pages": 9, "text": "HOME | WORLD"}, {"pages": 4, "text": "apple line"}]})


class RowsStayHome(unittest.TestCase):
    """Side rows reach a partition's documents without moving them, and signatures cross shuffles as bytes."""

    def test_side_rows_meet_placed_documents_in_place(self):
        framed = SPARK.sparkContext.parallelize([((f"shard-{i % 5}", i), b"doc %d" % i) for i in range(60)], 4)
        records = stages.spread(framed, 3)
        documents = stages._keyed_documents(records, stages.DOCUMENT)
        self.assertIs(documents.partitionBy(3, stages._partition_of), documents)
        side = SPARK.sparkContext.parallelize([((p, stages.KEEPERS), f"side {p}".encode()) for p in (2, 0, 1, 0)], 2)
        grouped = stages._beside(side, documents, 3)
        lineage = grouped.toDebugString()
        lineage = lineage.decode() if isinstance(lineage, bytes) else lineage
        # A narrow union of the side rows' shuffle and the spread's: the documents move no further.
        self.assertIn("PartitionerAwareUnionRDD", lineage)
        self.assertEqual(lineage.count("ShuffledRDD"), 2, lineage)
        placed = records.glom().collect()
        for index, rows in enumerate(grouped.glom().collect()):
            self.assertEqual([key for key, _ in rows], sorted(key for key, _ in rows))
            self.assertEqual([value for key, value in rows if key[1] == stages.DOCUMENT], placed[index])
            self.assertEqual(sum(1 for key, _ in rows if key[1] == stages.KEEPERS), 2 if index == 0 else 1)

    def test_packed_signature_lines_come_back_exactly(self):
        line = (b'{"id":"a \\"b\\",\\"signature\\":\\"","source":"s.jsonl","line":7,"rank":"ff01","shingles":3,'
                b'"fingerprint":"0123456789abcdef","signature":"00ce19a3ffffffff","sketch":"0000000100abcdef",'
                b'"bands":["00ce19a3ffffffff"]}')
        sources = ["other.jsonl", "s.jsonl"]
        packed = stages._packed_signature(line, {name: number for number, name in enumerate(sources)})
        self.assertEqual(packed, ((b'"a \\"b\\",\\"signature\\":\\""', 1, 7, b"\xff\x01", 3, bytes.fromhex("0123456789abcdef")),
                                  bytes.fromhex("00ce19a3ffffffff"), bytes.fromhex("0000000100abcdef")))
        names = stages._source_names(sources)
        self.assertEqual(stages._signature_line(packed, names), line[:line.rindex(b',"bands":[')] + b"}")
        self.assertEqual(stages._signature_line(packed, names, "1,27"),
                         line[:line.rindex(b',"bands":[')] + b',"judge_bands":"1,27"}')
        self.assertEqual(stages._origin(packed), (1, 7))
        # An input name JSON may spell otherwise comes back as the same name.
        spelled = line.replace(b'"s.jsonl"', b'"s\\u002ejsonl \\u00e9"')
        sources[1] = "s.jsonl \u00e9"
        again = stages._signature_line(stages._packed_signature(spelled, {"s.jsonl \u00e9": 1}), stages._source_names(sources))
        self.assertEqual(json.loads(again), json.loads(spelled[:spelled.rindex(b',"bands":[')] + b"}"))
        with self.assertRaises(RuntimeError):
            stages._packed_signature(line.replace(b'"shingles":3', b'"shingles":3,"new":1'), {"s.jsonl": 0})

if __name__ == "__main__":
    unittest.main()
