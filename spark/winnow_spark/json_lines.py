"""JSON lines written as the binary writes them, byte for byte: compact, UTF-8, and every control
character but line feed, carriage return and tab as a `\\u00XX` escape (Python's `json` writes
backspace and form feed as `\\b` and `\\f`, which decode the same but compare differently)."""
import json
import re

# An escape of json.dumps' output, read left to right so that an escaped backslash is never taken for
# the start of another escape.
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_AS_BINARY = {"b": "\\u0008", "f": "\\u000c"}


def compact(value):
    """`value` as one compact JSON text, with the binary's string escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _ESCAPE.sub(lambda found: _AS_BINARY.get(found.group(1), found.group(0)), text)
