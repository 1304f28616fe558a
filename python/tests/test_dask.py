"""The Dask example parses a folder of 1,000 pages into Parquet datasets
whose row counts match the CLI's `stats`."""

import subprocess
import sys

import pyarrow.parquet as pq

import blog_export

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


def test_dask_dedupe_gives_one_row_per_post(tmp_path, blog_export_cli):
    # One blog saved as text pages and as both export files, each copied
    # into several folders (as a person saving it twice would have it),
    # beside the seeds.
    feeds = ROOT / "tests" / "feeds"
    pages = tmp_path / "pages"
    for copy in range(3):
        sub = pages / f"copy-{copy}"
        sub.mkdir(parents=True)
        for name in ("classic.txt", "classic.xml", "takeout.atom"):
            (sub / name).write_bytes((feeds / name).read_bytes())
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (pages / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    totals = dask_archive.main([str(pages), str(out), "--workers", "2", "--batch-mb", "0.05",
                                "--dedupe"])
    want = blog_export.tables(pages, dedupe=True)
    assert totals == {name: want[name].num_rows for name in ("posts", "comments", "letters")}
    # The CLI's corpus command gives the same posts.
    listed = subprocess.run([blog_export_cli, "corpus", "--format", "csv", str(pages)],
                            capture_output=True, text=True, check=True).stdout
    assert totals["posts"] == len(listed.strip().splitlines()) - 1
    posts = pq.read_table(out / "posts")
    assert posts.num_rows == totals["posts"]
    ids = posts.column("post_id").to_pylist()
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(want["posts"].column("post_id").to_pylist())
    # Each thread once, joined to its post by post_id.
    comments = pq.read_table(out / "comments")
    assert comments.num_rows == want["comments"].num_rows
    assert set(comments.column("post_id").to_pylist()) <= set(ids)
