"""Parse a folder of Blogger exports on a Dask cluster into Parquet.

    python python/examples/dask_archive.py DIR OUT [--scheduler ADDRESS]
        [--workers N] [--batch-mb MB]

Every ``.txt`` file under DIR (in any case, recursively) is parsed by
``blog_export.tables``; files are batched into tasks of about ``--batch-mb``
megabytes (one task per small file would spend more time in the scheduler
than in the parser), and each task writes its part of three Parquet
datasets: ``OUT/posts/``, ``OUT/comments/`` and ``OUT/letters/``.

Without ``--scheduler``, a ``LocalCluster`` runs on this machine, bound to
127.0.0.1 and with no dashboard. With ``--scheduler tcp://host:8786``, the
tasks run on an existing cluster, whose workers must have ``blog-export``
installed and see DIR and OUT at the same paths (a shared file system).

Prints the number of rows written to each dataset.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence


def export_files(root: Path) -> List[Path]:
    """The saved pages (``.txt``) and Blogger export files (``.xml``,
    ``.atom``) under ``root``, in name order."""
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in (".txt", ".xml", ".atom")
    )


def batches(files: Sequence[Path], limit: int) -> Iterator[List[str]]:
    """Consecutive files grouped into batches of at most ``limit`` bytes
    (a larger file is a batch of its own)."""
    batch: List[str] = []
    size = 0
    for path in files:
        n = path.stat().st_size
        if batch and size + n > limit:
            yield batch
            batch, size = [], 0
        batch.append(str(path))
        size += n
    if batch:
        yield batch


def parse_batch(index: int, paths: List[str], out: str) -> Dict[str, int]:
    """Parses one batch and writes its part of each dataset; returns the
    rows written per dataset. Runs on a worker."""
    import pyarrow.parquet as pq

    import blog_export

    counts = {}
    for name, table in blog_export.tables(paths).items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"part-{index:06d}.parquet")
        counts[name] = table.num_rows
    return counts


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, int]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="folder of saved pages (.txt) and Blogger export files (.xml, .atom)")
    parser.add_argument("out", type=Path, help="folder for the Parquet datasets")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="workers of the local cluster (default: all cores)")
    parser.add_argument("--batch-mb", type=float, default=8.0,
                        help="megabytes of input per task (default 8)")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    files = export_files(args.dir)
    if not files:
        parser.error(f"{args.dir}: no .txt, .xml or .atom file")
    limit = int(args.batch_mb * 1_000_000)
    out = str(args.out.resolve())
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures = [
            client.submit(parse_batch, i, batch, out, pure=False)
            for i, batch in enumerate(batches(files, limit))
        ]
        totals = {"posts": 0, "comments": 0, "letters": 0}
        for counts in client.gather(futures):
            for name, n in counts.items():
                totals[name] += n
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return totals


if __name__ == "__main__":
    totals = main()
    for name, n in totals.items():
        print(f"{name}\t{n}")
    sys.exit(0)
