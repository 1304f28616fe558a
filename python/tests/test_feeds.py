"""Blogger's own export files (the XML backup, Takeout's feed.atom) read by
`parse_file` and `tables` into the same shapes as saved pages."""

import blog_export
from conftest import ROOT

FEEDS = ROOT / "tests" / "feeds"


def test_parse_file_reads_a_backup_with_threads_and_entries():
    export = blog_export.parse_file(FEEDS / "classic.xml")
    posts = export["posts"]
    assert [p["title"] for p in posts][:2] == ["Saving Seed for Next Year", "The Bean Wigwam"]
    assert posts[0]["entry"]["labels"] == ["how-to", "seeds"]
    thread = posts[4]["comments"]["items"]
    assert [c["author"]["text"] for c in thread] == ["Elspeth Kerr", "Anonymous"]
    assert thread[0]["replies"][0]["replies"][0]["author"]["text"] == "Elspeth Kerr"
    assert [d["kind"] for d in export["diagnostics"]] == ["skipped_entries"]


def test_tables_read_both_forms_alike(blog_export_cli):
    t = blog_export.tables([FEEDS / "takeout.atom", FEEDS / "classic.txt"])
    posts = t["posts"].to_pylist()
    assert len(posts) == 10
    assert posts[0]["published"] == "2014-08-10T13:00:00+00:00"
    assert posts[0]["labels"] == "how-to; seeds"
    assert posts[5]["published"] is None and posts[5]["url"] is None
    comments = t["comments"].to_pylist()
    xml = [c for c in comments if c["file"].endswith(".atom")]
    text = [c for c in comments if c["file"].endswith(".txt")]
    assert len(xml) == len(text) == 7
    # A reply to a reply names that reply.
    assert [(c["number"], c["parent"]) for c in xml if c["post"] == 4] == [
        (1, None), (2, 1), (3, 2), (4, None)
    ]


def test_drafts_and_pages_on_request():
    default = blog_export.parse_file(FEEDS / "classic.xml")
    every = blog_export.parse_file(FEEDS / "classic.xml", drafts=True, pages=True)
    assert len(every["posts"]) == len(default["posts"]) + 2
    assert sum(1 for p in every["posts"] if p["entry"].get("draft")) == 1
    t = blog_export.tables(FEEDS / "classic.xml", pages=True)
    assert t["posts"].num_rows == len(default["posts"]) + 1


def test_tables_dedupe_folds_pages_and_backups_of_one_blog():
    paths = [FEEDS / "classic.txt", FEEDS / "classic.xml", FEEDS / "takeout.atom"]
    every = blog_export.tables(paths)
    assert every["posts"].num_rows == 15
    once = blog_export.tables(paths, dedupe=True)
    posts = once["posts"].to_pylist()
    assert len(posts) == 5
    assert len({p["post_id"] for p in posts}) == 5
    # Each thread once: 7 comments in the blog, whatever the pages repeat.
    assert once["comments"].num_rows == 7
