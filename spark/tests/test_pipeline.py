"""Checks of a pipeline file the driver makes before any Spark work: no Spark session needed, the binary
(WINNOW_BINARY, default .build/debug/winnow) is run here as a task would run it.

Run with scripts/test-spark, or alone: python -m unittest discover -s spark/tests -t spark -k test_pipeline"""
import json
import os
import sys
import tempfile
import unittest
from types import SimpleNamespace
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))

from winnow_spark import binary as winnow  # noqa: E402
from winnow_spark import cli  # noqa: E402
from winnow_spark import inputs  # noqa: E402
from winnow_spark import paths  # noqa: E402
from winnow_spark import pipeline as pipelines  # noqa: E402
from winnow_spark import stages  # noqa: E402

BINARY = os.path.abspath(os.environ.get("WINNOW_BINARY", os.path.join(ROOT, ".build", "debug", "winnow")))


def ask(arguments, files=None):
    """The binary's answer, as `cli.asker` gets it from a task."""
    return winnow.answer(BINARY, arguments, files)


def write(folder, steps, name="two.yaml", text=None):
    """A pipeline file of `steps` (JSON, which the binary's YAML reader reads), or of `text` as given."""
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text if text is not None else json.dumps({"version": 1, "steps": steps}))
    return path


def load(steps):
    with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
        return pipelines.load(write(folder, steps), ask)


def resolved(text):
    """A pipeline file's text as the binary reads it."""
    with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
        return pipelines.load(write(folder, None, text=text), ask)[1]


class SideFilePaths(unittest.TestCase):
    def test_two_steps_naming_one_side_file_are_refused(self):
        """Two steps naming one side file, spelled alike or not, and across kinds: refused as `winnow run`
        refuses them, naming both steps."""
        for steps in ([{"templates": {"summary": "s.json"}}, {"templates": {"summary": "./s.json"}}],
                      [{"neardup": {"clusters": "c.jsonl"}}, "normalize", {"neardup": {"assignments": "c.jsonl"}}]):
            with self.subTest(steps=steps):
                with self.assertRaises(pipelines.PipelineError) as raised:
                    load(steps + ["report"])
                message = str(raised.exception)
                self.assertIn(f"step {len(steps)} ", message)
                self.assertIn("step 1 ", message)
                self.assertIn("give each side file a path of its own", message)

    def test_the_job_refuses_them_before_any_spark_work(self):
        """`run` fails on such a pipeline before it touches Spark (it is given no session) or the output."""
        with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
            path = write(folder, [{"templates": {"summary": "s.json"}}, {"templates": {"summary": "s.json"}}])
            arguments = SimpleNamespace(pipeline=path, inputs=[path], output=os.path.join(folder, "out"), partitions=2,
                                        binary="winnow", unordered=False)
            with mock.patch.object(winnow, "ask", lambda spark, binary, arguments, files=None: ask(arguments, files)):
                with self.assertRaises(pipelines.PipelineError):
                    cli.run(None, arguments, log=lambda message: None)
            self.assertFalse(os.path.exists(arguments.output))

    def test_options_without_values_are_refused(self):
        """An option given no value, text or not, and the report's too, is refused when the pipeline is
        loaded, as the binary refuses it (not read as the default, which the driver reads for some)."""
        for steps in ([{"templates": {"repeat_pages": None}}], [{"templates": {"summary": None}}],
                      ["neardup", {"report": {"clusters_with_text": None}}]):
            with self.subTest(steps=steps):
                with self.assertRaises(pipelines.PipelineError) as raised:
                    load(steps)
                self.assertIn("has no value: give one ('' for empty text)", str(raised.exception))
        load([{"templates": {"summary": "", "repeat_pages": 5}}, "report"])

    def test_distinct_or_unnamed_side_files_load(self):
        """Files of their own, or none named (the report's, numbered per step on the cluster), are fine."""
        _, _, segments, report = load([{"templates": {"summary": "a.json"}}, {"templates": {"summary": "b.json"}},
                                       {"neardup": {"clusters": "c.jsonl", "assignments": "a.jsonl"}},
                                       {"neardup": {"clusters": ""}}, "templates", "report"])
        self.assertEqual([segment.number for segment in segments], [1, 2, 3, 4, 5])
        self.assertEqual(report, resolved('{"version": 1, "steps": [{"report": {}}]}')["steps"][0],
                         "a bare report step, every option at its default")


