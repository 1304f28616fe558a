#!/usr/bin/env bash
# English against another language on the same text: the benchmark corpus
# (benches/corpus.sh) and the same corpus with Blogger's template words in
# LANG (benches/translate.py: date headers, comment headers, `said` lines,
# markers). Both files' posts, comments and replies must count the same;
# then `stats -j 1` runs on each in turn, RUNS times, and the medians of
# their CPU time (user + system) and their ratio are printed. Never
# committed; the files are written once and reused.
#   bash benches/languages.sh [LANG [MB [RUNS]]]     (es, 50, 7)
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-es}"
mb="${2:-50}"
runs="${3:-7}"
bin="${BLOG_EXPORT_BIN:-target/release/blog-export}"
dir="${TMPDIR:-/tmp}"
en="$dir/blog-export-corpus-$mb.txt"
xx="$dir/blog-export-corpus-$mb.$lang.txt"
[ -x "$bin" ] || cargo build --release --features cli
bash benches/corpus.sh "$mb" "$en"
if [ ! -f "$xx" ] || [ "$xx" -ot "$en" ] || [ "$xx" -ot "languages/$lang.toml" ]; then
  python3 benches/translate.py "$lang" "$en" "$xx"
fi
# Posts, comments and replies (the `total` line's second to fourth fields).
counts() { "$bin" stats -j 1 "$1" | awk -F'\t' '$1 == "total" { print $2, $3, $4 }'; }
a="$(counts "$en")"
b="$(counts "$xx")"
if [ "$a" != "$b" ]; then
  echo "the two files parse differently: en $a, $lang $b" >&2
  exit 1
fi
cpu() {
  local TIMEFORMAT='%U %S'
  { time "$bin" stats -j 1 "$1" > /dev/null; } 2>&1 | awk '{ printf "%.3f\n", $1 + $2 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
t_en=()
t_xx=()
for _ in $(seq "$runs"); do
  t_en+=("$(cpu "$en")")
  t_xx+=("$(cpu "$xx")")
done
m_en="$(printf '%s\n' "${t_en[@]}" | median)"
m_xx="$(printf '%s\n' "${t_xx[@]}" | median)"
echo "posts, comments, replies: $a (both)"
echo "en:    $(stat -c %s "$en") bytes, CPU s: ${t_en[*]}, median $m_en"
echo "$lang:    $(stat -c %s "$xx") bytes, CPU s: ${t_xx[*]}, median $m_xx"
awk -v a="$m_en" -v b="$m_xx" -v l="$lang" 'BEGIN { printf "%s / en: %.2fx\n", l, b / a }'
