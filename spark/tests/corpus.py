"""A small labelled-news-like corpus for the cluster tests, generated with a fixed seed: sites with
templates (header, menu, footer lines; the header in two spellings), HTML and text pages, exact copies
under other ids, near copies, records that share an id, and damage (malformed lines, blank lines, CRLF
endings, a byte order mark)."""
import json
import random

WORDS = ("market council river school energy report season player budget minister storm harbour train "
         "museum festival doctor farmer village election court bridge police science water garden "
         "company price rain summer winter city road north south bank plan team coach vote law fire").split()


def _sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _story(rng):
    return [" ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 5))]


def pages(count, seed=18):
    """`count` records (JSON lines as str, plus a few damaged lines) in a fixed order."""
    rng = random.Random(seed)
    sites = [f"news{n}.example" for n in range(12)] + [f"blog{n}.example" for n in range(300)]
    templates = {site: ([f"{site.split('.')[0].title()} Daily — all the news", "Home | World | Sport | Weather"],
                        [f"© 2026 {site} · Contact us · Privacy"]
                        + (["We use cookies to improve your experience on this site."] if site.startswith("blog") else []))
                 for site in sites}
    records = []
    stories = []
    for number in range(count):
        site = rng.choice(sites[:12]) if rng.random() < 0.8 else rng.choice(sites[12:])
        roll = rng.random()
        identifier = f"doc-{number:05d}" if rng.random() > 0.01 else f"doc-{rng.randrange(max(number, 1)):05d}"
        if stories and roll < 0.12:
            paragraphs, first = rng.choice(stories)                # an exact copy (maybe respaced)
            if rng.random() < 0.3:
                identifier = first                                 # the same page crawled twice
            if rng.random() < 0.5:
                paragraphs = [paragraph.replace(". ", ".  ").upper() for paragraph in paragraphs]
        elif stories and roll < 0.22:
            paragraphs = list(rng.choice(stories)[0])              # a near copy: one sentence changed
            paragraphs[-1] = paragraphs[-1] + " " + _sentence(rng, 6)
        else:
            paragraphs = _story(rng)
            stories.append((paragraphs, identifier))
        head, foot = templates[site]
        if len(paragraphs) % 2:  # two spellings of one template line (copies keep their original's)
            head = [head[0].upper()] + head[1:]
        url = f"https://{site}/{number}"
        if rng.random() < 0.4:
            body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
            html = (f"<html><head><title>Story {number}</title></head><body><header><p>{head[0]}</p>"
                    f"<nav>{head[1]}</nav></header><article>{body}</article><footer>{foot[0]}</footer></body></html>")
            record = {"id": identifier, "url": url, "html": html}
        else:
            record = {"id": identifier, "url": url, "text": "\n".join(head + [""] + paragraphs + [""] + foot)}
        if rng.random() < 0.05:
            record["published"] = f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
        records.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
        if rng.random() < 0.004:
            records.append('{"id": "broken", "text": "no closing brace"')
        if rng.random() < 0.004:
            records.append("")
        if rng.random() < 0.004:
            records.append('{"id": "no-text"}')
    return records


def write_shards(folder, count, shards=7, seed=18):
    """Writes the corpus as `shards` files shard-0.jsonl ... in `folder`; returns their paths in order."""
    import os
    records = pages(count, seed)
    paths = []
    size = (len(records) + shards - 1) // shards
    for index in range(shards):
        path = os.path.join(folder, f"shard-{index}.jsonl")
        part = records[index * size:(index + 1) * size]
        with open(path, "wb") as handle:
            for position, line in enumerate(part):
                data = line.encode("utf-8")
                if index == 1 and position == 0:
                    data = b"\xef\xbb\xbf" + data
                ending = b"\r\n" if index == 2 and position % 10 == 3 else b"\n"
                handle.write(data + ending)
        paths.append(path)
    return paths
