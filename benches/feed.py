#!/usr/bin/env python3
"""Blogger export files for the benchmark, and the Python peer.

usage:
  python3 benches/feed.py make OUT.xml MEGABYTES
      writes a made-up classic Blogger backup of about MEGABYTES MB, on one
      line as Blogger writes it: posts of
      HTML paragraphs (some quoting a letter), each with a thread of
      comments, a third of them replies to a comment
  python3 benches/feed.py peer FILE
      the peer: what an importer written the usual way does (ElementTree's
      iterparse for the XML, html.parser for each entry's HTML), building
      posts with their paragraphs and threaded comments; prints posts,
      comments, paragraphs and seconds
"""
import html
import html.parser
import random
import sys
import time
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
THR = "{http://purl.org/syndication/thread/1.0}"
KIND = "http://schemas.google.com/g/2005#kind"
WORDS = ("garden rain beans seed tomato onion hedge shed letter summer winter "
         "water path soil frost spade compost bloom leaf root").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def make(out, megabytes):
    rng = random.Random(7)
    limit = int(megabytes * 1_000_000)
    with open(out, "w", encoding="utf-8") as f:
        f.write("<?xml version='1.0' encoding='UTF-8'?>\n")
        f.write("<feed xmlns='http://www.w3.org/2005/Atom' "
                "xmlns:thr='http://purl.org/syndication/thread/1.0'>"
                "<id>tag:blogger.com,1999:blog-1</id><title type='text'>Bench</title>\n")
        n = 0
        comment_id = 10_000_000
        while f.tell() < limit:
            n += 1
            day = 1 + n % 28
            post_id = f"tag:blogger.com,1999:blog-1.post-{n}"
            parts = [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(3, 8))]
            if n % 5 == 0:
                parts += ["<p>12 March 1998</p>", "<p>Dear Mr. Smith,</p>",
                          f"<p>{paragraph(rng)}</p>", "<p>Yours sincerely,</p>", "<p>John Brown</p>"]
            content = html.escape("".join(parts), quote=False)
            f.write(f"<entry><id>{post_id}</id><published>2014-07-{day:02d}T10:00:00.000+01:00</published>"
                    f"<category scheme='{KIND}' term='http://schemas.google.com/blogger/2008/kind#post'/>"
                    f"<title type='text'>Post {n}</title><content type='html'>{content}</content>"
                    f"<link rel='alternate' type='text/html' href='https://bench.blogspot.com/2014/07/p{n}.html'/>"
                    f"<author><name>Ruth</name></author></entry>")
            first = None
            for k in range(rng.randint(0, 6)):
                comment_id += 1
                related = ""
                if first is not None and k % 3 == 2:
                    related = (f"<link rel='related' href='https://www.blogger.com/feeds/1/{n}"
                               f"/comments/default/{first}'/>")
                if first is None:
                    first = comment_id
                text = html.escape(f"{sentence(rng)}<br />{sentence(rng)}", quote=False)
                f.write(f"<entry><id>tag:blogger.com,1999:blog-1.post-{comment_id}</id>"
                        f"<published>2014-07-{day:02d}T{11 + k:02d}:00:00.000+01:00</published>"
                        f"<category scheme='{KIND}' term='http://schemas.google.com/blogger/2008/kind#comment'/>"
                        f"<content type='html'>{text}</content>{related}"
                        f"<author><name>Reader {k}</name></author>"
                        f"<thr:in-reply-to ref='{post_id}'/></entry>")
        f.write("</feed>\n")


class Paragraphs(html.parser.HTMLParser):
    """Paragraph texts of an entry's HTML: blocks and <br><br> runs."""

    BLOCKS = {"p", "div", "blockquote", "li", "h1", "h2", "h3", "ul", "ol"}

    def __init__(self):
        super().__init__()
        self.out, self.cur, self.breaks = [], [], 0

    def flush(self):
        text = " ".join("".join(self.cur).split())
        if text:
            self.out.append(text)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.breaks += 1
            if self.breaks >= 2:
                self.flush()
            else:
                self.cur.append("\n")
        elif tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if data.strip():
            self.breaks = 0
        self.cur.append(data)


def paragraphs(markup):
    p = Paragraphs()
    p.feed(markup or "")
    p.close()
    p.flush()
    return p.out


def peer(path):
    posts, comments = {}, []
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag != ATOM + "entry":
            continue
        kind = next((c.get("term", "").rsplit("#", 1)[-1] for c in el.findall(ATOM + "category")
                     if c.get("scheme") == KIND), None)
        entry = {
            "id": el.findtext(ATOM + "id"),
            "published": el.findtext(ATOM + "published"),
            "author": el.findtext(f"{ATOM}author/{ATOM}name"),
            "paragraphs": paragraphs(el.findtext(ATOM + "content")),
        }
        if kind == "post":
            entry["title"] = el.findtext(ATOM + "title")
            entry["comments"] = []
            posts[entry["id"]] = entry
        elif kind == "comment":
            reply = el.find(THR + "in-reply-to")
            entry["post"] = reply.get("ref") if reply is not None else None
            related = [l.get("href") for l in el.findall(ATOM + "link") if l.get("rel") == "related"]
            entry["parent"] = related[0].rsplit("/", 1)[-1] if related else None
            entry["replies"] = []
            comments.append(entry)
        el.clear()
    by_id = {c["id"].rsplit("-", 1)[-1]: c for c in comments}
    for c in comments:
        parent = by_id.get(c["parent"]) if c["parent"] else None
        if parent is not None:
            parent["replies"].append(c)
        elif c["post"] in posts:
            posts[c["post"]]["comments"].append(c)
    return posts, comments


def main(argv):
    if len(argv) == 4 and argv[1] == "make":
        make(argv[2], float(argv[3]))
    elif len(argv) == 3 and argv[1] == "peer":
        start = time.perf_counter()
        posts, comments = peer(argv[2])
        seconds = time.perf_counter() - start
        paras = sum(len(p["paragraphs"]) for p in posts.values())
        print(f"posts\t{len(posts)}\tcomments\t{len(comments)}\tparagraphs\t{paras}\tseconds\t{seconds:.3f}")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