class OriginNames(unittest.TestCase):
    def test_an_input_given_again_is_numbered_past_names_other_inputs_have(self):
        """As the binary names them (`RecordReader.sourceNames`): a file named a.jsonl#2 keeps its name."""
        self.assertEqual(inputs.origin_names(["a.jsonl", "a.jsonl", "a.jsonl#2", "a.jsonl"]),
                         ["a.jsonl", "a.jsonl#3", "a.jsonl#2", "a.jsonl#4"])
        self.assertEqual(inputs.origin_names(["b", "b", "c"]), ["b", "b#2", "c"])
        # RecordReaderTests.anInputGivenAgainIsNotNamedLikeAnotherInput's case.
        given = ["a.jsonl", "a.jsonl", "a.jsonl#2", "a.jsonl", "a.jsonl#3", "a.jsonl#2"]
        self.assertEqual(inputs.origin_names(given),
                         ["a.jsonl", "a.jsonl#4", "a.jsonl#2", "a.jsonl#5", "a.jsonl#3", "a.jsonl#2#2"])

    def test_a_name_that_is_not_utf8_is_refused(self):
        """The binary reads it under a \\xHH spelling; the cluster path refuses it clearly."""
        with tempfile.TemporaryDirectory(prefix="winnow-spark-inputs-") as folder:
            with open(os.path.join(os.fsencode(folder), b"caf\xe9.jsonl"), "wb") as handle:
                handle.write(b'{"id":"a","text":"x"}\n')
            with self.assertRaises(inputs.InputError) as raised:
                inputs.resolve([folder])
            self.assertIn("not UTF-8", str(raised.exception))

    def test_inputs_the_cluster_would_misread_are_refused(self):
        """HTML named on its own, and a gzip file whose name does not end in .gz (Spark decompresses by
        the name, the binary by the content): `winnow run` decodes them, the cluster would read their
        bytes as lines. (Web archives are read whole: test_archives.)"""
        with tempfile.TemporaryDirectory(prefix="winnow-spark-inputs-") as folder:
            import gzip
            cases = {"page.html": b"<p>x</p>", "packed.jsonl": gzip.compress(b'{"text":"x"}\n')}
            for name, data in cases.items():
                with self.subTest(name=name):
                    path = os.path.join(folder, name)
                    with open(path, "wb") as handle:
                        handle.write(data)
                    with self.assertRaises(inputs.InputError):
                        inputs.resolve([path])
                    os.remove(path)
            path = os.path.join(folder, "fine.jsonl.gz")
            with open(path, "wb") as handle:
                handle.write(gzip.compress(b'{"text":"x"}\n'))
            self.assertEqual(inputs.resolve([path]), [(path, path)])

    def test_a_name_holding_a_line_break_is_refused(self):
        """The tasks get the inputs' names one a line: such a name would shift every later one."""
        with tempfile.TemporaryDirectory(prefix="winnow-spark-inputs-") as folder:
            path = os.path.join(folder, "x\ny.jsonl")
            with open(path, "wb") as handle:
                handle.write(b'{"id":"a","text":"x"}\n')
            for given in (path, folder):
                with self.assertRaises(inputs.InputError) as raised:
                    inputs.resolve([given])
                self.assertIn("line break", str(raised.exception))

    def test_linked_folders_are_read_once(self):
        """As `winnow run` follows them: a link back up is not followed again, and of two links to one
        folder the first in bytewise order is read."""
        with tempfile.TemporaryDirectory(prefix="winnow-spark-inputs-") as folder:
            for name in ("d/sub", "other"):
                os.makedirs(os.path.join(folder, name))
            for name in ("d/a.jsonl", "other/b.jsonl"):
                with open(os.path.join(folder, name), "wb") as handle:
                    handle.write(b'{"text":"x"}\n')
            os.symlink("..", os.path.join(folder, "d", "sub", "up"))
            os.symlink("../other", os.path.join(folder, "d", "link2"))
            os.symlink("../other", os.path.join(folder, "d", "link1"))
            top = os.path.join(folder, "d")
            self.assertEqual([name for _, name in inputs.resolve([top])],
                             [top + "/a.jsonl", top + "/link1/b.jsonl"])

    def test_glob_characters_in_a_name_are_read_as_written(self):
        """Hadoop reads a path as a glob: `x[1].jsonl` would read `x1.jsonl`. The name goes to Spark escaped."""
        self.assertEqual(paths.literal("/d/x[1].jsonl"), "/d/x\\[1\\].jsonl")
        self.assertEqual(paths.literal("q?{a,b}*.jsonl"), "q\\?\\{a,b\\}\\*.jsonl")
        self.assertEqual(paths.literal("plain/name.jsonl"), "plain/name.jsonl")


