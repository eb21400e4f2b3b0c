"""Builds web archives for Winnow's WARC reader, with warcio (run it through scripts/make-warc, which pins the venv).

    make_warc.py build HTML_FOLDER... -o OUT.warc.gz [--wet OUT.warc.wet.gz] [--seed N]
    make_warc.py fixtures FOLDER

`build` turns folders of pages (`*.html`, `*.htm`, `*.html.gz`; URLs from a `ground-truth.json` beside
the folder or one level up, else made up) into a WARC shaped like Common Crawl's: a warcinfo record
first, then per page a request, the response (real HTTP headers; some payloads chunked, some gzip
content-encoded, some both) and a metadata record, with a few redirects, 404s and non-HTML responses
among them. Every record is its own gzip member. `--wet` also writes the matching WET file: one
`conversion` record of plain text per page.

`fixtures` writes the small archives the tests read (see Tests/WinnowTests/Fixtures/README.md).
Everything is deterministic for a given seed: record ids, dates and choices come from it.
"""

import argparse
import gzip
import html as htmlmod
import io
import json
import os
import random
import re
import sys
import uuid
import zlib
from datetime import datetime, timedelta, timezone

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BASE_DATE = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
USER_AGENT = "CCBot/2.0 (https://commoncrawl.org/faq/)"


class Archive:
    """Collects records as separate gzip members (or plain bytes), with deterministic ids and dates."""

    def __init__(self, seed, gzip_members=True, version="1.0"):
        self.rng = random.Random(seed)
        self.gzip_members = gzip_members
        self.version = version
        self.members = []
        self.clock = 0

    def record_id(self):
        return "<urn:uuid:%s>" % uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def date(self):
        self.clock += 1
        return (BASE_DATE + timedelta(seconds=self.clock)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def record_bytes(self, uri, record_type, payload=b"", http=False, headers=(), content_type=None, gzip_member=None):
        """One record, serialised by warcio: a gzip member, or plain WARC bytes."""
        out = io.BytesIO()
        compress = self.gzip_members if gzip_member is None else gzip_member
        writer = WARCWriter(out, gzip=compress, warc_version=self.version)
        warc_headers = {"WARC-Record-ID": self.record_id(), "WARC-Date": self.date()}
        warc_headers.update(dict(headers))
        kwargs = {"warc_headers_dict": warc_headers}
        if content_type:
            kwargs["warc_content_type"] = content_type
        if http:
            # The HTTP message as sent: warcio reads its header from the payload and keeps the body as is.
            record = writer.create_warc_record(uri, record_type, payload=io.BytesIO(payload), length=len(payload), **kwargs)
        else:
            record = writer.create_warc_record(uri, record_type, payload=io.BytesIO(payload), length=len(payload),
                                               http_headers=None, **kwargs) if payload else \
                writer.create_warc_record(uri, record_type, **kwargs)
        writer.write_record(record)
        return record.rec_headers.get_header("WARC-Record-ID"), out.getvalue()

    def add(self, *args, **kwargs):
        record_id, data = self.record_bytes(*args, **kwargs)
        self.members.append(data)
        return record_id

    def warcinfo(self, filename):
        fields = {"software": "Winnow scripts/make-warc (warcio)", "format": "WARC File Format 1.0",
                  "isPartOf": "winnow-bench", "robots": "checked via crawler-commons"}
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=self.gzip_members, warc_version=self.version)
        record = writer.create_warcinfo_record(filename, fields)
        record.rec_headers.replace_header("WARC-Record-ID", self.record_id())
        record.rec_headers.replace_header("WARC-Date", self.date())
        writer.write_record(record)
        self.members.append(out.getvalue())

    def write(self, path):
        with open(path, "wb") as out:
            for member in self.members:
                out.write(member)


