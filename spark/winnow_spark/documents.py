"""JSON values written over many lines (pretty-printed) that a JSONL input starts with, told on the driver
as the binary's reader tells them (`JSONLRecordReader`, `JSONDocumentScanner`, `JSONDocumentSpan`): looked
for at line 1 and right after one, until any other line; each ends at the line that closes it, before a
line that cannot continue it, or with the input, and is one `not_json_lines` reject naming its lines. A
first line that no line continued is a line like any other, left to the binary. The lines up to the last
value's are dropped before the binary sees them (`covered`).
"""
import re
from dataclasses import dataclass

BYTE_ORDER_MARK = b"\xef\xbb\xbf"
# The binary's limit on nesting inside one value; deeper, a line cannot continue it.
MAX_DEPTH = 512
# One token of a line: a string (which must end on its line), a bracket or punctuation, a literal (the
# bytes of a number, true, false or null, unchecked), white space, or any other byte.
TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[A-Za-z0-9+\-.]+|[ \t\r\n]+|.', re.S)
WHITE = frozenset(b" \t\r\n")


class Scanner:
    """Follows one value a line at a time, as `JSONDocumentScanner` does: brackets, strings and the commas
    and colons between values. `state`: "open", "closed" or "broken"."""

    def __init__(self, opening):
        self.objects = []
        self.expected = "value"
        self.state = "open"
        self.line(bytes([opening]))

    def copy(self):
        other = Scanner.__new__(Scanner)
        other.objects, other.expected, other.state = list(self.objects), self.expected, self.state
        return other

    def line(self, data):
        """Reads a whole line (without its line feed)."""
        for match in TOKEN.finditer(data):
            if self.state == "broken":
                return
            self._take(match.group())

    def _take(self, token):
        first = token[0]
        if first in WHITE:
            return
        expected = self.expected
        if first == 0x22:  # "
            if len(token) == 1:
                self.state = "broken"  # a string that its line does not end
            elif expected in ("keyOrClose", "key"):
                self.expected = "colon"
            elif expected in ("value", "valueOrClose"):
                self.expected = "commaOrClose"
            else:
                self.state = "broken"
        elif token in (b"{", b"["):
            if expected not in ("value", "valueOrClose") or len(self.objects) >= MAX_DEPTH:
                self.state = "broken"
                return
            self.objects.append(token == b"{")
            self.expected = "keyOrClose" if token == b"{" else "valueOrClose"
        elif token in (b"}", b"]"):
            is_object = token == b"}"
            if (not self.objects or self.objects[-1] != is_object
                    or expected not in ("commaOrClose", "keyOrClose" if is_object else "valueOrClose")):
                self.state = "broken"
                return
            self.objects.pop()
            if self.objects:
                self.expected = "commaOrClose"
            else:
                self.expected, self.state = "nothing", "closed"
        elif token == b",":
            if expected != "commaOrClose" or not self.objects:
                self.state = "broken"
                return
            self.expected = "key" if self.objects[-1] else "value"
        elif token == b":":
            if expected != "colon":
                self.state = "broken"
                return
            self.expected = "value"
        elif re.fullmatch(rb"[A-Za-z0-9+\-.]+", token) and expected in ("value", "valueOrClose"):
            self.expected = "commaOrClose"
        else:
            self.state = "broken"


def opening(content, max_record_bytes):
    """The bracket that a line's content (without byte order mark or the CR that ends it) opens a value
    with, or None: `{` or `[` amid spaces, tabs and CRs, on a line within the limit."""
    if len(content) > max_record_bytes:
        return None
    brackets = content.translate(None, b" \t\r")
    return brackets[0] if brackets in (b"{", b"[") else None


@dataclass(frozen=True)
class Span:
    """A value's lines, as `JSONDocumentSpan`: its first line's number, offset and bytes, its last line
    (the last not blank), and how it ends: ("closed",), ("interrupted", LINE) or ("cut",)."""

    number: int
    offset: int
    first_line: bytes
    last: int
    ending: tuple

    @property
    def message(self):
        what = "array" if self.first_line.translate(None, b" \t\r") == b"[" else "object"
        span = f"lines {self.number} to {self.last}"
        if self.ending[0] == "closed":
            found = f"{span} are one JSON {what} written over many lines"
        elif self.ending[0] == "interrupted":
            found = f"{span} start a JSON {what} written over many lines that line {self.ending[1]} does not continue"
        else:
            found = f"{span} start a JSON {what} written over many lines that the input ends inside"
        if self.ending[0] != "closed":
            advice = "it is not valid JSON: repair it, or leave the file out"
        elif what == "array":
            advice = "convert it with `jq -c '.[]'` (one line per element), or leave the file out"
        else:
            advice = "convert the file with `jq -c .` (each object of a stream of them on a line of its own), or leave it out"
        return found + ", not JSON Lines (one object per line), so no record was read from them: " + advice

    def reject(self, name):
        """`winnow run`'s reject for the value, in input `name`."""
        return {"source": name, "line": self.number, "offset": self.offset, "reason": "not_json_lines",
                "message": self.message, "raw": self.first_line.decode("utf-8")}


class _Reading:
    """The binary reader's looking for values, fed whole lines in order."""

    def __init__(self, max_record_bytes):
        self.max_record_bytes = max_record_bytes
        self.spans = []
        self.looking = True
        self.open = None  # [scanner, number, offset, first line, last]

    def line(self, data, number, offset):
        if self.open is not None:
            scanner, _, _, _, last = self.open
            after = scanner.copy()
            after.line(data)
            if after.state != "broken":
                if data.translate(None, b" \t\r"):
                    self.open[4] = number
                self.open[0] = after
                if after.state == "closed":
                    self.end(("closed",))
                return
            self.end(("interrupted", number))
        content = data[:-1] if data.endswith(b"\r") else data
        if number == 1 and content.startswith(BYTE_ORDER_MARK):
            content = content[len(BYTE_ORDER_MARK):]
        if not content.translate(None, b" \t"):
            if number == 1:
                self.looking = False
            return
        if not self.looking:
            return
        bracket = opening(content, self.max_record_bytes)
        if bracket is None:
            self.looking = False
            return
        self.open = [Scanner(bracket), number, offset, content, number]

    def end(self, ending):
        if self.open is None:
            return
        _, number, offset, first_line, last = self.open
        self.open = None
        if last == number:
            self.looking = False  # a bare bracket no line continued: the binary reads it as a line
            return
        self.spans.append(Span(number, offset, first_line, last, ending))

    @property
    def done(self):
        return self.open is None and not self.looking


def scan(head, read_some, max_record_bytes, is_read_error, read_size=1 << 16):
    """The values an input starts with, and the last line they cover (0 for none), from its first bytes
    `head` (after decompression) and `read_some(read_size)` for more (b"" at the end). A read error that
    `is_read_error` accepts ends the input there, as a break ends the binary's reading: the line it cuts
    is no line of a value."""
    reading = _Reading(max_record_bytes)
    buffer, start, number, offset = head, 0, 0, 0
    while not reading.done:
        newline = buffer.find(b"\n", start)
        if newline >= 0:
            number += 1
            reading.line(buffer[start:newline], number, offset)
            offset += newline + 1 - start
            start = newline + 1
            continue
        buffer, start = buffer[start:], 0
        try:
            more = read_some(read_size)
        except Exception as error:
            if not is_read_error(error):
                raise
            reading.end(("cut",))
            break
        if not more:
            if buffer:
                number += 1
                reading.line(buffer, number, offset)
            reading.end(("cut",))
            break
        buffer += more
    covered = reading.spans[-1].last if reading.spans else 0
    return reading.spans, covered
