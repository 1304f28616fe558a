#!/usr/bin/env python3
"""Score the CLI on the labelled corpus of real (scrambled) pages.

usage: python3 tests/corpus/score.py BIN [--split dev|check] [-v] [--ratchet FILE] [--update]

BIN is target/release/blog-export. For each split it prints: pages fully
right, dates, titles, comment sections (declared count, top-level comments and
replies all equal), comment authors (sections whose template names authors:
the whole list in order), letters found (by salutation), letters exact
(valediction and signer too), false letters, posts counted right, crashes.

Pages of Blogger's templates in other languages (the label's `language`)
are scored apart: `dev:intl` and `check:intl`.

-v prints every difference, for the dev split only unless --split check is
given: rules are written from dev/ and check/ is for scoring.
--ratchet FILE fails (exit 1) when a figure drops below the one in FILE;
with --update it writes the figures of this run to FILE instead.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SPLITS = ("dev", "check")


def norm(s):
    if s is None:
        return None
    if isinstance(s, dict):
        s = s.get("text")
    s = unicodedata.normalize("NFC", s).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip() or None


def run(bin_, path):
    try:
        p = subprocess.run([bin_, "parse", path], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "crash: timeout"
    if p.returncode not in (0, 1, 2):
        return None, f"crash: exit {p.returncode}: {p.stderr.decode(errors='replace')[:300]}"
    if p.returncode != 0:
        return None, f"refused: {p.stderr.decode(errors='replace').strip()[:300]}"
    return json.loads(p.stdout), None


def walk(o):
    yield o
    if isinstance(o, dict):
        for v in o.values():
            yield from walk(v)
    elif isinstance(o, list):
        for v in o:
            yield from walk(v)


def letters_in(post):
    return [d for d in walk(post.get("body", [])) if isinstance(d, dict) and "salutation" in d]


def signer_of(letter):
    s = letter.get("signature")
    if isinstance(s, dict):
        return norm(s.get("name"))
    return norm(s)


def same_date(want, got, year_from):
    if want is None:
        return True
    if year_from == "url":  # the page itself does not decide the year
        return got is not None and got[4:] == want[4:]
    return got == want


class Score:
    FIELDS = ("pages", "posts", "dates", "titles", "comments", "authors",
              "letters_found", "letters_exact")

    def __init__(self):
        self.right = {f: 0 for f in self.FIELDS}
        self.total = {f: 0 for f in self.FIELDS}
        self.false_letters = 0
        self.crashes = 0
        self.refused = 0

    def check(self, field, ok):
        self.total[field] += 1
        self.right[field] += bool(ok)
        return bool(ok)

    def figures(self):
        out = {f: self.right[f] for f in self.FIELDS}
        out["false_letters"] = self.false_letters
        out["crashes"] = self.crashes
        return out


def score_page(bin_, txt, label, sc, say):
    out, err = run(bin_, txt)
    if err:
        if err.startswith("crash"):
            sc.crashes += 1
        else:
            sc.refused += 1
        out = {"posts": []}
        say(err)
    posts = out.get("posts", [])
    ok = sc.check("posts", len(posts) == len(label["posts"]))
    if not ok:
        say(f"{len(posts)} posts, want {len(label['posts'])}")
    for i, want in enumerate(label["posts"]):
        got = posts[i] if i < len(posts) else {}
        where = f"post {i + 1}"
        if want.get("date") is not None:
            if not sc.check("dates", same_date(want["date"], got.get("date"), want.get("year_from"))):
                ok = False
                say(f"{where}: date {got.get('date')!r}, want {want['date']!r}")
        if not sc.check("titles", norm(got.get("title")) == norm(want.get("title"))):
            ok = False
            say(f"{where}: title {norm(got.get('title'))!r}, want {norm(want.get('title'))!r}")
        wc = want.get("comments")
        gc = got.get("comments") or {}
        items = gc.get("items") or []
        if wc is None:
            if not sc.check("comments", not items):
                ok = False
                say(f"{where}: {len(items)} comments found, want no comment section")
        else:
            replies = sum(len(it.get("replies") or []) for it in items)
            g = (gc.get("declared"), len(items), replies)
            w = (wc.get("declared"), wc["top_level"], wc["replies"])
            if not sc.check("comments", g == w):
                ok = False
                say(f"{where}: comments declared/top/replies {g}, want {w}")
            if any(a is not None for a in wc.get("authors") or []):
                ga = [norm(it.get("author")) for it in items]
                wa = [norm(a) for a in wc["authors"]]
                if not sc.check("authors", ga == wa):
                    ok = False
                    say(f"{where}: authors {ga}, want {wa}")
        found = letters_in(got) if got else []
        used = set()
        for wl in want.get("letters") or []:
            sal = norm(wl.get("salutation"))
            match = next((j for j, l in enumerate(found) if j not in used
                          and (norm(l.get("salutation")) == sal or sal is None)), None)
            if not sc.check("letters_found", match is not None):
                ok = False
                say(f"{where}: no letter with salutation {sal!r}")
                continue
            used.add(match)
            l = found[match]
            exact = (norm(l.get("valediction")) == norm(wl.get("valediction"))
                     and signer_of(l) == norm(wl.get("signer")))
            if not sc.check("letters_exact", exact):
                say(f"{where}: letter {sal!r}: valediction/signer {norm(l.get('valediction'))!r} "
                    f"{signer_of(l)!r}, want {norm(wl.get('valediction'))!r} {norm(wl.get('signer'))!r}")
        for j, l in enumerate(found):
            if j not in used:
                sc.false_letters += 1
                ok = False
                say(f"{where}: false letter {norm(l.get('salutation'))!r}")
    sc.check("pages", ok)


def pages(split):
    d = os.path.join(HERE, split)
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f[:-5]) for f in os.listdir(d) if f.endswith(".json"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("--split", choices=SPLITS)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--ratchet")
    ap.add_argument("--update", action="store_true")
    a = ap.parse_args()
    figures = {}
    for split in ([a.split] if a.split else SPLITS):
        # English pages, and pages of Blogger's templates in other
        # languages (the label's `language`), each with figures of their own.
        groups = {split: Score(), f"{split}:intl": Score()}
        for base in pages(split):
            with open(base + ".json", encoding="utf-8") as f:
                label = json.load(f)
            name = os.path.relpath(base, HERE)
            english = label.get("language", "en") == "en"
            sc = groups[split if english else f"{split}:intl"]
            show = a.verbose and (split == "dev" or a.split == "check")
            score_page(a.bin, base + ".txt", label, sc, (lambda m, n=name: print(f"{n}: {m}")) if show else (lambda m: None))
        for group, sc in groups.items():
            if sc.total["pages"]:
                report(group, sc, figures)
    return ratchet(a, figures)


def report(group, sc, figures):
    """Prints one group's figures and keeps them for the ratchet."""
    figures[group] = sc.figures()
    print(f"== {group}: {sc.total['pages']} pages")
    for f in Score.FIELDS:
        t = sc.total[f]
        pct = f"{100 * sc.right[f] / t:5.1f}%" if t else "    -"
        print(f"  {f:<14} {sc.right[f]:>4} / {t:<4} {pct}")
    print(f"  {'false_letters':<14} {sc.false_letters:>4}")
    print(f"  {'refused':<14} {sc.refused:>4}")
    print(f"  {'crashes':<14} {sc.crashes:>4}")


def ratchet(a, figures):
    """Writes the figures to the ratchet file (`--update`), or fails when
    one is worse than the file's."""
    if a.ratchet:
        if a.update:
            with open(a.ratchet, "w") as f:
                json.dump(figures, f, indent=1, sort_keys=True)
                f.write("\n")
            return 0
        with open(a.ratchet) as f:
            floor = json.load(f)
        bad = []
        for split, figs in floor.items():
            for k, v in figs.items():
                got = figures.get(split, {}).get(k)
                if got is None:
                    continue
                worse = got > v if k in ("false_letters", "crashes") else got < v
                if worse:
                    bad.append(f"{split} {k}: {got}, ratchet {v}")
        for b in bad:
            print("below the ratchet:", b)
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
