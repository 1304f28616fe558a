#!/usr/bin/env bash
# Peak memory (RSS) of the streaming paths and of a whole-input parse, on
# corpora of 50 MB and 500 MB made from the seeds (in $TMPDIR, never
# committed). Run from the project root:  bash benches/rss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --features cli --examples --bins --quiet
bin="${CARGO_TARGET_DIR:-target}/release"
tmp="${TMPDIR:-/tmp}"
for mb in 50 500; do
  corpus="$tmp/blog-export-rss-$mb.txt"
  bash benches/corpus.sh "$mb" "$corpus"
  size=$(stat -c %s "$corpus")
  rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
  echo "== $mb MB corpus ($size bytes)"
  printf '%-44s %8s KB\n' "parse --format jsonl FILE" "$(rss "$bin/blog-export" parse --format jsonl "$corpus")"
  printf '%-44s %8s KB\n' "parse --format jsonl - < FILE" "$(/usr/bin/time -f %M "$bin/blog-export" parse --format jsonl - < "$corpus" 2>&1 >/dev/null | tail -1)"
  printf '%-44s %8s KB\n' "examples/stream < FILE" "$(/usr/bin/time -f %M "$bin/examples/stream" < "$corpus" 2>&1 >/dev/null | tail -1)"
  printf '%-44s %8s KB\n' "stats FILE (whole input in memory)" "$(rss "$bin/blog-export" stats "$corpus")"
done
