#!/usr/bin/env python3
"""Helper of scripts/bench-html: resolves the input set, runs one peer extractor, prints the table.

    bench_html.py prepare SET|PATH WORK [LIMIT]   writes WORK/input.env (shell-quoted KEY=value lines)
                                                   and WORK/input.json (the same, for `table`)
    bench_html.py extract resiliparse|trafilatura INPUT OUT.jsonl
    bench_html.py table WORK TOOL...               Markdown table from WORK/TOOL.{times,f1,words}
    bench_html.py per-type WORK TOOL...            page-type table from WORK/TOOL.{f1,words}.types

`prepare` and `table` use the standard library only and run under any python3; `extract` runs in
the peers' venv and imports only the one extractor it times.
"""
import gzip
import json
import os
import re
import shlex
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")

# Named sets: (kind, input, truth). "folder" is a folder of <id>.html.gz pages, "jsonl" a
# pages.jsonl.gz with "id" and "html" per line.
SETS = {
    "articles": ("folder", f"{EVAL}/articles/html", f"{EVAL}/articles/ground-truth.json"),
    "wcxb": ("folder", f"{EVAL}/wcxb-dev/html", f"{EVAL}/wcxb-dev/ground-truth.json"),
    "python-docs": ("jsonl", f"{EVAL}/sites/python-docs/pages.jsonl.gz", f"{EVAL}/sites/python-docs/truth.json"),
    "sqlite-docs": ("jsonl", f"{EVAL}/sites/sqlite-docs/pages.jsonl.gz", f"{EVAL}/sites/sqlite-docs/truth.json"),
}
# Named subsets: (set, N) is the N smallest pages of a folder set by decompressed size, where per-page
# costs (process start, parser setup, output) weigh most against the bytes.
SMALLEST = {"wcxb-small": ("wcxb", 300)}
PAGE_SUFFIXES = (".html.gz", ".html")


# --- input sets -----------------------------------------------------------------------------------

