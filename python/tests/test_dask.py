"""The Dask example parses a folder of 1,000 pages into Parquet datasets
whose row counts match the CLI's `stats`."""

import sys

import pyarrow.parquet as pq

from conftest import ROOT
from test_tables import cli_totals

sys.path.insert(0, str(ROOT / "python" / "examples"))

import dask_archive  # noqa: E402


def test_dask_archive_on_1000_pages(tmp_path, blog_export_cli):
    pages = tmp_path / "pages"
    pages.mkdir()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(1000):
        seed = seeds[i % len(seeds)]
        sub = pages / f"{i // 100:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"page-{i:04d}.txt").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    totals = dask_archive.main([str(pages), str(out), "--workers", "2", "--batch-mb", "4"])
    want = cli_totals(blog_export_cli, [pages])
    assert (totals["posts"], totals["comments"], totals["letters"]) == want
    read = tuple(pq.read_table(out / name).num_rows for name in ("posts", "comments", "letters"))
    assert read == want