def chunked(body, rng, extensions=False):
    """Body in chunked transfer encoding, in chunks of irregular size; with `extensions`, a chunk extension now
    and then (valid HTTP/1.1, rare on the web, and refused by FastWARC 2.0, so only the fixtures have them)."""
    out = bytearray()
    position = 0
    while position < len(body):
        size = rng.randint(1, 8192)
        piece = body[position:position + size]
        extension = b";ext=1" if extensions and rng.random() < 0.1 else b""
        out += b"%x%s\r\n" % (len(piece), extension) + piece + b"\r\n"
        position += size
    return bytes(out + b"0\r\n\r\n")


def http_response(status, reason, headers, body):
    head = "HTTP/1.1 %d %s\r\n" % (status, reason) + "".join("%s: %s\r\n" % pair for pair in headers) + "\r\n"
    return head.encode("latin-1") + body


def http_request(url):
    match = re.match(r"https?://([^/]+)(/.*)?", url)
    host, path = (match.group(1), match.group(2) or "/") if match else ("example.com", "/")
    return ("GET %s HTTP/1.1\r\nUser-Agent: %s\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            "Accept-Language: en-US,en;q=0.5\r\nAccept-Encoding: br,gzip\r\nHost: %s\r\nConnection: Keep-Alive\r\n\r\n"
            % (path, USER_AGENT, host)).encode("latin-1")


def server_headers(rng, date):
    return [("Date", date), ("Server", rng.choice(["nginx", "Apache", "cloudflare", "Microsoft-IIS/10.0"])),
            ("Cache-Control", "max-age=600"), ("Connection", "keep-alive")]


def encode_body(body, rng, headers, encoding, extensions=False):
    """Applies a transfer/content encoding choice to the body and adds the headers that say so."""
    if encoding in ("gzip", "gzip+chunked"):
        body = gzip.compress(body, compresslevel=6, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
        headers.append(("Vary", "Accept-Encoding"))
    elif encoding == "deflate":
        body = zlib.compress(body, 6)
        headers.append(("Content-Encoding", "deflate"))
    if encoding in ("chunked", "gzip+chunked"):
        headers.append(("Transfer-Encoding", "chunked"))
        return chunked(body, rng, extensions)
    headers.append(("Content-Length", str(len(body))))
    return body


def page_text(body):
    """Plain text of a page for the WET file: scripts and styles out, tags out, entities decoded."""
    text = body.decode("utf-8", errors="replace")
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?is)<!--.*?-->", " ", text)
    text = re.sub(r"(?i)<(br|p|div|li|h[1-6]|tr|section|article)\b[^>]*>", "\n", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    text = htmlmod.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line).strip() + "\n"


def page_language(body):
    match = re.search(rb"(?i)<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2,3})", body[:4096])
    codes = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld", "pt": "por", "ru": "rus",
             "ja": "jpn", "zh": "zho", "pl": "pol"}
    return codes.get(match.group(1).decode().lower(), "eng") if match else "eng"


def load_pages(folders):
    """(id, url, body bytes) of every page in the folders, in sorted order."""
    pages = []
    for folder in folders:
        urls = {}
        for truth in (os.path.join(folder, "ground-truth.json"), os.path.join(folder, "..", "ground-truth.json")):
            if os.path.exists(truth):
                with open(truth) as handle:
                    urls = {key: value.get("url") for key, value in json.load(handle).items()}
                break
        for name in sorted(os.listdir(folder)):
            match = re.match(r"(.+)\.(html|htm)(\.gz)?$", name)
            if not match:
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                body = handle.read()
            if match.group(3):
                body = gzip.decompress(body)
            page_id = match.group(1)
            url = urls.get(page_id) or "https://site-%d.example/%s" % (len(pages) % 97, page_id)
            pages.append((page_id, url, body))
    return pages


