#!/usr/bin/env python3
"""Rewrite an English export's Blogger template words into another language.

    python3 benches/translate.py LANG IN OUT

LANG is a file of `languages/` (`es`, `de`, ...). The posts' text stays
English; what Blogger's template prints becomes the language's, from its
data file: date headers (`Friday 25 July 2014` becomes `viernes, 25 de
julio de 2014`, after the language's `example`), comment headers
(`37 comments:`), `said...` lines, the `Reply` / `Delete` / `ReplyDelete`
/ `Replies` markers and `Anonymous`. The same text under the two templates
is what the languages benchmark compares (`benches/languages.sh`), so the
difference is what the language's words cost the parser.
"""

import re
import sys
import tomllib
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# A date header on a line of its own, day first or month first.
DAY_FIRST = re.compile(
    rf"^(?P<wd>{'|'.join(WEEKDAYS)}),? (?P<d>\d{{1,2}}) (?P<m>{'|'.join(MONTHS)}),? (?P<y>\d{{4}})[ \t]*$")
MONTH_FIRST = re.compile(
    rf"^(?P<wd>{'|'.join(WEEKDAYS)}),? (?P<m>{'|'.join(MONTHS)}) (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})[ \t]*$")
COMMENTS = re.compile(r"^(?P<n>\d+) comments?:[ \t]*$")
SAID = re.compile(r"(?P<lead>\S) said\.\.\.")
MARKERS = {"ReplyDelete": "reply_delete", "Replies": "replies", "Reply": "reply", "Delete": "delete"}


def main():
    lang, src, dst = sys.argv[1:4]
    root = Path(__file__).resolve().parent.parent
    data = tomllib.loads((root / "languages" / f"{lang}.toml").read_text(encoding="utf-8"))
    weekdays = [w[0] for w in data["weekdays"]]
    months = [m[0] for m in data["months"]]
    # The example is Tuesday 3 March 2009 (Thursday 1 January 2009 in
    # Italian's): its words become slots.
    example = data["example"]
    for slot, names in (("{wd}", weekdays), ("{m}", months)):
        name = next(n for n in names if n in example)
        example = example.replace(name, slot, 1)
    example = re.sub(r"\b0?[13]\b", "{d}", example, count=1).replace("2009", "{y}")
    pad = re.search(r"\b0[13]\b", data["example"]) is not None
    words = data["comment_words"]
    plural, singular = words[0], words[1] if len(words) > 1 else words[0]

    def header(m):
        day = int(m["d"])
        return example.format(wd=weekdays[WEEKDAYS.index(m["wd"])],
                              d=f"{day:02}" if pad else str(day),
                              m=months[MONTHS.index(m["m"])], y=m["y"])

    out = []
    for line in Path(src).read_text(encoding="utf-8").split("\n"):
        m = DAY_FIRST.match(line) or MONTH_FIRST.match(line)
        if m:
            out.append(header(m))
            continue
        m = COMMENTS.match(line)
        if m:
            n = int(m["n"])
            out.append(f"{n} {singular if n == 1 else plural}:")
            continue
        stripped = line.strip()
        if stripped in MARKERS and data.get(MARKERS[stripped]):
            out.append(line.replace(stripped, data[MARKERS[stripped]][0]))
            continue
        line = SAID.sub(lambda m: f"{m['lead']} {data['said'][0]}...", line)
        out.append(line.replace("Anonymous", data["anonymous"][0]))
    Path(dst).write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
