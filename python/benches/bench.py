"""Speed of the Python package beside the CLI, in one run.

    python python/benches/bench.py [MB]

Builds a corpus of MB megabytes (default 50) from the seeds, then reports
medians of several runs: `blog_export.tables()` on it (as one file and as
files of ~300 KB), `blog_export.parse()` to dicts, and the CLI's `stats` on
the same file, as MB/s and as ratios.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import blog_export

ROOT = Path(__file__).resolve().parents[2]


def corpus(mb: int) -> Path:
    one = "".join(p.read_text(encoding="utf-8") + "\n\n" for p in sorted((ROOT / "seeds").glob("*.txt")))
    path = Path(tempfile.gettempdir()) / f"blog-export-py-corpus-{mb}.txt"
    if not path.exists() or path.stat().st_size < mb * 1_000_000:
        path.write_text(one * (mb * 1_000_000 // len(one.encode()) + 1), encoding="utf-8")
    return path


def files(mb: int) -> list:
    folder = Path(tempfile.gettempdir()) / f"blog-export-py-files-{mb}"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    n = mb * 1_000_000 // sum(p.stat().st_size for p in seeds) * len(seeds)
    folder.mkdir(exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"{i:05d}.txt"
        if not path.exists():
            path.write_bytes(seeds[i % len(seeds)].read_bytes())
        out.append(path)
    return out


def median(f, runs=5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    mb = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    path = corpus(mb)
    size = path.stat().st_size / 1e6
    many = files(mb)
    many_size = sum(p.stat().st_size for p in many) / 1e6
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    cli = os.environ.get("BLOG_EXPORT_BIN", str(target / "release" / "blog-export"))
    text = path.read_text(encoding="utf-8")
    rows = {}

    def tables_one():
        rows.update({k: v.num_rows for k, v in blog_export.tables([path]).items()})

    t_cli = median(lambda: subprocess.run([cli, "stats", str(path)], stdout=subprocess.DEVNULL, check=True))
    t_tables = median(tables_one)
    t_many = median(lambda: blog_export.tables(many))
    t_parse = median(lambda: blog_export.parse(text), runs=3)
    print(f"corpus: {size:.1f} MB ({path}); {len(many)} files of {many_size:.1f} MB")
    print(f"rows: {rows}")
    print(f"CLI stats (whole process)      {t_cli * 1000:8.0f} ms  {size / t_cli:7.1f} MB/s")
    print(f"tables(), one file             {t_tables * 1000:8.0f} ms  {size / t_tables:7.1f} MB/s  ({t_cli / t_tables:.2f} of the CLI's throughput)")
    print(f"tables(), {len(many)} files         {t_many * 1000:8.0f} ms  {many_size / t_many:7.1f} MB/s")
    print(f"parse() to dicts               {t_parse * 1000:8.0f} ms  {size / t_parse:7.1f} MB/s")


if __name__ == "__main__":
    main()