def build(arguments):
    pages = load_pages(arguments.folders)
    if not pages:
        sys.exit("make-warc: no pages (*.html, *.htm, *.html.gz) in " + ", ".join(arguments.folders))
    warc = Archive(arguments.seed)
    rng = random.Random(arguments.seed + 1)
    warc.warcinfo(os.path.basename(arguments.output))
    wet = Archive(arguments.seed + 2, version="1.0") if arguments.wet else None
    if wet:
        wet.warcinfo(os.path.basename(arguments.wet))
    encodings = ["identity"] * 4 + ["chunked"] * 2 + ["gzip"] * 2 + ["gzip+chunked"]
    for number, (page_id, url, body) in enumerate(pages):
        date = warc.date()
        if number % 25 == 7:
            # A redirect from the http:// address first, as crawls record them.
            plain = url.replace("https://", "http://", 1)
            warc.add(plain, "request", http_request(plain), http=True)
            moved = b"<html><body>Moved</body></html>"
            warc.add(plain, "response", http_response(301, "Moved Permanently", server_headers(rng, date) + [
                ("Location", url), ("Content-Type", "text/html"), ("Content-Length", str(len(moved)))], moved), http=True)
        if number % 40 == 13:
            robots = b"User-agent: *\nDisallow: /private/\n"
            host = re.match(r"(https?://[^/]+)", url)
            robots_url = (host.group(1) if host else "https://example.com") + "/robots.txt"
            warc.add(robots_url, "request", http_request(robots_url), http=True)
            warc.add(robots_url, "response", http_response(200, "OK", server_headers(rng, date) + [
                ("Content-Type", "text/plain"), ("Content-Length", str(len(robots)))], robots), http=True)
        if number % 50 == 21:
            missing = url.rstrip("/") + "/missing"
            gone = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
            warc.add(missing, "request", http_request(missing), http=True)
            warc.add(missing, "response", http_response(404, "Not Found", server_headers(rng, date) + [
                ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(gone)))], gone), http=True)
        request_id = warc.add(url, "request", http_request(url), http=True)
        headers = server_headers(rng, date)
        try:
            body.decode("utf-8")
            headers.append(("Content-Type", "text/html; charset=UTF-8"))
        except UnicodeDecodeError:
            headers.append(("Content-Type", "text/html"))
        encoded = encode_body(body, rng, headers, rng.choice(encodings))
        response_id = warc.add(url, "response", http_response(200, "OK", headers, encoded), http=True,
                               headers=[("WARC-Concurrent-To", request_id), ("WARC-IP-Address", "192.0.2.%d" % (number % 250 + 1))])
        metadata = ("fetchTimeMs: %d\r\ncharset-detected: UTF-8\r\nlanguages-cld2: {\"reliable\":true,\"languages\":"
                    "[{\"code\":\"en\",\"code-iso-639-3\":\"eng\",\"text-covered\":0.98}]}\r\n" % rng.randint(20, 900)).encode()
        warc.add(url, "metadata", metadata, content_type="application/warc-fields",
                 headers=[("WARC-Concurrent-To", response_id)])
        if wet:
            wet.add(url, "conversion", page_text(body).encode("utf-8"), content_type="text/plain",
                    headers=[("WARC-Refers-To", response_id), ("WARC-Identified-Content-Language", page_language(body))])
    warc.write(arguments.output)
    if wet:
        wet.write(arguments.wet)
    print("make-warc: %d pages -> %s (%d bytes)%s" % (
        len(pages), arguments.output, os.path.getsize(arguments.output),
        " and %s (%d bytes)" % (arguments.wet, os.path.getsize(arguments.wet)) if wet else ""), file=sys.stderr)


# --- fixtures --------------------------------------------------------------------------------------

ARTICLE = ("<!DOCTYPE html><html lang=\"en\"><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a></nav>"
           "<article><h1>{title}</h1><p>{sentence} The first paragraph of the story, with a comma, ends here.</p>"
           "<p>A second paragraph follows, long enough to read as prose for the main content rules.</p></article>"
           "<footer>Footer links</footer></body></html>")


def article(title, sentence=""):
    return ARTICLE.format(title=title, sentence=sentence).encode("utf-8")


