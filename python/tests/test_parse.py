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
        blog_export.parse("\n\nno header here")
    assert isinstance(e.value, ValueError)
    assert (e.value.line, e.value.column) == (3, 1)
    assert "no date header" in e.value.message


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
