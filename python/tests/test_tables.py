"""`tables` gives Arrow tables whose rows match the CLI's counts, and that
pandas, polars and DuckDB read."""

import subprocess

import pyarrow as pa
import pytest

import blog_export
from conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def cli_totals(cli, paths):
    """posts, comments + replies, letters from `blog-export stats`."""
    out = subprocess.run([cli, "stats", *paths], capture_output=True, text=True, check=True)
    total = out.stdout.strip().splitlines()[-1].split("\t")
    posts, comments, replies, letters = map(int, total[1:5])
    return posts, comments + replies, letters


def test_rows_match_the_cli(blog_export_cli):
    t = blog_export.tables(SEEDS)
    assert set(t) == {"posts", "comments", "letters"}
    assert all(isinstance(table, pa.Table) for table in t.values())
    counts = (t["posts"].num_rows, t["comments"].num_rows, t["letters"].num_rows)
    assert counts == cli_totals(blog_export_cli, SEEDS)
    assert t["posts"].schema.field("date").type == pa.date32()
    assert t["comments"].column_names == list(blog_export.TABLES["comments"])


def test_the_columns_are_the_documented_ones():
    # The columns are declared once, in the native module; this is the
    # documented contract (README, `tables`' docstring).
    assert blog_export.TABLES == {
        "posts": ("file", "post", "post_id", "line", "date", "weekday", "title", "paragraphs",
                  "letters", "declared", "comments", "published", "author", "labels", "url"),
        "comments": ("file", "post", "post_id", "number", "parent", "line", "author", "signature",
                     "posted", "posted_date", "posted_time", "text"),
        "letters": ("file", "post", "post_id", "letter", "line", "sent", "sent_raw", "headers", "salutation",
                    "subject", "valediction", "signer", "roles"),
    }
    t = blog_export.tables(SEEDS[:1])
    for name, columns in blog_export.TABLES.items():
        assert t[name].column_names == list(columns)


def test_keys_join_comments_to_posts():
    t = blog_export.tables(SEEDS)
    posts = t["posts"].to_pandas()
    comments = t["comments"].to_pandas()
    joined = comments.merge(posts, on=["file", "post"], suffixes=("", "_post"))
    assert len(joined) == len(comments)
    # Replies name the comment they answer.
    replies = comments[comments["parent"].notna()]
    assert len(replies) == 26
    first = SEEDS[0].as_posix()
    c5 = comments[(comments["file"] == first) & (comments["number"] == 5) & comments["parent"].isna()]
    assert c5["signature"].tolist() == ["papa"]
    # A post's listed comments are its rows.
    per_post = comments.groupby(["file", "post"]).size()
    listed = posts.set_index(["file", "post"])["comments"]
    assert (per_post == listed[per_post.index]).all()


def test_pandas_polars_and_duckdb_read_them():
    import duckdb
    import polars as pl

    t = blog_export.tables(SEEDS)
    letters = t["letters"]
    assert len(letters.to_pandas()) == 12
    assert pl.from_arrow(letters).height == 12
    posts = t["posts"]
    n = duckdb.sql("SELECT count(*) FROM posts WHERE title IS NOT NULL").fetchall()[0][0]
    assert n == sum(1 for x in posts.column("title").to_pylist() if x is not None)


def test_a_bad_file_is_named(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Friday 31 February 2014\n\nText", encoding="utf-8")
    with pytest.raises(blog_export.ParseError) as e:
        blog_export.tables([SEEDS[0], bad])
    assert "bad.txt" in str(e.value)
    with pytest.raises(FileNotFoundError):
        blog_export.tables([tmp_path / "missing.txt"])


def _csv_rows(cli, table, paths):
    import csv
    import io

    out = subprocess.run([cli, "parse", "--format", "csv", "--table", table, *map(str, paths)],
                         capture_output=True, text=True, check=True)
    reader = csv.reader(io.StringIO(out.stdout))
    header = next(reader)
    return header, list(reader)


def _as_csv_field(value):
    """An Arrow value as the CLI writes it in CSV: null is an empty field."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def test_one_schema_for_csv_arrow_and_json_lines(blog_export_cli):
    import json

    t = blog_export.tables(SEEDS)
    for name, columns in blog_export.TABLES.items():
        header, rows = _csv_rows(blog_export_cli, name, SEEDS)
        # The same names, in the same order.
        assert header == list(columns) == t[name].column_names
        # The same values, with null as an empty field.
        arrow_rows = [[_as_csv_field(v) for v in row.values()] for row in t[name].to_pylist()]
        assert rows == arrow_rows, name
    # JSON lines post records are keyed as the tables' rows are.
    out = subprocess.run([blog_export_cli, "parse", "--format", "jsonl", *map(str, SEEDS)],
                         capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    keys = [(r["file"], r["post"]) for r in records if r["record"] == "post"]
    posts = t["posts"].to_pylist()
    assert keys == [(p["file"], p["post"]) for p in posts]


def test_tables_read_directories_and_path_like(tmp_path):
    import shutil

    (tmp_path / "sub").mkdir()
    shutil.copy(SEEDS[0], tmp_path / "sub" / "b.TXT")
    shutil.copy(SEEDS[1], tmp_path / "a.txt")
    (tmp_path / "notes.md").write_text("not an export")
    t = blog_export.tables(tmp_path)  # a pathlib.Path to a directory
    files = t["posts"].column("file").to_pylist()
    assert sorted(set(files)) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.TXT")]
    assert t["posts"].num_rows == blog_export.tables([SEEDS[0], SEEDS[1]])["posts"].num_rows
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotFoundError):
        blog_export.tables(empty)
