"""The native part of ``blog_export`` (use the functions of the package)."""

from typing import Dict, List, Optional, TypedDict

class ParseError(ValueError):
    """An input that cannot be parsed: where and why."""

    kind: str
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]
    message: str
    file: Optional[str]

TABLES: Dict[str, List[str]]
"""The tables of :func:`table_columns` and their columns, in order."""

class _Options(TypedDict):
    """The parse keywords of the package's functions, in one dict."""

    strict: bool
    max_size: Optional[int]
    max_line_bytes: Optional[int]
    max_posts: Optional[int]
    language: Optional[str]
    drafts: bool
    pages: bool

def parse_json(text: str, options: _Options) -> bytes:
    """The JSON of ``blog-export parse`` for ``text``."""

def parse_file_json(path: str, options: _Options) -> bytes:
    """The JSON of ``blog-export parse`` for the file at ``path``."""

def table_columns(
    paths: List[str], options: _Options, dedupe: bool = False
) -> Dict[str, Dict[str, list]]:
    """The columns of the posts, comments and letters tables."""

def write_view(paths: List[str], out: str, options: _Options) -> None:
    """Writes the HTML report of ``blog-export view`` for the files at ``paths`` to ``out``."""
