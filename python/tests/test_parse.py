"""`parse` and `parse_file` give the CLI's JSON; errors are typed."""

import json
import subprocess

import pytest

import blog_export
from conftest import inputs


@pytest.mark.parametrize("path", inputs(), ids=lambda p: p.name)
def test_parse_file_equals_the_cli_json(path, blog_export_cli):
    run = subprocess.run([blog_export_cli, "parse", path], capture_output=True, check=False)
    if run.returncode != 0:
        with pytest.raises(blog_export.ParseError):
            blog_export.parse_file(path)
        return
    cli = json.loads(run.stdout)
    assert blog_export.parse_file(path) == cli
    assert blog_export.parse(path.read_text(encoding="utf-8")) == cli


def test_parse_error_is_a_value_error_with_its_place():
    with pytest.raises(blog_export.ParseError) as e:
        blog_export.parse("\n\nFriday 31 February 2014\n\nText")
    assert isinstance(e.value, ValueError)
    assert (e.value.line, e.value.column) == (3, 1)
    assert "no valid date header" in e.value.message
    # No header at all: one post without a date, and a warning.
    export = blog_export.parse("\n\nno header here")
    assert export["posts"][0]["date"] is None
    assert export["diagnostics"][0]["kind"] == "no_date_header"


def test_strict_turns_a_diagnostic_into_an_error():
    text = "Monday 25 July 2014\n\nTitle"
    assert blog_export.parse(text)["diagnostics"][0]["kind"] == "weekday_mismatch"
    with pytest.raises(blog_export.ParseError) as e:
        blog_export.parse(text, strict=True)
    assert e.value.line == 1


def test_missing_file_names_its_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as e:
        blog_export.parse_file(missing)
    assert str(missing) in str(e.value)
    assert e.value.filename == str(missing)


def test_parse_error_lives_in_blog_export():
    assert blog_export.ParseError.__module__ == "blog_export"


def test_not_utf8_is_a_parse_error_with_the_offset(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"Friday 25 July 2014\n\nCaf\xe9\n")
    with pytest.raises(blog_export.ParseError) as e:
        blog_export.parse_file(bad)
    assert e.value.offset == 24
    assert e.value.kind == "read"
    assert e.value.file == str(bad)
    assert "not UTF-8" in e.value.message


def test_every_limit_is_a_keyword_and_its_error_names_it():
    text = "Friday 25 July 2014\n\nOne\n\nSaturday 26 July 2014\n\nTwo with a long line"
    for keyword, value in [("max_posts", 1), ("max_line_bytes", 8), ("max_size", 10)]:
        with pytest.raises(blog_export.ParseError) as e:
            blog_export.parse(text, **{keyword: value})
        assert e.value.kind == "limit"
        assert e.value.message.endswith(f"({keyword})"), e.value.message
        assert "ParseOptions" not in str(e.value)
    assert len(blog_export.parse(text, max_posts=2)["posts"]) == 2


def test_pages_in_other_languages_and_the_language_keyword():
    text = "martes, 3 de marzo de 2009\n\nHola\n\nTexto.\n\n1 comentario:\n\nAna dijo...\n\n    Muy bien.\n"
    export = blog_export.parse(text)
    assert export["language"] == "es"
    assert export["posts"][0]["comments"]["items"][0]["author"]["text"] == "Ana"
    # Forced to English, the page has no date header: one undated post.
    forced = blog_export.parse(text, language="en")
    assert forced["posts"][0]["date"] is None
    with pytest.raises(ValueError, match="not a language"):
        blog_export.parse(text, language="xx")
