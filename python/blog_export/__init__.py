"""Parse plain-text exports of Blogger pages into posts, comment threads and
quoted letters.

- :func:`parse` and :func:`parse_file` give one export as a dict with exactly
  the JSON shape of ``blog-export parse`` (posts, comments, letters, spans,
  diagnostics).
- :func:`tables` gives the posts, comments and letters of many files as
  ``pyarrow.Table`` objects that pandas, polars and DuckDB read directly,
  with keys that join them (``file``, ``post``, ``number``, ``parent``).

Parsing runs in Rust with the GIL released; :func:`tables` parses its files
on all cores.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Union

from ._native import TABLES as _TABLES
from ._native import ParseError, parse_file_json, parse_json, table_columns, write_view

__all__ = ["ParseError", "parse", "parse_file", "tables", "view", "TABLES"]

PathLike = Union[str, "os.PathLike[str]"]

#: The tables :func:`tables` returns, and their columns (declared once, in
#: the native module).
TABLES: Dict[str, tuple] = {name: tuple(columns) for name, columns in _TABLES.items()}


def _options(
    strict: bool = False,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> Dict[str, Any]:
    """The parse keywords, as the one dict the native functions take."""
    return {
        "strict": strict, "max_size": max_size, "max_line_bytes": max_line_bytes,
        "max_posts": max_posts, "language": language, "drafts": drafts, "pages": pages,
    }


def parse(
    text: str,
    *,
    strict: bool = False,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> Dict[str, Any]:
    """Parse one export given as text.

    Returns a dict with the JSON shape of ``blog-export parse``: ``preamble``,
    ``posts`` (each with ``date``, ``weekday``, ``title``, ``body``,
    ``comments``, ``furniture`` and spans), ``diagnostics`` and, when the
    text starts mid-post, ``orphan_comments``.

    With ``strict=True`` the first diagnostic is an error. The limits
    ``max_size`` (bytes, default 1 GiB), ``max_line_bytes`` (default 16 MiB)
    and ``max_posts`` (default 1,000,000) bound what one input may cost; an
    input over one raises :class:`ParseError` naming the keyword.
    ``language`` (``"es"``, ``"de"``, ...) reads the text as a page of that
    language's Blogger template instead of finding its language from its
    date and comment headers; the dict's ``language`` says which it is
    (absent for English).

    ``text`` may also be one of Blogger's own export files, the XML backup
    from Settings or Takeout's ``feed.atom`` (found from its content): its
    published posts, threaded comments and letters come in the same shape,
    each post with an ``entry`` (``published``, ``author``, ``labels``,
    ``url``). ``drafts=True`` and ``pages=True`` also read its drafts and
    static pages (skipped by default and counted in a ``skipped_entries``
    diagnostic).

    Raises :class:`ParseError` (a ``ValueError`` with ``kind``, ``line``,
    ``column``, ``offset`` and ``message``) when the text has no post,
    passes a limit, or is malformed XML.

    >>> export = parse("Friday 25 July 2014\\n\\nTitle\\n\\nBody.")
    >>> export["posts"][0]["date"], export["posts"][0]["title"]
    ('2014-07-25', 'Title')
    """
    return json.loads(
        parse_json(text, _options(strict, max_size, max_line_bytes, max_posts, language, drafts, pages))
    )


def parse_file(
    path: PathLike,
    *,
    strict: bool = False,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> Dict[str, Any]:
    """Parse the export in the file at ``path`` (a ``str`` or
    ``os.PathLike``; UTF-8 text).

    Returns what :func:`parse` returns for the file's text, with the same
    keywords. A missing file raises ``FileNotFoundError`` naming the path; a
    file that is not UTF-8 or cannot be parsed raises :class:`ParseError`
    (``file`` names it; for bytes that are not UTF-8, ``offset`` is the
    first bad byte).
    """
    return json.loads(
        parse_file_json(
            os.fspath(path),
            _options(strict, max_size, max_line_bytes, max_posts, language, drafts, pages),
        )
    )


def _files(paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    """The files that ``paths`` name, as the command-line tool reads them: a
    directory is walked (following links) for the files whose name ends in
    ``.txt``, ``.xml`` or ``.atom`` in any case, in name order; a directory
    with none raises ``FileNotFoundError``."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: List[str] = []
    for path in map(os.fspath, paths):
        if not os.path.isdir(path):
            out.append(path)
            continue
        found = []
        for root, dirs, names in os.walk(path, followlinks=True):
            dirs.sort()
            found.extend(
                os.path.join(root, n) for n in names if n.lower().endswith((".txt", ".xml", ".atom"))
            )
        if not found:
            raise FileNotFoundError(2, "no .txt, .xml or .atom file in this directory", path)
        out.extend(sorted(found))
    return out


