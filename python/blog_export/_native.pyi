"""The native part of ``blog_export`` (use the functions of the package)."""

from typing import Dict, List

class ParseError(ValueError):
    """An input that cannot be parsed: where and why."""

    line: int
    column: int
    message: str
    file: str | None

TABLES: Dict[str, List[str]]
"""The tables of :func:`table_columns` and their columns, in order."""

def parse_json(text: str, strict: bool = False) -> bytes:
    """The JSON of ``blog-export parse`` for ``text``."""

def parse_file_json(path: str, strict: bool = False) -> bytes:
    """The JSON of ``blog-export parse`` for the file at ``path``."""

def table_columns(paths: List[str]) -> Dict[str, Dict[str, list]]:
    """The columns of the posts, comments and letters tables."""
