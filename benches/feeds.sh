#!/usr/bin/env bash
# Blogger export files: blog-export against the Python peer (ElementTree's
# iterparse plus html.parser, benches/feed.py), on made-up classic backups
# of 50 and 200 MB (in $TMPDIR, never committed): median seconds of REPEAT
# runs (default 3), MB/s, the ratio, and peak memory (RSS). Run from the
# project root:  bash benches/feeds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --features cli --quiet
bin="${CARGO_TARGET_DIR:-target}/release/blog-export"
tmp="${TMPDIR:-/tmp}"
repeat="${REPEAT:-3}"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# seconds and peak KB of one command, its output thrown away
run() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
for mb in 50 200; do
  file="$tmp/blog-export-feed-$mb.xml"
  [ -f "$file" ] || python3 benches/feed.py make "$file" "$mb"
  size=$(stat -c %s "$file")
  echo "== $file ($size bytes)"
  for what in "stream" "whole" "peer"; do
    times=(); rss=0
    for _ in $(seq "$repeat"); do
      case $what in
        stream) r=$(run "$bin" parse --format jsonl -j 1 "$file") ;;
        whole)  r=$(run "$bin" stats -j 1 "$file") ;;
        peer)   r=$(run python3 benches/feed.py peer "$file") ;;
      esac
      times+=("${r% *}"); rss="${r#* }"
    done
    s=$(printf '%s\n' "${times[@]}" | median)
    printf '%-8s median %7.2f s  %7.1f MB/s  peak %8d KB\n' "$what" "$s" \
      "$(echo "$size / 1000000 / $s" | bc -l)" "$rss"
    eval "t_$what=$s"
  done
  printf 'peer / stream: %.1fx   peer / whole: %.1fx\n' \
    "$(echo "$t_peer / $t_stream" | bc -l)" "$(echo "$t_peer / $t_whole" | bc -l)"
done
