"""The peers of scripts/bench-warc, each one process over one WARC file.

    bench_warc.py read FILE        FastWARC: every record, its HTTP headers parsed, its payload read
    bench_warc.py read-decoded FILE  the same, with response payloads dechunked and gzip/deflate undone
    bench_warc.py whole FILE OUT   FastWARC + resiliparse: HTML responses (2xx) to main-content text, JSONL

Prints `records payload_bytes` (read) or `documents` (whole) on stdout.
"""

import json
import sys
import zlib

from fastwarc.warc import ArchiveIterator, WarcRecordType


def read(path):
    records = payload = 0
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, parse_http=True):
            payload += len(record.reader.read())
            records += 1
    print(records, payload)


def decoded_payload(record):
    """The payload as a page: FastWARC undoes the chunking, zlib the gzip or deflate content encoding."""
    body = record.reader.read()
    encoding = (record.http_headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompress(body, 47)
    if encoding == "deflate":
        try:
            return zlib.decompress(body)
        except zlib.error:
            return zlib.decompress(body, -15)
    return body


def read_decoded(path):
    records = payload = 0
    # auto_decode='transfer': 'content' and 'all' stop the iteration at the first gzip-encoded chunked payload.
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream, parse_http=True, auto_decode="transfer"):
            if record.record_type == WarcRecordType.response and record.is_http:
                payload += len(decoded_payload(record))
            else:
                payload += len(record.reader.read())
            records += 1
    print(records, payload)


def whole(path, out):
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    documents = 0
    with open(path, "rb") as stream, open(out, "w", encoding="utf-8") as output:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True, auto_decode="transfer"):
            status = record.http_headers.status_code
            if status is None or not 200 <= status < 300:
                continue
            if (record.http_content_type or "").lower() not in ("text/html", "application/xhtml+xml"):
                continue
            body = decoded_payload(record)
            text = extract_plain_text(bytes_to_str(body, detect_encoding(body)), main_content=True)
            output.write(json.dumps({"id": record.record_id, "url": record.headers.get("WARC-Target-URI"), "text": text},
                                    ensure_ascii=False) + "\n")
            documents += 1
    print(documents)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "read-decoded":
        read_decoded(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "whole":
        whole(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
