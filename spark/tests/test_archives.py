"""Web archives on the cluster give `winnow run`'s outputs: small WARC and WET files built here (gzip per
record, gzip over the whole file, plain, WET, one cut short) beside a JSONL input, through the default
pipeline's steps at 3 partitions (read through Hadoop), corpus stages first at 3 and no stage at 2: the same
cleaned, removed and rejects lines, byte for byte and in order, and the same stats.json counts.

Run with scripts/test-spark, or alone: python -m unittest discover -s spark/tests -t spark -k test_archives"""
import gzip
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest
from types import SimpleNamespace
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

import local_spark  # noqa: E402

from winnow_spark import archives  # noqa: E402
from winnow_spark import cli  # noqa: E402
from winnow_spark import inputs as input_files  # noqa: E402

BINARY = os.path.abspath(os.environ.get("WINNOW_BINARY", os.path.join(ROOT, ".build", "debug", "winnow")))
WORDS = ("river stone market garden letter window harbor meadow lantern violin thunder orchard pepper "
         "silver canyon maple engine rocket candle marble saddle tunnel ribbon falcon basket copper").split()
# Timings, where outputs went, and `winnow run`'s own machinery (its passes, its spool), which a cluster run has none of.
IGNORED = ("wall_seconds", "outputs", "passes", "spooled_bytes")


def setUpModule():
    global SPARK, WORK
    SPARK = local_spark.start("winnow-spark-archive-tests", "local[2]")
    WORK = tempfile.mkdtemp(prefix="winnow-spark-archives-")


def tearDownModule():
    SPARK.stop()
    shutil.rmtree(WORK, ignore_errors=True)


def story(rng, sentences=6):
    return " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(sentences))


def page(title, paragraphs):
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<html><head><title>{title}</title></head><body><nav>Home | About | Contact</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>All rights reserved.</footer></body></html>").encode()


