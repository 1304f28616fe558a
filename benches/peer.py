#!/usr/bin/env python3
"""The peer for the performance comparison: a plain Python 3 script using `re`
that only splits an export into posts at date headers and counts comments
(top-level and replies). It builds no typed values.

usage: python3 benches/peer.py FILE [REPEAT]
Prints posts, comments, bytes, and the median seconds and MB/s of REPEAT runs
(default 5) of the split-and-count, the file read once beforehand.
"""
import re
import statistics
import sys
import time

HEADER = re.compile(
    r"^[ \t]*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+,?|[A-Z][a-z]+[ \t]+\d{1,2},)[ \t]+\d{4}[ \t]*$",
    re.M,
)
COMMENT = re.compile(r"^ {0,5}\d{1,6}\. ", re.M)
SECTION = re.compile(r"^[ \t]*(?:\d+ comments?|No comments):[ \t]*$", re.M)


def split_and_count(text):
    starts = [m.start() for m in HEADER.finditer(text)]
    posts = comments = 0
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        post = text[start:end]
        posts += 1
        section = SECTION.search(post)
        if section:
            comments += len(COMMENT.findall(post, section.end()))
    return posts, comments


def main():
    path = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(path, encoding="utf-8") as f:
        text = f.read()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        posts, comments = split_and_count(text)
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    size = len(text.encode("utf-8"))
    print(f"posts={posts} comments={comments} bytes={size} median_s={median:.3f} MB/s={size / 1e6 / median:.1f}")


if __name__ == "__main__":
    main()