class FileShape(unittest.TestCase):
    def test_what_winnow_run_refuses_is_refused(self):
        """A pipeline of corpus stages alone never reaches the binary's parser: the driver checks the file's
        shape as `PipelineDefinition.parse` does."""
        cases = {"unknown key": {"version": 1, "stepz": 1, "steps": ["exact"]},
                 "version 2": {"version": 2, "steps": ["exact"]}, "no version": {"steps": ["exact"]},
                 "two stages in a step": {"version": 1, "steps": [{"exact": {}, "templates": {}}]},
                 "steps not a list": {"version": 1, "steps": "exact"}}
        with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
            path = os.path.join(folder, "p.yaml")
            for name, definition in cases.items():
                with self.subTest(name=name):
                    with open(path, "w", encoding="utf-8") as handle:
                        json.dump(definition, handle)
                    with self.assertRaises(pipelines.PipelineError) as raised:
                        pipelines.load(path, ask)
                    self.assertTrue(str(raised.exception).startswith(path + ": "), str(raised.exception))

    def test_an_unnamed_pipeline_is_named_after_its_file(self):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
            path = os.path.join(folder, "tf.yaml")
            with open(path, "w", encoding="utf-8") as handle:
                json.dump({"version": 1, "steps": ["exact"]}, handle)
            self.assertEqual(pipelines.load(path, ask)[0], "tf")
            self.assertEqual(load(["exact"])[0], "two")


class ReportStep(unittest.TestCase):
    def test_a_report_step_must_be_the_last(self):
        """As `winnow run` requires: the report reads the finished run's outputs."""
        for steps in (["report", "exact"], ["exact", "report", "report"]):
            with self.subTest(steps=steps):
                with self.assertRaises(pipelines.PipelineError) as raised:
                    load(steps)
                self.assertIn("must be the last step", str(raised.exception))

    def test_a_bare_report_step_has_every_option_at_its_default(self):
        report = load(["exact", "report"])[3]["report"]
        self.assertEqual(report["members_with_text"], 10)
        self.assertEqual(sorted(report), ["clusters_with_text", "folder", "max_text_bytes", "members_with_text"])


class AskingTheBinary(unittest.TestCase):
    def test_a_relative_binary_path_is_found_from_where_the_task_runs(self):
        """The binary runs in a private folder; a relative --binary still names it from the task's folder."""
        status, output, errors = winnow.answer(os.path.relpath(BINARY), ["stages", "--options", "exact"])
        self.assertEqual(status, 0, errors)
        self.assertEqual(json.loads(output), {"keep": "longest"})

    def test_a_binary_that_is_not_winnow_is_named_as_the_cause(self):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
            other = os.path.join(folder, "other")
            with open(other, "w", encoding="utf-8") as handle:
                handle.write("#!/bin/sh\necho hello\n")
            os.chmod(other, 0o755)
            path = write(folder, ["exact"])
            with self.assertRaises(pipelines.PipelineError) as raised:
                pipelines.load(path, lambda arguments, files=None: winnow.answer(other, arguments, files))
            self.assertIn("is --binary a winnow binary of this version?", str(raised.exception))
            with self.assertRaises(pipelines.PipelineError) as raised:
                pipelines.load(path, lambda arguments, files=None: winnow.answer(other + "-missing", arguments, files))
            self.assertTrue(str(raised.exception).startswith("cannot run the winnow binary"), str(raised.exception))

    def test_an_empty_report_setting_is_refused_as_the_binary_refuses_it(self):
        arguments = SimpleNamespace(output="/nonexistent", settings=[""], report_folder=None, partitions=0, binary=BINARY)
        with self.assertRaises(pipelines.PipelineError) as raised:
            cli.report(None, arguments)
        self.assertIn("write KEY=VALUE", str(raised.exception))


