#!/usr/bin/env python3
"""Add labelled real pages to the corpus, scrambled.

usage: BLOG_EXPORT_SCRAMBLE_KEY=... python3 tests/corpus/add.py RAWDIR...

Each RAWDIR holds pages NN.txt (the page as text, verbatim: it stays outside
the repository) with their hand labels NN.json (see README.md). Every page
is scrambled with scramble.py into dev/ or check/ under the next free number,
and index.tsv gets a row: file, split, blog, address, kind, year, features.
The split is decided by the blog (a hash of its host), so a blog's pages all
land in one split and check/ holds only blogs that dev/ never shows: about one
blog in three goes to check/.
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scramble import Scrambler  # noqa: E402

INDEX = os.path.join(HERE, "index.tsv")
COLUMNS = ["file", "split", "blog", "url", "kind", "year", "features"]


def blog_of(url):
    host = re.sub(r"^https?://", "", url.lower()).split("/")[0]
    host = re.sub(r"^(www|m)\.", "", host)
    return re.sub(r"\.blogspot\.[a-z.]+$", ".blogspot.com", host)


# Blogs reserved for independent checks (`../shared/corpus/`), never added.
EXCLUDED = os.path.join(HERE, "..", "..", "..", "shared", "corpus", "excluded-blogs.txt")


def reserved():
    """The reserved blogs, each as `blog_of` names it (so that a
    `.blogspot.co.nz` entry matches however a label writes the host)."""
    if not os.path.exists(EXCLUDED):
        sys.exit(f"{EXCLUDED} is missing: pages cannot be checked against the reserved blogs")
    with open(EXCLUDED, encoding="utf-8") as f:
        return {blog_of(l.strip()) for l in f if l.strip() and not l.startswith("#")}


def split_of(blog):
    return "check" if int(hashlib.sha256(blog.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def read_index():
    if not os.path.exists(INDEX):
        return []
    with open(INDEX, encoding="utf-8") as f:
        lines = f.read().splitlines()
    return [dict(zip(COLUMNS, l.split("\t"))) for l in lines[1:] if l]


def main():
    key = os.environ.get("BLOG_EXPORT_SCRAMBLE_KEY")
    if not key or len(sys.argv) < 2:
        sys.exit(__doc__)
    s = Scrambler(key)
    rows = read_index()
    seen = {r["url"] for r in rows}
    excluded = reserved()
    n = max((int(r["file"].split("/")[1][:-4]) for r in rows), default=0)
    for raw in sys.argv[1:]:
        for name in sorted(f for f in os.listdir(raw) if f.endswith(".json")):
            with open(os.path.join(raw, name), encoding="utf-8") as f:
                label = json.load(f)
            if blog_of(label["url"]) in excluded:
                print(f"{raw}/{name}: {label['url']} is a reserved blog, skipped")
                continue
            if label["url"] in seen:
                print(f"{raw}/{name}: {label['url']} is already in the corpus, skipped")
                continue
            with open(os.path.join(raw, name[:-5] + ".txt"), encoding="utf-8", newline="") as f:
                text = f.read()
            seen.add(label["url"])
            n += 1
            blog = blog_of(label["url"])
            split = split_of(blog)
            os.makedirs(os.path.join(HERE, split), exist_ok=True)
            base = f"{split}/{n:03}"
            with open(os.path.join(HERE, base + ".txt"), "w", encoding="utf-8", newline="") as f:
                f.write(s.text(text))
            label = s.label(label)
            label.pop("notes", None)
            with open(os.path.join(HERE, base + ".json"), "w", encoding="utf-8") as f:
                json.dump(label, f, indent=1, ensure_ascii=False)
                f.write("\n")
            rows.append({"file": base + ".txt", "split": split, "blog": blog, "url": label["url"],
                         "kind": label.get("kind", "post"), "year": str(label.get("year", "")),
                         "features": ",".join(label.get("features", []))})
    with open(INDEX, "w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r[c] for c in COLUMNS) + "\n")
    print(f"{len(rows)} pages in the corpus")


if __name__ == "__main__":
    main()
