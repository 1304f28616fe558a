#!/usr/bin/env python3
"""Bring scrambled corpus pages in step with a grown keep list.

usage: python3 tests/corpus/rekeep.py RAWDIR...

When keep-words.txt or a language file gains words, pages scrambled before
keep those words scrambled. This puts them back: for each raw page NN.txt
(with its label NN.json naming the page's address) of the RAWDIRs whose
address is in index.tsv, every word of the raw page that is now kept
replaces its scrambled form in the corpus page and in its labels. Nothing
else changes, so the result is what scrambling the raw page again with the
same key would give, without needing the key. A pseudo-word that stands for
two different raw words in one page is left alone.
"""
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scramble import KEEP, WORD  # noqa: E402


def corpus_files():
    """The corpus file of each address in index.tsv."""
    with open(os.path.join(HERE, "index.tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return {row[3]: row[0] for row in rows}


def restore(raw, scrambled):
    """The pseudo-words of `scrambled` that stand for a kept word of `raw`."""
    a, b = WORD.findall(raw), WORD.findall(scrambled)
    if len(a) != len(b):
        raise SystemExit("the raw page and the corpus page differ in their words")
    back = {y: x for x, y in zip(a, b) if x.lower() in KEEP and x != y}
    for x, y in zip(a, b):
        if y in back and back[y] != x:
            del back[y]
    return back


def relabel(value, sub):
    if isinstance(value, str):
        return sub(value)
    if isinstance(value, list):
        return [relabel(v, sub) for v in value]
    if isinstance(value, dict):
        return {k: v if k in ("url", "blog") else relabel(v, sub) for k, v in value.items()}
    return value


def main(dirs):
    files = corpus_files()
    changed = 0
    for label_path in sorted(p for d in dirs for p in glob.glob(os.path.join(d, "*.json"))):
        with open(label_path, encoding="utf-8") as f:
            url = json.load(f).get("url")
        if url not in files:
            continue
        page = os.path.join(HERE, files[url])
        with open(label_path[:-5] + ".txt", encoding="utf-8") as f:
            raw = f.read()
        with open(page, encoding="utf-8") as f:
            scrambled = f.read()
        back = restore(raw, scrambled)
        if not back:
            continue

        def sub(text):
            return WORD.sub(lambda m: back.get(m.group(0), m.group(0)), text)

        with open(page, "w", encoding="utf-8") as f:
            f.write(sub(scrambled))
        labels = page[:-4] + ".json"
        with open(labels, encoding="utf-8") as f:
            label = json.load(f)
        with open(labels, "w", encoding="utf-8") as f:
            f.write(json.dumps(relabel(label, sub), ensure_ascii=False, indent=1) + "\n")
        changed += 1
        print(files[url], ", ".join(f"{y} -> {x}" for y, x in sorted(back.items())))
    print(f"{changed} pages brought in step")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
