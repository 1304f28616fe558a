"""`view` writes the report of `blog-export view`: the same page, byte for
byte, for the same files."""

import subprocess

import pytest

import blog_export
from conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_view_writes_what_the_cli_writes(blog_export_cli, tmp_path):
    out = tmp_path / "report.html"
    assert blog_export.view(SEEDS, out) is None
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert html.count("<article ") == 24
    cli = tmp_path / "cli.html"
    subprocess.run([blog_export_cli, "view", *map(str, SEEDS), "-o", cli], check=True)
    assert html == cli.read_text(encoding="utf-8")


def test_view_of_a_directory_and_of_markup(tmp_path):
    page = tmp_path / "pages" / "a.txt"
    page.parent.mkdir()
    page.write_text("Friday 25 July 2014\n\n<script>alert(1)</script>\n\nBody.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    blog_export.view(page.parent, out)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_view_raises_and_writes_nothing_on_a_bad_file(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Friday 31 February 2014\n\nText\n", encoding="utf-8")
    out = tmp_path / "report.html"
    with pytest.raises(blog_export.ParseError) as e:
        blog_export.view([SEEDS[0], bad], out)
    assert e.value.file == str(bad)
    assert not out.exists()
    with pytest.raises(FileNotFoundError):
        blog_export.view([tmp_path / "missing.txt"], out)