def record(kind, block, uri=None, headers=()):
    """One WARC record's bytes, its blank-line end included; its id made from its content."""
    digest = hashlib.sha256(f"{kind} {uri} ".encode() + block).hexdigest()
    fields = [("WARC-Type", kind), ("WARC-Record-ID", f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"),
              ("WARC-Date", "2024-05-01T10:00:00Z")]
    if uri:
        fields.append(("WARC-Target-URI", uri))
    fields += list(headers)
    if kind in ("response", "request"):
        fields.append(("Content-Type", f"application/http; msgtype={kind}"))
    fields.append(("Content-Length", str(len(block))))
    head = "WARC/1.0\r\n" + "".join(f"{key}: {value}\r\n" for key, value in fields) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def response(uri, body, status="200 OK", content_type="text/html; charset=utf-8", extra=""):
    return record("response", f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}\r\n".encode() + body, uri)


def crawl(rng, host, shared):
    """A crawl's records: pages (one sharing `shared`'s text, near-duplicate of a JSONL document), and
    the records `winnow run` skips or rejects."""
    records = [record("warcinfo", b"software: tests\r\n"),
               record("request", b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n", f"http://{host}/")]
    for number in range(3):
        paragraphs = [story(rng) for _ in range(3)]
        if number == 0:
            paragraphs = shared
        records.append(response(f"http://{host}/page/{number}", page(f"{host} story {number}", paragraphs)))
    records += [response(f"http://{host}/missing", b"<html>gone</html>", status="404 Not Found"),
                response(f"http://{host}/old", b"", status="301 Moved Permanently", extra=f"Location: http://{host}/\r\n"),
                response(f"http://{host}/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
                record("metadata", b"fetchTimeMs: 12\r\n", f"http://{host}/"),
                response(f"http://{host}/br", b"\x0b\x02\x80nope", extra="Content-Encoding: br\r\n")]
    return records


def wet(rng, host, shared):
    """WET conversion records, one of them the shared text."""
    records = [record("warcinfo", b"software: tests\r\n")]
    for number, text in enumerate(["\n".join(shared), story(rng), story(rng)]):
        records.append(record("conversion", text.encode(), f"http://{host}/text/{number}",
                              headers=[("Content-Type", "text/plain"), ("WARC-Identified-Content-Language", "eng")]))
    return records


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return path


def build(folder):
    """The inputs: a folder of archives and a JSONL shard, and a WET file of its own given twice."""
    rng = random.Random(117)
    shared = [story(rng) for _ in range(3)]
    crawl_folder = os.path.join(folder, "crawl")
    per_record = b"".join(gzip.compress(data, mtime=0) for data in crawl(rng, "a.example", shared))
    write(os.path.join(crawl_folder, "a.warc.gz"), per_record)
    write(os.path.join(crawl_folder, "b.warc.gz"), gzip.compress(b"".join(crawl(rng, "b.example", shared)), mtime=0))
    plain = crawl(rng, "c.example", [story(rng) for _ in range(3)])
    write(os.path.join(crawl_folder, "c.warc"), b"".join(plain[:3]) + b"stray bytes\r\n" + b"".join(plain[3:]))
    # Cut inside its last gzip member: the records before the cut are kept.
    cut = b"".join(gzip.compress(data, mtime=0) for data in crawl(rng, "d.example", [story(rng) for _ in range(3)]))
    write(os.path.join(crawl_folder, "d.warc.gz"), cut[:-25])
    # Near-duplicate of the shared text (a word changed), and documents of its own.
    near = " ".join(shared).replace("river", "rivers", 1) if "river" in " ".join(shared) else " ".join(shared) + " Extra."
    lines = [{"id": "j1", "url": "http://e.example/1", "text": near},
             {"id": "j2", "url": "http://e.example/2", "text": story(rng)}]
    write(os.path.join(crawl_folder, "e.jsonl"), b"".join(json.dumps(line).encode() + b"\n" for line in lines) + b"{broken\n")
    text = write(os.path.join(folder, "texts.wet"), b"".join(wet(rng, "f.example", shared)))
    # A plain archive whose name does not say so: read as one by its first bytes.
    named = write(os.path.join(folder, "g.data"), b"".join(crawl(rng, "g.example", [story(rng) for _ in range(3)])))
    return [crawl_folder, text, named, text]


def pipeline(folder, steps):
    """Pipelines/default.yaml with only the steps named in `steps`, in their order there."""
    resolved = json.loads(subprocess.run([BINARY, "stages", "--resolve", os.path.join(ROOT, "Pipelines", "default.yaml")],
                                         check=True, capture_output=True).stdout)
    resolved["steps"] = [step for step in resolved["steps"] if next(iter(step)) in steps]
    path = os.path.join(folder, "-".join(steps) + ".yaml")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(resolved, handle)
    return path


def lines(path):
    with open(path, "rb") as handle:
        return handle.read().splitlines()


def part_lines(folder):
    return [line for name in sorted(os.listdir(folder)) if name.startswith("part-")
            for line in lines(os.path.join(folder, name))]


def run_local(path, inputs, output):
    os.makedirs(output)
    cleaned = os.path.join(output, "cleaned.jsonl")
    subprocess.run([BINARY, "run", path, *inputs, "-o", cleaned, "--stats", os.path.join(output, "stats.json"), "-q",
                    "--temp-dir", output], check=True, stderr=subprocess.DEVNULL)
    with open(os.path.join(output, "stats.json"), encoding="utf-8") as handle:
        summary = json.load(handle)
    return {"cleaned": lines(cleaned), "removed": lines(os.path.join(output, "cleaned.removed.jsonl")),
            "rejects": lines(os.path.join(output, "cleaned.rejects.jsonl")), "summary": summary}


def run_spark(path, inputs, output, partitions):
    arguments = SimpleNamespace(pipeline=path, inputs=inputs, output=output, partitions=partitions, binary=BINARY,
                                unordered=False)
    cli.run(SPARK, arguments, log=lambda message: None)
    with open(os.path.join(output, "stats.json"), encoding="utf-8") as handle:
        summary = json.load(handle)
    return {kind: part_lines(os.path.join(output, kind)) for kind in ("cleaned", "removed", "rejects")} | {"summary": summary}


def comparable(summary):
    """A summary without its timings and output paths."""
    selected = {key: value for key, value in summary.items() if key not in IGNORED}
    selected["stages"] = [{key: value for key, value in stage.items() if key != "seconds"} for stage in summary["stages"]]
    return selected


class ArchivesMatchOneMachine(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="case-", dir=WORK)
        cls.inputs = build(cls.folder)

    def check(self, steps, partitions, name, remote=()):
        path = pipeline(self.folder, steps)
        local = run_local(path, self.inputs, os.path.join(self.folder, name + "-local"))
        self.assertTrue(local["summary"]["skipped"] and local["summary"]["rejected"], local["summary"])
        for count in partitions:
            with self.subTest(partitions=count):
                output = os.path.join(self.folder, f"{name}-spark-{count}")
                if count in remote:
                    # Read through Hadoop (binaryFiles) as a file on another file system is.
                    with mock.patch.object(archives, "opened_in_task", lambda path: None):
                        cluster = run_spark(path, self.inputs, output, count)
                else:
                    cluster = run_spark(path, self.inputs, output, count)
                for kind in ("cleaned", "removed", "rejects"):
                    self.assertEqual(cluster[kind], local[kind], f"{kind} differs")
                self.assertEqual(comparable(cluster["summary"]), comparable(local["summary"]))
        return local

    def test_the_default_pipelines_steps(self):
        """Clean, normalize, exact, templates and neardup over archives of every kind and a JSONL shard:
        the near-duplicate pair across an archive and the JSONL input is one cluster, as in `winnow run`.
        The archives are read through Hadoop (binaryFiles), as a file on another file system is, and
        handed to the binary as copies; the other tests open them where they are."""
        local = self.check(("clean", "normalize", "exact", "templates", "neardup"), (3,), "default", remote=(3,))
        reasons = local["summary"]["skipped_by_reason"]
        self.assertTrue({"warcinfo", "request", "metadata", "http_4xx", "http_3xx", "not_html"} <= set(reasons), reasons)
        # The JSONL document near the archives' shared page is in their cluster, removed by neardup.
        self.assertTrue(any(b'"id":"j1"' in line and b'"removed_by":"neardup"' in line for line in local["removed"]))

    def test_a_pipeline_starting_with_corpus_stages(self):
        """Exact and neardup first: archives are decoded as `winnow run` decodes them before a corpus
        stage (text required: WET documents kept, WARC pages rejected as missing text)."""
        self.check(("exact", "neardup"), (3,), "corpus-first")

    def test_a_pipeline_with_no_stage(self):
        """Every record read and checked, as `winnow run` reads it, and written as it writes it."""
        self.check((), (2,), "passthrough")


class ArchiveInputs(unittest.TestCase):
    def test_archives_are_told_by_name_or_first_bytes(self):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-archive-names-") as folder:
            plain = write(os.path.join(folder, "x.data"), b"\r\nWARC/1.1\r\nWARC-Type: warcinfo\r\n")
            packed = write(os.path.join(folder, "y.gz"), gzip.compress(b"WARC/1.0\r\n"))
            lines_file = write(os.path.join(folder, "z.jsonl"), b'{"text":"x"}\n')
            self.assertTrue(archives.is_archive(plain) and archives.is_archive(packed))
            self.assertTrue(archives.is_archive("hdfs://n/crawl/x.WARC.GZ"))
            self.assertFalse(archives.is_archive(lines_file) or archives.is_archive("hdfs://n/crawl/x.jsonl"))
            self.assertEqual(archives.local_path("file:///d/x.warc"), "/d/x.warc")
            self.assertIsNone(archives.local_path("s3a://bucket/x.warc"))

    def test_html_files_are_still_refused(self):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-archive-names-") as folder:
            path = write(os.path.join(folder, "page.html"), b"<p>x</p>")
            with self.assertRaises(input_files.InputError) as raised:
                input_files.resolve([path])
            self.assertIn("HTML files", str(raised.exception))
