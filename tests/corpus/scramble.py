#!/usr/bin/env python3
"""Scramble real pages (and their labels) before they enter the corpus.

usage: BLOG_EXPORT_SCRAMBLE_KEY=... python3 tests/corpus/scramble.py PAGE.txt LABEL.json OUT.txt OUT.json

Every run of letters becomes a pseudo-word of the same length and letter case
(a vowel stays a vowel, a consonant a consonant, so the text keeps its shape),
unless it is in keep-words.txt (the template and letter vocabulary) or in a
language file of `languages/` (the other languages' template words), or is
a single letter. The pseudo-word depends only on the word (without regard to
case) and the key, so a name scrambles the same everywhere: in the page, in its
label and in every other page scrambled with the same key. Digits, punctuation
and white space are kept byte for byte. The key is not kept in the repository,
so the real words cannot be recovered by trying a dictionary.

In the label, every string is scrambled except the fields that are not page
text (url, date, kind, features, year_from).
"""
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VOWELS = "aeiouy"
CONSONANTS = "bcdfghjklmnpqrstvwxz"
LABEL_FIELDS_KEPT = {"url", "date", "kind", "features", "year_from", "blog", "language"}


def load_keep():
    """keep-words.txt, and every template word of the languages in
    `languages/*.toml` (weekdays, months, comment headers, said words,
    markers, furniture, anonymous authors)."""
    import glob
    import tomllib

    words = set()
    with open(os.path.join(HERE, "keep-words.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                words.update(w.lower() for w in re.findall(r"[^\W\d_]+", line))
    root = os.path.dirname(os.path.dirname(HERE))
    for path in glob.glob(os.path.join(root, "languages", "*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for key, value in data.items():
            if key in ("code", "name", "example"):
                continue
            for item in value:
                for text in item if isinstance(item, list) else [item]:
                    words.update(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    return words


KEEP = load_keep()
WORD = re.compile(r"[^\W\d_]+")


class Scrambler:
    def __init__(self, key):
        self.key = key.encode()
        self.cache = {}

    def pseudo(self, lower):
        if lower in self.cache:
            return self.cache[lower]
        n = 0
        while True:
            h = hashlib.sha256(self.key + b"\0" + lower.encode() + b"\0" + str(n).encode()).digest()
            out = []
            for i, c in enumerate(lower):
                b = h[i % len(h)] ^ (i // len(h)) * 31
                out.append(VOWELS[b % len(VOWELS)] if c in VOWELS else CONSONANTS[b % len(CONSONANTS)])
            word = "".join(out)
            if word not in KEEP and word != lower:
                break
            n += 1
        self.cache[lower] = word
        return word

    def word(self, m):
        w = m.group(0)
        if len(w) == 1 or w.lower() in KEEP:
            return w
        p = self.pseudo(w.lower())
        # str.lower() can change the length of a few characters (e.g. 'İ'):
        # fall back to position-wise case from the original.
        p = (p + p)[: len(w)] if len(p) < len(w) else p[: len(w)]
        return "".join(c.upper() if o.isupper() else c for c, o in zip(p, w))

    def text(self, s):
        return WORD.sub(self.word, s)

    def label(self, v, key=None):
        if key in LABEL_FIELDS_KEPT:
            return v
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, list):
            return [self.label(x) for x in v]
        if isinstance(v, dict):
            return {k: self.label(x, k) for k, x in v.items()}
        return v


def main():
    key = os.environ.get("BLOG_EXPORT_SCRAMBLE_KEY")
    if not key or len(sys.argv) != 5:
        sys.exit(__doc__)
    s = Scrambler(key)
    page, label, out_page, out_label = sys.argv[1:]
    with open(page, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(out_page, "w", encoding="utf-8", newline="") as f:
        f.write(s.text(text))
    with open(label, encoding="utf-8") as f:
        lab = json.load(f)
    with open(out_label, "w", encoding="utf-8") as f:
        json.dump(s.label(lab), f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