def tables(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
    dedupe: bool = False,
) -> Dict[str, "Any"]:
    """The posts, comments and letters of the files at ``paths`` (one path
    or several, ``str`` or ``os.PathLike``, files or directories of saved
    pages (``.txt``) and Blogger's export files (``.xml``, ``.atom``) as the
    command-line tool reads them) as ``pyarrow.Table`` objects
    (needs ``pyarrow``). The limits, ``language``, ``drafts`` and ``pages``
    are those of :func:`parse`.

    With ``dedupe=True``, one row per distinct post across all the files
    (a blog saved page by page shows a post on its own page, home pages,
    archives and label pages), as ``blog-export corpus`` gives them: keyed
    by ``post_id``, with the fullest body and every comment any page shows,
    once; ``file`` is the file of the post's kept body, ``post`` its index
    among the distinct posts.

    Returns ``{"posts": ..., "comments": ..., "letters": ...}``:

    - ``posts``: one row per post: ``file``, ``post`` (its index in the
      file), ``post_id`` (its stable id, see the README), ``line``,
      ``date`` (date32), ``weekday``, ``title``,
      ``paragraphs``, ``letters``, ``declared`` (the header's count, or
      null), ``comments`` (listed, replies included), and from Blogger's
      XML export files ``published`` (RFC 3339), ``author``, ``labels``
      (joined by ``; ``) and ``url`` (null for saved pages);
    - ``comments``: one row per comment or reply: ``file``, ``post``,
      ``post_id``, ``number``, ``parent`` (null for a comment; the number of the comment
      a reply answers), ``line``, ``author``, ``signature``, ``posted`` (the
      time as written), ``posted_date`` (date32), ``posted_time``
      (``HH:MM``), ``text`` (paragraphs joined by blank lines);
    - ``letters``: one row per quoted letter: ``file``, ``post``,
      ``post_id``, ``letter`` (its index in the post), ``line``, ``sent`` (ISO 8601),
      ``sent_raw``, ``headers`` (an email's header lines, joined by ``; ``),
      ``salutation``, ``subject``, ``valediction``,
      ``signer``, ``roles`` (joined by ``; ``).

    ``(file, post)`` joins comments and letters to posts; ``post_id``
    joins them too, and across files. The files are
    parsed in parallel, without the GIL; the columns are built in Rust. A
    file that cannot be read or parsed raises (``FileNotFoundError``,
    :class:`ParseError` naming it).
    """
    import pyarrow as pa

    options = _options(False, max_size, max_line_bytes, max_posts, language, drafts, pages)
    columns = table_columns(_files(paths), options, dedupe)
    types = {
        "post": pa.int64(), "line": pa.int64(), "paragraphs": pa.int64(),
        "letters": pa.int64(), "declared": pa.int64(), "comments": pa.int64(),
        "number": pa.int64(), "parent": pa.int64(), "letter": pa.int64(),
    }
    dates = {"date", "posted_date"}
    out = {}
    for name, names in TABLES.items():
        arrays = []
        for column in names:
            values = columns[name][column]
            if column in dates:
                array = pa.array(values, type=pa.string()).cast(pa.date32())
            else:
                array = pa.array(values, type=types.get(column, pa.string()))
            arrays.append(array)
        out[name] = pa.Table.from_arrays(arrays, names=list(names))
    return out


def view(
    paths: Union[PathLike, Iterable[PathLike]],
    out: PathLike,
    *,
    max_size: Optional[int] = None,
    max_line_bytes: Optional[int] = None,
    max_posts: Optional[int] = None,
    language: Optional[str] = None,
    drafts: bool = False,
    pages: bool = False,
) -> None:
    """Write the HTML report of the files at ``paths`` (as :func:`tables`
    reads them) to the file ``out``: what ``blog-export view`` writes, one
    self-contained page (style and script inline, no network request) with
    a summary per file and in total, each post with its letters, comment
    threads and diagnostics, and the source text with every element
    marked. The keywords are those of :func:`parse`. A file that cannot be
    read or parsed raises (``FileNotFoundError``, :class:`ParseError`
    naming it), and then nothing is written.
    """
    options = _options(False, max_size, max_line_bytes, max_posts, language, drafts, pages)
    write_view(_files(paths), os.fspath(out), options)
