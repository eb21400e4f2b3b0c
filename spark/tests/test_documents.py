"""The driver's reading of JSON values written over many lines (`winnow_spark.documents`) against the
binary's: no Spark session needed, the binary (WINNOW_BINARY, default .build/debug/winnow) reads the same
inputs as `winnow run`.

Run with scripts/test-spark, or alone: python -m unittest discover -s spark/tests -t spark -k test_documents"""
import json
import os
import random
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))

from winnow_spark import documents  # noqa: E402

BINARY = os.path.abspath(os.environ.get("WINNOW_BINARY", os.path.join(ROOT, ".build", "debug", "winnow")))
LIMIT = 64 << 20


def scanned(data, cut=False):
    """The driver's spans and covered line for `data`, read in small pieces (ending in a read error when
    `cut`)."""
    pieces = [data[start:start + 7] for start in range(3, len(data), 7)]

    class Broken(Exception):
        pass

    def read_some(size):
        if pieces:
            return pieces.pop(0)
        if cut:
            raise Broken()
        return b""
    return documents.scan(data[:3], read_some, LIMIT, lambda error: isinstance(error, Broken))


def records_after(data, covered):
    """The lines after `covered` that the binary counts as records: not blank (spaces and tabs, a CR at
    the end, a byte order mark on line 1)."""
    count = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        if number <= covered:
            continue
        content = line[:-1] if line.endswith(b"\r") else line
        if number == 1 and content.startswith(b"\xef\xbb\xbf"):
            content = content[3:]
        if content.translate(None, b" \t"):
            count += 1
    return count


def random_input(generator):
    """Pretty-printed values (whole, damaged or cut), JSON Lines, stray brackets and blank lines."""
    def value(depth=0):
        kind = generator.randrange(6 if depth < 3 else 3)
        if kind == 0:
            return generator.choice([1, -2.5e3, True, None, "x", 'a "}] \\ b', "é"])
        if kind in (1, 2):
            return generator.choice(["text", 7])
        if kind == 3:
            return [value(depth + 1) for _ in range(generator.randrange(3))]
        return {f"k{index}": value(depth + 1) for index in range(generator.randrange(3))}
    parts = []
    for _ in range(generator.randrange(1, 5)):
        kind = generator.randrange(8)
        if kind < 4:
            top = {"id": "p", "v": value()} if kind < 3 else [value(), value()]
            text = json.dumps(top, indent=generator.choice([1, 2, 4]), ensure_ascii=False)
            lines = text.split("\n")
            if generator.random() < 0.3:
                del lines[generator.randrange(len(lines))]
            if generator.random() < 0.2:
                lines.insert(generator.randrange(len(lines) + 1), "")
            parts.append("\n".join(lines))
        elif kind < 6:
            parts.append(json.dumps({"id": str(generator.random()), "text": "a line"}))
        elif kind == 6:
            parts.append(generator.choice(["{", "[", " [ ", "}", "]", "", "  "]))
        else:
            parts.append(generator.choice(['{"a": 1,', '"b": 2}', "1,", "not json"]))
    ending = "\r\n" if generator.random() < 0.2 else "\n"
    data = ending.join(parts).encode("utf-8")
    return data + (ending.encode() if generator.random() < 0.8 else b"")


class DriverReadsAsTheBinary(unittest.TestCase):
    def run_binary(self, folder, files):
        names = []
        for index, data in enumerate(files):
            name = os.path.join(folder, f"in-{index:04d}.jsonl")
            with open(name, "wb") as handle:
                handle.write(data)
            names.append(name)
        output = os.path.join(folder, "out.jsonl")
        subprocess.run([BINARY, "normalize", *names, "-o", output, "--stats", os.path.join(folder, "stats.json"), "-q"],
                       check=True, stderr=subprocess.DEVNULL)
        with open(os.path.join(folder, "out.rejects.jsonl"), "rb") as handle:
            rejects = [json.loads(line) for line in handle if line.strip()]
        with open(os.path.join(folder, "stats.json"), encoding="utf-8") as handle:
            stats = json.load(handle)
        return names, rejects, stats

    def check(self, files):
        with tempfile.TemporaryDirectory(prefix="winnow-spark-documents-") as folder:
            names, rejects, stats = self.run_binary(folder, files)
            expected, records = [], 0
            for name, data in zip(names, files):
                spans, covered = scanned(data)
                expected += [span.reject(name) for span in spans]
                records += len(spans) + records_after(data, covered)
                self.assertEqual(covered, spans[-1].last if spans else 0)
            found = [reject for reject in rejects if reject["reason"] == "not_json_lines"]
            self.assertEqual(found, expected)
            self.assertEqual(stats["records"], records)

    def test_chosen_inputs(self):
        pretty = b'{\n "id":"p1",\n "text":"x"\n}\n'
        lines = b"".join(b'{"id":"a%d","text":"line %d"}\n' % (number, number) for number in range(50))
        self.check([
            pretty + lines,  # the lines after a pretty-printed object are read
            pretty * 3 + b"\n[\n  1,\n  [2, {\"a\": \"]}\\\"\"}]\n]\n" + lines,  # jq's stream, an array
            b"{\n" + lines,  # a stray bracket: a line of its own
            b"[\n" + lines,  # ... whose next line continues it: one value up to the line that cannot
            b'{\n "a": "x\n"}\n',  # a string over two lines
            b'\xef\xbb\xbf \t{ \r\n  "a": 1\r\n}\r\n' + lines,  # a byte order mark, CRLF ends
            b"\n{\n}\n",  # a blank first line: JSON Lines
            b'{\n "a": 1\n}}\n{\n "b": 2\n',  # any other line ends the looking
            b'{\n "a": 1\n\n{\n "b": 2\n',  # the line that cannot continue a value opens the next
            b'{\n "a": [1,\n\n',  # the input ends inside
            b"[" * 600 + b"\n",  # too deep for a line of its own
            b"[\n" + b"[\n" * 600 + b"]\n" * 601,  # too deep over many lines
        ])

    def test_random_inputs(self):
        generator = random.Random(20261207)
        self.check([random_input(generator) for _ in range(400)])

    def test_a_cut_input_ends_the_value(self):
        spans, covered = scanned(b'{\n "a": 1\n}\n{\n "b": [\n  2,\n  3', cut=True)
        self.assertEqual([(span.number, span.last, span.ending) for span in spans],
                         [(1, 3, ("closed",)), (4, 6, ("cut",))])
        self.assertEqual(covered, 6)


if __name__ == "__main__":
    unittest.main()