def page_id(name):
    """File name without .html.gz / .html, the id winnow gives a page of a folder."""
    for suffix in PAGE_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def page_ids(out):
    """Rewrites winnow's output in place with each page's id as the truth has it (`page_id`): winnow
    keeps the file's suffix (a.html.gz), so that a.html and a.htm are two pages."""
    with open(out, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(out, "w", encoding="utf-8") as f:
        for record in records:
            record["id"] = page_id(str(record.get("id", ""))) or record.get("id")
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def folder_pages(folder):
    """Sorted paths of the HTML pages in a folder."""
    return [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if page_id(n) is not None]


def read_page(path):
    with open(path, "rb") as f:
        raw = f.read()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def jsonl_pages(path):
    """(id, html str) of every line of a JSONL file, gzipped or not."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                yield str(doc["id"]), doc["html"]


def resolve(target):
    """(label, kind, input, truth or None) of a set name or a path."""
    if target in SETS:
        return (target, *SETS[target])
    if target in SMALLEST:
        return (target, *SETS[SMALLEST[target][0]])
    path = os.path.abspath(target)
    label = os.path.basename(path.rstrip("/"))
    if os.path.isdir(path):
        if os.path.isdir(os.path.join(path, "html")):          # a set folder: html/ + ground-truth.json
            return label, "folder", os.path.join(path, "html"), optional(path, "ground-truth.json")
        if os.path.isfile(os.path.join(path, "pages.jsonl.gz")):  # a site folder: pages.jsonl.gz + truth.json
            return label, "jsonl", os.path.join(path, "pages.jsonl.gz"), optional(path, "truth.json")
        return label, "folder", path, optional(os.path.dirname(path), "ground-truth.json")
    if os.path.isfile(path) and re.search(r"\.jsonl(\.gz)?$", path):
        return label, "jsonl", path, optional(os.path.dirname(path), "truth.json")
    sys.exit(f"bench-html: not a set name ({', '.join(SETS)}), a folder of .html.gz pages or a .jsonl.gz: {target}")


def optional(folder, name):
    path = os.path.join(folder, name)
    return path if os.path.isfile(path) else None


def subset_folder(pages, work):
    """A folder of symlinks to `pages`, so that every tool reads the same ones."""
    folder = os.path.join(work, "input-html")
    os.makedirs(folder)
    for path in pages:
        os.symlink(path, os.path.join(folder, os.path.basename(path)))
    return folder, folder_pages(folder)


def limit_jsonl(path, limit, work):
    """The first `limit` lines of a JSONL file, gzipped again (every tool still pays the gunzip)."""
    opener = gzip.open if path.endswith(".gz") else open
    subset = os.path.join(work, "input-pages.jsonl.gz")
    with opener(path, "rb") as src, gzip.open(subset, "wb", compresslevel=6) as out:
        for n, line in enumerate(src):
            if n >= limit:
                break
            out.write(line)
    return subset


def subset_truth(truth, ids, work):
    """The truth restricted to the pages used (a page missing from it would score as empty)."""
    with open(truth, encoding="utf-8") as f:
        data = json.load(f)
    if set(data) <= ids:
        return truth
    path = os.path.join(work, "truth.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({k: v for k, v in data.items() if k in ids}, f)
    return path


def prepare(target, work, limit):
    label, kind, source, truth = resolve(target)
    files = []
    if kind == "folder":
        files = folder_pages(source)
        if target in SMALLEST:
            files = sorted(sorted(files, key=lambda p: len(read_page(p)))[: SMALLEST[target][1]])
        if limit:
            files = files[:limit]
        if target in SMALLEST or limit:
            source, files = subset_folder(files, work)
        ids = {page_id(os.path.basename(p)) for p in files}
        size = sum(len(read_page(p)) for p in files)
    else:
        if limit:
            source = limit_jsonl(source, limit, work)
        ids, size = set(), 0
        for doc_id, html in jsonl_pages(source):
            ids.add(doc_id)
            size += len(html.encode("utf-8"))
    if not ids:
        sys.exit(f"bench-html: no pages in {source}")
    if truth:
        truth = subset_truth(truth, ids, work)
    with open(os.path.join(work, "files.txt"), "w", encoding="utf-8") as f:
        f.writelines(p + "\n" for p in files)
    settings = {"LABEL": label, "KIND": kind, "INPUT": source, "TRUTH": truth or "",
                "PAGES": len(ids), "BYTES": size, "FILES_LIST": os.path.join(work, "files.txt")}
    with open(os.path.join(work, "input.env"), "w", encoding="utf-8") as f:
        f.writelines(f"{k}={shlex.quote(str(v))}\n" for k, v in settings.items())
    with open(os.path.join(work, "input.json"), "w", encoding="utf-8") as f:
        json.dump(settings, f)


# --- peers ------------------------------------------------------------------------------------------

def resiliparse_extractor():
    """Resiliparse's whole job: encoding detection and decoding of bytes, then main-content text."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def extract(html):
        if isinstance(html, bytes):
            html = bytes_to_str(html, detect_encoding(html))
        return extract_plain_text(html, main_content=True)
    return extract


def trafilatura_extractor():
    """trafilatura.extract with its defaults (it decodes bytes itself), comments left out."""
    import trafilatura

    def extract(html):
        return trafilatura.extract(html, include_comments=False) or ""
    return extract


def input_pages(source):
    """(id, html) of every page: raw bytes from a folder, str from JSONL (already decoded there)."""
    if os.path.isdir(source):
        for path in folder_pages(source):
            yield page_id(os.path.basename(path)), read_page(path)
    else:
        yield from jsonl_pages(source)


def extract_all(tool, source, out_path):
    extract = {"resiliparse": resiliparse_extractor, "trafilatura": trafilatura_extractor}[tool]()
    failures = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for doc_id, html in input_pages(source):
            try:
                text = extract(html)
            except Exception as error:  # one bad page must not end the run; it scores as empty
                failures += 1
                print(f"{tool}: {doc_id}: {type(error).__name__}: {error}", file=sys.stderr)
                text = ""
            out.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    if failures:
        print(f"{tool}: {failures} page(s) failed", file=sys.stderr)


# --- report -----------------------------------------------------------------------------------------

SCORE_LINE = re.compile(r"^(?:(\S*)\t)?F1 ([0-9.]+) precision ([0-9.]+) recall ([0-9.]+) n (\d+)$")


def scores(path):
    """{page type or None: F1} from score_text.py's output (the last, untyped line is the overall one)."""
    out = {}
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = SCORE_LINE.match(line.strip("\n"))
                if m:
                    out[m.group(1)] = (float(m.group(2)), int(m.group(5)))
    return out


def median_times(path):
    """Median seconds and median peak KB of the '%e %M' lines /usr/bin/time appended."""
    with open(path, encoding="utf-8") as f:
        rows = [line.split() for line in f if line.strip()]
    return statistics.median(float(r[0]) for r in rows), statistics.median(float(r[1]) for r in rows)


def describe(tool):
    return {"resiliparse": "resiliparse (1 process)", "trafilatura": "trafilatura (1 process)",
            "winnow": f"winnow clean ({os.cpu_count()} cores)", "winnow-1thread": "winnow clean --threads 1"}[tool]


def f1_cell(work, tool, metric):
    overall = scores(os.path.join(work, f"{tool}.{metric}")).get(None)
    return f"{overall[0]:.3f}" if overall else "–"


def table(work, tools):
    with open(os.path.join(work, "input.json"), encoding="utf-8") as f:
        settings = json.load(f)
    size, pages = settings["BYTES"], settings["PAGES"]
    times = {t: median_times(os.path.join(work, f"{t}.times")) for t in tools}
    base = times.get("winnow", (None,))[0]
    print("| tool | median s | MB/s | pages/s | peak MB | F1 (4-gram) | F1 words | winnow speed ratio (time / winnow time) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for tool in tools:
        seconds, peak_kb = times[tool]
        t = max(seconds, 0.01)  # /usr/bin/time has 10 ms resolution
        ratio = f"{t / max(base, 0.01):.2f}×" if base is not None else "–"
        print(f"| {describe(tool)} | {seconds:.2f} | {size / 1e6 / t:.1f} | {pages / t:.0f} | {peak_kb / 1024:.0f} "
              f"| {f1_cell(work, tool, 'f1')} | {f1_cell(work, tool, 'words')} | {ratio} |")
    reference(work, {tool: size / 1e6 / max(times[tool][0], 0.01) for tool in tools})


def reference(work, speeds):
    """The libxml2 SAX line under the table, with each tool's MB/s as a share of it."""
    path = os.path.join(work, "libxml2.txt")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as f:
        line = f.read().strip()
    m = re.match(r"sax: ([0-9.]+) MB/s", line)
    if not m:
        return
    sax = float(m.group(1))
    shares = ", ".join(f"{tool} {speed / sax:.0%}" for tool, speed in speeds.items())
    print()
    print(f"Reference, libxml2 SAX parse of the same pages (in memory, already gunzipped; no decoding, "
          f"no output): {line}. Whole-job MB/s as a share of it: {shares}.")


def per_type(work, tools):
    """One row per page type, words F1 and 4-gram F1 of every tool side by side."""
    found = {(t, m): scores(os.path.join(work, f"{t}.{m}.types")) for t in tools for m in ("words", "f1")}
    types = sorted({k for s in found.values() for k in s if k is not None})
    head = " | ".join(f"{t} words | {t} 4-gram" for t in tools)
    print(f"| page type | pages | {head} |")
    print("| --- | ---: |" + " ---: |" * (2 * len(tools)))
    for page_type in types + [None]:
        n = next((s[page_type][1] for s in found.values() if page_type in s), 0)
        cells = " | ".join(f"{found[(t, m)][page_type][0]:.3f}" if page_type in found[(t, m)] else "–"
                           for t in tools for m in ("words", "f1"))
        print(f"| {page_type or '**all**'} | {n} | {cells} |")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "prepare":
        prepare(args[0], args[1], int(args[2]) if len(args) > 2 and args[2] else 0)
    elif command == "extract":
        extract_all(*args)
    elif command == "page-ids":
        page_ids(args[0])
    elif command == "table":
        table(args[0], args[1:])
    elif command == "per-type":
        per_type(args[0], args[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