class Spellings(unittest.TestCase):
    """The driver reads a pipeline file as the binary does, and hands each option back in a form the binary
    reads as the same value: nothing a YAML reader of its own would read otherwise."""

    def test_the_file_is_read_as_the_binary_reads_it(self):
        definition = resolved("version: 1\nsteps:\n  - templates:\n      anchor_share: 7e-1\n      site_field: on\n"
                              "      removed_lines_field: 0x10\n      prose_words: .inf\n  - neardup:\n"
                              "      seed: 18446744073709551615\n")
        templates = definition["steps"][0]["templates"]
        self.assertEqual((templates["anchor_share"], templates["site_field"], templates["removed_lines_field"]),
                         (0.7, "on", "0x10"))
        self.assertEqual(templates["prose_words"], float("inf"))
        self.assertEqual(definition["steps"][1]["neardup"]["seed"], 2 ** 64 - 1)

    def test_options_handed_back_are_read_as_the_same_values(self):
        """Through `--set` (the corpus stages) and through the partial pipeline file (the document stages),
        with text YAML would read as line breaks, refuse, or take for another type."""
        odd = "a\u2028b\u0085c\x7fd\ufeffe \U0001F600 \"q\" \\ #x: [y] \t on"
        spelled = '"a\\u2028b\\x85c\\x7fd\\ufeffe \\U0001F600 \\"q\\" \\\\ #x: [y] \\t on"'
        text = (f"version: 1\nname: {spelled}\nsteps:\n  - clean: {{charset_field: {spelled}}}\n"
                f"  - normalize: {{unicode: nfkc}}\n"
                f"  - templates: {{site_field: {spelled}, removed_lines_field: '7e-1', prose_words: 1e300}}\n")
        definition = resolved(text)
        templates = definition["steps"][2]["templates"]
        self.assertEqual(templates["site_field"], odd)
        for options in (templates, dict(templates, prose_words=float("inf"))):
            status, output, errors = ask(["stages", "--options", "templates"] + stages.set_flags(options))
            self.assertEqual(status, 0, errors)
            self.assertEqual(json.loads(output), options)
        segment = pipelines.Segment(definition["steps"][:2])
        again = resolved(pipelines.document_pipeline(definition, segment))
        self.assertEqual(again["steps"], definition["steps"][:2])
        self.assertEqual(again["name"], odd)

    def test_the_binarys_refusal_names_the_file(self):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-pipeline-") as folder:
            path = write(folder, [{"exact": {"keep": "bigest"}}], name="-odd.yaml")
            with self.assertRaises(pipelines.PipelineError) as raised:
                pipelines.load(path, ask)
            self.assertTrue(str(raised.exception).startswith(path + ": step 1: invalid options for stage 'exact'"),
                            str(raised.exception))
            with self.assertRaises(pipelines.PipelineError) as raised:
                pipelines.load(os.path.join(folder, "none.yaml"), ask)
            self.assertIn("cannot read the pipeline file", str(raised.exception))


class SideFileLines(unittest.TestCase):
    def test_assignments_are_the_binarys_bytes_whatever_the_ids_hold(self):
        """The driver makes the assignments file's lines from the clusters file's: they must be the lines
        `winnow run` writes, escapes included (Python writes backspace and form feed otherwise)."""
        odd = "".join(chr(code) for code in range(0x20)) + '"\\/\u007f\u0080\u2028\ufeff\\b\\f é'
        text = " ".join(f"word{index}" for index in range(60))
        records = [{"id": f"{odd} {index}", "text": text} for index in range(3)]
        with tempfile.TemporaryDirectory(prefix="winnow-spark-lines-") as folder:
            corpus = os.path.join(folder, "in.jsonl")
            with open(corpus, "w", encoding="utf-8") as handle:
                handle.writelines(json.dumps(record) + "\n" for record in records)
            clusters, assignments = os.path.join(folder, "clusters.jsonl"), os.path.join(folder, "assignments.jsonl")
            status, _, error = winnow.answer(BINARY, ["neardup", corpus, "-o", os.path.join(folder, "out.jsonl"), "-q",
                                                      "--set", f"clusters={clusters}", "--set", f"assignments={assignments}"])
            self.assertEqual(status, 0, error)
            with open(clusters, "rb") as handle:
                body = [line for line in handle.read().splitlines()
                        if not line.startswith(b'{"format"') and not line.startswith(b'{"end_of_file"')]
            with open(assignments, "rb") as handle:
                expected = sorted(handle.read().splitlines())
        self.assertEqual(len(body), 1)
        made = sorted(line.encode("utf-8") for line in stages._assignment_lines(body[0]))
        self.assertEqual(len(made), 3)
        self.assertEqual(made, expected)


if __name__ == "__main__":
    unittest.main()
