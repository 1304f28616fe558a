"""The native part of ``blog_export`` (use the functions of the package)."""

from typing import Dict, List, Optional

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

def parse_json(
    text: str,
    strict: bool = False,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> bytes:
    """The JSON of ``blog-export parse`` for ``text``."""

def parse_file_json(
    path: str,
    strict: bool = False,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> bytes:
    """The JSON of ``blog-export parse`` for the file at ``path``."""

def table_columns(
    paths: List[str],
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
    dedupe: bool = False,
) -> Dict[str, Dict[str, list]]:
    """The columns of the posts, comments and letters tables."""

def write_view(
    paths: List[str],
    out: str,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> None:
    """Writes the HTML report of ``blog-export view`` for the files at ``paths`` to ``out``."""
