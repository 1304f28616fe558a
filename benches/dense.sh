#!/usr/bin/env bash
# Peak memory (RSS) of a whole-input parse on the dense shapes of issue #25:
# inputs whose every few bytes are an element of their own. For each shape
# it prints the input's size, the elements it holds (paragraphs, list items
# or comments, from `stats`), the peak RSS of `blog-export stats -j 1`, the
# peak per input byte and per element, and whether the peak is within the
# bound 20 x input + 64 MB. Inputs are made in $TMPDIR and never committed.
# Run from the project root:  bash benches/dense.sh [MB]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-15}"
cargo build --release --features cli --bins --quiet
bin="${CARGO_TARGET_DIR:-target}/release/blog-export"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/blog-export-dense.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$mb" <<'PY'
import sys
out, mb = sys.argv[1], float(sys.argv[2])
size = int(mb * 1_000_000)
head = "Friday 25 July 2014\n\nA dense post\n\n"

def write(name, unit):
    """`head`, then `unit(i)` for i = 1, 2, ... up to `size` bytes."""
    parts, n, i = [head], len(head), 1
    while n < size:
        piece = unit(i)
        parts.append(piece)
        n += len(piece)
        i += 1
    with open(f"{out}/{name}.txt", "w", encoding="utf-8") as f:
        f.write("".join(parts))

write("one-letter-paragraphs", lambda i: "a\n\n")
write("bare-numbered-lines", lambda i: f"{i}.\n")
write("one-character-lines", lambda i: "a\n")
# The header's count is left out: its number would be the comments'.
with open(f"{out}/empty-comments.txt", "w", encoding="utf-8") as f:
    f.write(head + "Text.\n\n1 comment:\n\n")
    n, i = 0, 1
    while n < size:
        piece = f"  {i}.\n\n    ReplyDelete\n\n"
        f.write(piece)
        n += len(piece)
        i += 1
PY
printf '%-24s %10s %10s %10s %8s %10s  %s\n' shape "input KB" elements "peak KB" "peak/in" "B/element" "bound 20x+64MB"
for file in "$tmp"/*.txt; do
  name="$(basename "$file" .txt)"
  kb=$(( $(stat -c %s "$file") / 1024 ))
  peak=$(/usr/bin/time -f %M "$bin" stats -j 1 "$file" 2>&1 >/dev/null | tail -1)
  # Elements: the body's paragraphs and list items, or the comments.
  elements=$("$bin" parse --format csv --table posts "$file" | python3 -c '
import csv, sys
row = next(csv.DictReader(sys.stdin))
print(max(int(row["paragraphs"]), int(row["comments"])))')
  ratio=$(python3 -c "print(f'{$peak / $kb:.1f}x')")
  per=$(python3 -c "print(round($peak * 1024 / max($elements, 1)))")
  ok=$(python3 -c "print('holds' if $peak <= 20 * $kb + 64 * 1024 else 'over')")
  printf '%-24s %10s %10s %10s %8s %10s  %s\n' "$name" "$kb" "$elements" "$peak" "$ratio" "$per" "$ok"
done
