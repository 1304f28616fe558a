#!/usr/bin/env bash
# The benchmark corpus: the seeds, each followed by a blank line pair,
# repeated until the file holds at least MB million bytes (what
# benches/parse.rs builds in memory and benches/rss.sh on disk). Never
# committed; written once and reused while its size fits.
#   bash benches/corpus.sh MB OUT
set -euo pipefail
cd "$(dirname "$0")/.."
mb="$1"
out="$2"
if [ -f "$out" ] && [ "$(stat -c %s "$out")" -ge $((mb * 1000000)) ]; then
  exit 0
fi
one="$(mktemp)"
for f in seeds/*.txt; do cat "$f"; printf '\n\n'; done > "$one"
: > "$out"
while [ "$(stat -c %s "$out")" -lt $((mb * 1000000)) ]; do cat "$one" >> "$out"; done
rm -f "$one"
