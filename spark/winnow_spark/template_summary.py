"""The templates summary of a cluster run: each partition's `winnow templates apply --summary-part` writes
its part (per site the figures of its pages and every template line removed, by line key; see
TemplateSummaryPart.swift), and the parts of a site merge in Spark's shuffle into the site's line of
the summary `winnow run` writes. The merge is associative and commutative, so any partitioning gives
the same summary."""
import json

PART_HEADER = b'{"format":"winnow.template-summary-part","version":2}'
HEADER = b'{"format":"winnow.template-summary","version":2}'
FIGURES = ("bytes_in", "pages_changed", "pages_removed", "bytes_removed")


class SummaryPartError(ValueError):
    """A summary part line that this driver cannot read (another binary's version, or damage)."""


def site_rows(line):
    """(site, tally) for a site line of a part; nothing for its header and end lines. A tally is
    (pages, bytes in, pages changed, pages removed, bytes removed, {line key: (pages, text)})."""
    if line == PART_HEADER or line.startswith(b'{"end_of_file":'):
        return []
    if line.startswith(b'{"format"'):
        raise SummaryPartError(f"a template summary part with header {line[:200]!r}; this driver reads "
                               f"{PART_HEADER.decode()}: ship the binary of the same version")
    row = json.loads(line)
    lines = {key: (pages, text) for key, pages, text in row["lines"]}
    return [(row["site"], (row["pages"],) + tuple(row[name] for name in FIGURES) + (lines,))]


def _smaller(line, other):
    """The line (pages, text) whose text is smaller bytewise (`winnow run` keeps the smallest spelling);
    the page counts of one key are the same in every part, the larger is taken should they not be."""
    text, other_text = line[1].encode("utf-8"), other[1].encode("utf-8")
    if text != other_text:
        return line if text < other_text else other
    return line if line[0] >= other[0] else other


def merge(tally, other):
    """Two tallies of one site as one: figures added, lines united by key keeping the smaller spelling."""
    lines = dict(tally[5])
    for key, line in other[5].items():
        known = lines.get(key)
        lines[key] = line if known is None else _smaller(line, known)
    return ((max(tally[0], other[0]),) + tuple(a + b for a, b in zip(tally[1:5], other[1:5])) + (lines,))


def site_line(site, tally, lines_per_site):
    """The site's line of the summary: its figures and its `lines_per_site` template lines on most
    pages, ties by text bytewise, as `TemplateSummary.site` lists them."""
    ranked = sorted(tally[5].values(), key=lambda line: (-line[0], line[1].encode("utf-8")))[:lines_per_site]
    row = {"site": site, "pages": tally[0], **dict(zip(FIGURES, tally[1:5])),
           "template_lines": [{"pages": pages, "text": text} for pages, text in ranked]}
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def merged(part_lines, lines_per_site, partitions):
    """The summary's site lines from the lines of every partition's part, reduced by site in Spark's
    shuffle (no site is gathered on the driver)."""
    return (part_lines.flatMap(site_rows).reduceByKey(merge, numPartitions=partitions)
            .map(lambda row: site_line(row[0], row[1], lines_per_site)))
