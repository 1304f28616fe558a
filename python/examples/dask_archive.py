"""Parse a folder of Blogger exports on a Dask cluster into Parquet.

    python python/examples/dask_archive.py DIR OUT [--scheduler ADDRESS]
        [--workers N] [--batch-mb MB] [--dedupe]

Every ``.txt`` file under DIR (in any case, recursively) is parsed by
``blog_export.tables``; files are batched into tasks of about ``--batch-mb``
megabytes (one task per small file would spend more time in the scheduler
than in the parser), and each task writes its part of three Parquet
datasets: ``OUT/posts/``, ``OUT/comments/`` and ``OUT/letters/``.

With ``--dedupe``, the datasets hold one row per distinct post across all
the files (as ``blog-export corpus`` and ``tables(dedupe=True)`` give them:
the fullest body, every comment once), keyed by ``post_id``. Each task then
lists the ``(post_id, file)`` pairs of its batch; Dask's shuffle brings all
the pairs of one ``post_id`` into one partition; each partition folds its
posts from the files that show them (``tables(files, dedupe=True)``) and
writes its part. A file whose posts land in several partitions is read by
each of them. Join comments and letters to posts by ``post_id`` (``post``
counts posts within a part).

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
from typing import Any, Dict, Iterator, List, Optional, Sequence


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
    import blog_export

    return write_tables(blog_export.tables(paths), out, index)


def write_tables(tables: Dict[str, "Any"], out: str, index: int) -> Dict[str, int]:
    """Writes one part of each dataset; returns the rows written per
    dataset."""
    import pyarrow.parquet as pq

    counts = {}
    for name, table in tables.items():
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"part-{index:06d}.parquet")
        counts[name] = table.num_rows
    return counts


def appearances(paths: List[str]) -> "Any":
    """The ``(post_id, file)`` pairs of a batch: where each post appears.
    Runs on a worker."""
    import pandas as pd

    import blog_export

    posts = blog_export.tables(paths)["posts"]
    pairs = pd.DataFrame({
        "post_id": posts.column("post_id").to_pylist(),
        "file": posts.column("file").to_pylist(),
    })
    return pairs.drop_duplicates()


def fold_partition(pairs: "Any", out: str, partition_info: Optional[dict] = None) -> "Any":
    """Folds the posts of one shuffled partition (every appearance of each
    of its ``post_id``s) and writes their rows; returns the rows written
    per dataset as a one-row frame. Runs on a worker."""
    import pandas as pd
    import pyarrow.compute as pc

    import blog_export

    names = ("posts", "comments", "letters")
    if pairs.empty:
        return pd.DataFrame({name: [0] for name in names})
    tables = blog_export.tables(sorted(set(pairs["file"])), dedupe=True)
    # The files show other posts too: keep this partition's.
    keep = pa_strings(sorted(set(pairs["post_id"])))
    tables = {name: t.filter(pc.is_in(t.column("post_id"), value_set=keep))
              for name, t in tables.items()}
    index = partition_info["number"] if partition_info else 0
    counts = write_tables(tables, out, index)
    return pd.DataFrame({name: [counts[name]] for name in names})


def pa_strings(values: List[str]) -> "Any":
    """``values`` as an Arrow string array."""
    import pyarrow as pa

    return pa.array(values, type=pa.string())


def deduplicated(client: "Any", files: List[Path], limit: int, out: str) -> Dict[str, int]:
    """Writes the datasets with one row per distinct post; returns the rows
    written per dataset."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    # The same string dtype as `appearances` makes (pandas' own for str).
    meta = pd.DataFrame({"post_id": pd.Series([], dtype=str), "file": pd.Series([], dtype=str)})
    parts = [dask.delayed(appearances)(batch) for batch in batches(files, limit)]
    pairs = dd.from_delayed(parts, meta=meta)
    # Dask's shuffle: every pair of one post_id in one partition.
    pairs = pairs.shuffle("post_id", npartitions=max(1, len(parts)))
    counts_meta = pd.DataFrame({name: pd.Series(dtype="int64")
                                for name in ("posts", "comments", "letters")})
    counts = pairs.map_partitions(fold_partition, out, meta=counts_meta)
    totals = client.compute(counts).result().sum()
    return {name: int(totals[name]) for name in ("posts", "comments", "letters")}


def main(argv: Optional[Sequence[str]] = None) -> Dict[str, int]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="folder of saved pages (.txt) and Blogger export files (.xml, .atom)")
    parser.add_argument("out", type=Path, help="folder for the Parquet datasets")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="workers of the local cluster (default: all cores)")
    parser.add_argument("--batch-mb", type=float, default=8.0,
                        help="megabytes of input per task (default 8)")
    parser.add_argument("--dedupe", action="store_true",
                        help="one row per distinct post across all files, keyed by post_id")
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
        if args.dedupe:
            return deduplicated(client, files, limit, out)
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