def fixtures(arguments):
    folder = arguments.folder
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(7)

    # good.warc.gz: every kind of record a crawl holds, each in its own gzip member.
    warc = Archive(11)
    warc.warcinfo("good.warc.gz")

    def fetch(url, status, reason, headers, body, extra=()):
        request_id = warc.add(url, "request", http_request(url), http=True)
        response = http_response(status, reason, [("Date", "Fri, 01 Mar 2024 12:00:00 GMT")] + headers, body)
        return warc.add(url, "response", response, http=True, headers=[("WARC-Concurrent-To", request_id)] + list(extra))

    body = article("Plain page")
    fetch("https://news.example/plain", 200, "OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))], body)
    headers = [("Content-Type", "text/html; charset=utf-8")]
    fetch("https://news.example/chunked", 200, "OK", headers,
          encode_body(article("Chunked page"), rng, headers, "chunked", extensions=True))
    headers = [("Content-Type", "text/html")]
    fetch("https://news.example/gzip", 200, "OK", headers,
          encode_body(article("Gzip page"), rng, headers, "gzip+chunked"))
    headers = [("Content-Type", "application/xhtml+xml")]
    fetch("https://news.example/deflate", 200, "OK", headers,
          encode_body(article("Deflate page"), rng, headers, "deflate"))
    # Windows-1252 bytes; only the HTTP header names the charset.
    body = ("<html><body><article><p>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u2014 the menu today, with a comma, "
            "is served until late.</p></article></body></html>").encode("cp1252")
    fetch("https://news.example/latin", 200, "OK", [("Content-Type", "text/html; charset=windows-1252"),
                                                    ("Content-Length", str(len(body)))], body)
    body = article("Sniffed page")
    fetch("https://news.example/sniffed", 200, "OK", [("Content-Length", str(len(body)))], body)
    body = article("Cut page")
    fetch("https://news.example/truncated", 200, "OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
          body, extra=[("WARC-Truncated", "length")])
    body = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
    fetch("https://news.example/logo.png", 200, "OK", [("Content-Type", "image/png"), ("Content-Length", str(len(body)))], body)
    body = b"<html><body><h1>Not Found</h1></body></html>"
    fetch("https://news.example/gone", 404, "Not Found", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], body)
    body = b"<html><body>Moved</body></html>"
    fetch("https://news.example/old", 301, "Moved Permanently", [("Location", "https://news.example/plain"),
                                                                 ("Content-Type", "text/html"), ("Content-Length", str(len(body)))], body)
    body = b"\x1b\x00\x00\x00fake brotli"
    fetch("https://news.example/brotli", 200, "OK", [("Content-Type", "text/html"), ("Content-Encoding", "br"),
                                                     ("Content-Length", str(len(body)))], body)
    body = article("Large page", "Padding. " * 700)
    fetch("https://news.example/large", 200, "OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))], body)
    revisit = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    warc.add("https://news.example/plain", "revisit", revisit, http=True,
             headers=[("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"),
                      ("WARC-Refers-To-Target-URI", "https://news.example/plain")])
    warc.add("https://news.example/plain", "metadata", b"fetchTimeMs: 120\r\n", content_type="application/warc-fields")
    warc.add("https://news.example/notes.txt", "resource", b"A resource record, not an HTTP response.\n",
             content_type="text/plain")
    warc.write(os.path.join(folder, "good.warc.gz"))

    # damaged.warc.gz: good records around garbage, a truncated member and wrong Content-Lengths.
    damaged = Archive(23)
    damaged.warcinfo("damaged.warc.gz")
    members = damaged.members

    def response(url, title, gzip_member=True):
        page = article(title)
        message = http_response(200, "OK", [("Content-Type", "text/html"), ("Content-Length", str(len(page)))], page)
        return damaged.record_bytes(url, "response", message, http=True, gzip_member=gzip_member)[1]

    def with_length(plain, change):
        """A plain record whose Content-Length is off by `change`, gzipped as its own member."""
        match = re.search(rb"Content-Length: (\d+)\r\n", plain)
        wrong = plain[:match.start(1)] + str(int(match.group(1)) + change).encode() + plain[match.end(1):]
        return gzip.compress(wrong, mtime=0)

    members.append(response("https://damaged.example/first", "First good page"))
    members.append(b"this is not a gzip member, nor a WARC record\n")
    members.append(response("https://damaged.example/second", "Second good page"))
    members.append(response("https://damaged.example/cut", "Cut member page")[:-40])
    members.append(response("https://damaged.example/third", "Third good page"))
    members.append(with_length(response("https://damaged.example/short", "Short length page", gzip_member=False), -100))
    members.append(response("https://damaged.example/fourth", "Fourth good page"))
    members.append(with_length(response("https://damaged.example/long", "Long length page", gzip_member=False), 100000))
    members.append(response("https://damaged.example/fifth", "Fifth good page"))
    damaged.write(os.path.join(folder, "damaged.warc.gz"))

    # damaged.warc: the same kind of damage in a plain file, where no gzip member bounds a record.
    plain = Archive(29, gzip_members=False)
    plain.warcinfo("damaged.warc")
    first = response("https://plain.example/first", "First plain page", gzip_member=False)
    plain.members.append(first)
    plain.members.append(b"garbage line between records\r\n\r\n")
    plain.members.append(response("https://plain.example/second", "Second plain page", gzip_member=False))
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\n"
    plain.members.append(bad)
    plain.members.append(response("https://plain.example/third", "Third plain page", gzip_member=False))
    long_record = response("https://plain.example/long", "Long plain page", gzip_member=False)
    plain.members.append(re.sub(rb"Content-Length: (\d+)\r\n",
                                lambda m: b"Content-Length: %d\r\n" % (int(m.group(1)) + 50), long_record, count=1))
    plain.members.append(response("https://plain.example/fourth", "Fourth plain page", gzip_member=False))
    plain.members.append(response("https://plain.example/past-end", "Past the end page", gzip_member=False)[:-300])
    plain.write(os.path.join(folder, "damaged.warc"))

    # good.warc.wet.gz: Common Crawl's text files.
    wet = Archive(31)
    wet.warcinfo("good.warc.wet.gz")
    wet.add("https://news.example/plain", "conversion",
            "Plain page\nThe first paragraph of the story, with a comma, ends here.\n".encode(), content_type="text/plain",
            headers=[("WARC-Identified-Content-Language", "eng")])
    wet.add("https://nouvelles.example/cafe", "conversion",
            "Caf\u00e9 cr\u00e8me\nLe menu du jour, avec une virgule, est servi tard.\n".encode(), content_type="text/plain",
            headers=[("WARC-Identified-Content-Language", "fra,eng")])
    wet.add("https://news.example/nolang", "conversion", b"A page whose language was not identified.\n",
            content_type="text/plain")
    wet.write(os.path.join(folder, "good.warc.wet.gz"))
    for name in ("good.warc.gz", "damaged.warc.gz", "damaged.warc", "good.warc.wet.gz"):
        print("make-warc: %s (%d bytes)" % (os.path.join(folder, name), os.path.getsize(os.path.join(folder, name))),
              file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="a Common Crawl-like WARC (and WET) from folders of pages")
    build_parser.add_argument("folders", nargs="+")
    build_parser.add_argument("-o", "--output", required=True)
    build_parser.add_argument("--wet")
    build_parser.add_argument("--seed", type=int, default=1)
    fixture_parser = commands.add_parser("fixtures", help="the small archives the tests read")
    fixture_parser.add_argument("folder")
    arguments = parser.parse_args()
    if arguments.command == "build":
        build(arguments)
    else:
        fixtures(arguments)


if __name__ == "__main__":
    main()
