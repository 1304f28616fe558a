//! The entry points: [`parse`] and [`parse_with`].

use pest::Parser as _;

use crate::ast::Export;
use crate::builder::{error_offset, Builder};
use crate::error::Error;
use crate::grammar::BlogParser;
use crate::headers::{hidden_header_in, next_header};
use crate::languages::Language;
use crate::options::ParseOptions;
use crate::span::LineIndex;

/// Parses an export with the default, lenient options.
///
/// Unknown structure is kept as paragraphs and reported in
/// [`Export::diagnostics`]; the only errors are an empty input, an input
/// with no date header at all, a header hidden behind a lone carriage
/// return, and a limit of [`ParseOptions`] exceeded.
///
/// ```
/// let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nThe body.\n\n1 comment:\n\n  1. Well done!\n\n    ReplyDelete";
/// let export = blog_export::parse(input)?;
/// let post = &export.posts[0];
/// assert_eq!(post.date.unwrap().to_string(), "2014-07-25");
/// assert_eq!(post.title.as_deref(), Some("Dear Mr Spurr"));
/// assert_eq!(post.comments.as_ref().unwrap().items[0].paragraphs[0].text, "Well done!");
/// # Ok::<(), blog_export::Error>(())
/// ```
pub fn parse(input: &str) -> Result<Export<'_>, Error> {
    parse_with(input, &ParseOptions::default())
}

/// Reads the export in the file at `path` (UTF-8 text) and parses it with
/// the default options, returning owned values (no borrow of the text
/// outlives the call).
///
/// A file that cannot be read, or whose bytes are not UTF-8, is an
/// [`ErrorKind::Read`](crate::ErrorKind::Read) error naming the path (and,
/// for bytes that are not UTF-8, the line, column and byte offset of the
/// first bad byte); a file over the input limit is refused before it is
/// read.
///
/// ```
/// let export = blog_export::parse_file("seeds/000_34b946ec0d9dcec7.txt")?;
/// assert_eq!(export.posts[0].date.unwrap().to_string(), "2014-07-25");
/// let err = blog_export::parse_file("no/such/file.txt").unwrap_err();
/// assert_eq!(err.kind(), &blog_export::ErrorKind::Read);
/// assert!(err.message().starts_with("no/such/file.txt: cannot read"));
/// # Ok::<(), blog_export::Error>(())
/// ```
pub fn parse_file(path: impl AsRef<std::path::Path>) -> Result<Export<'static>, Error> {
    let path = path.as_ref();
    let options = ParseOptions::default();
    let size = std::fs::metadata(path)
        .map_err(|e| Error::unreadable(path, &e))?
        .len();
    options.check_size(size)?;
    let bytes = std::fs::read(path).map_err(|e| Error::unreadable(path, &e))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let valid = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            return Err(Error::not_utf8(path, valid));
        }
    };
    parse_with(&text, &options).map(Export::into_owned)
}

/// Parses an export with the given options.
///
/// ```
/// use blog_export::{parse_with, ErrorKind, DiagnosticKind, ParseOptions};
/// // The weekday is wrong: lenient parsing warns, strict parsing fails.
/// let input = "Monday 25 July 2014\n\nTitle";
/// assert!(parse_with(input, &ParseOptions::default()).is_ok());
/// let err = parse_with(input, &ParseOptions::strict()).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Strict(DiagnosticKind::WeekdayMismatch));
/// ```
pub fn parse_with<'a>(input: &'a str, options: &ParseOptions) -> Result<Export<'a>, Error> {
    parse_chunked(input, options, CHUNK_BYTES)
}

/// [`parse_with`], with chunks of about `chunk_bytes`.
fn parse_chunked<'a>(
    input: &'a str,
    options: &ParseOptions,
    chunk_bytes: usize,
) -> Result<Export<'a>, Error> {
    let index = LineIndex::new(input);
    options.check_input(input, &index)?;
    let starts = chunk_starts(input, chunk_bytes);
    let ranges: Vec<(usize, usize)> = starts
        .iter()
        .enumerate()
        .map(|(i, &start)| (start, starts.get(i + 1).copied().unwrap_or(input.len())))
        .collect();
    // Each chunk is built on its own (on all cores with the `parallel`
    // feature), then the page takes them in order: the same steps, so the
    // same answer, with any number of threads.
    let language = options
        .language()
        .unwrap_or_else(|| crate::languages::detect(input));
    let built = build_all(input, &ranges, language)?;
    let mut page: Option<Builder<'a>> = None;
    for chunk in built {
        match &mut page {
            None => page = Some(chunk),
            Some(page) => page.absorb(chunk),
        }
        if let Some(page) = &page {
            options.check_posts(page.posts(), page.index())?;
        }
    }
    let Some(page) = page else {
        return Err(Error::internal(&index, 0, "no chunk"));
    };
    let export = page.finish()?;
    // The last passes may cut a post in several (posts under one header).
    options.check_posts(&export.posts, &index)?;
    if options.is_strict() {
        if let Some(d) = export.diagnostics.first() {
            return Err(Error::strict(&index, d));
        }
    }
    Ok(export)
}

/// Builds every chunk (`(start, end)` byte ranges, in order). The first
/// error in input order is the one returned.
///
/// With one thread, chunk after chunk: each starts on the line where the
/// one before ended, which that chunk's builder has counted, so no pass of
/// its own counts line feeds and each chunk is read while it is in the
/// cache. With more threads (the `parallel` feature), the line feeds of
/// every chunk are counted first, on all threads, then the chunks are built
/// on all threads.
fn build_all<'a>(
    input: &'a str,
    ranges: &[(usize, usize)],
    language: Language,
) -> Result<Vec<Builder<'a>>, Error> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        if ranges.len() > 1 && rayon::current_num_threads() > 1 {
            let feeds: Vec<usize> = ranges
                .par_iter()
                .map(|&(start, end)| {
                    memchr::memchr_iter(b'\n', &input.as_bytes()[start..end]).count()
                })
                .collect();
            let lines = feeds.iter().scan(1, |line, feeds| {
                let first = *line;
                *line += feeds;
                Some(first)
            });
            let chunks: Vec<(usize, usize, usize)> = ranges
                .iter()
                .zip(lines)
                .map(|(&(start, end), line)| (start, end, line))
                .collect();
            let built: Vec<Result<Builder<'a>, Error>> = chunks
                .par_iter()
                .map(|&chunk| build_chunk(input, chunk, language))
                .collect();
            return built.into_iter().collect();
        }
    }
    let mut line = 1;
    ranges
        .iter()
        .map(|&(start, end)| {
            let built = build_chunk(input, (start, end, line), language)?;
            line = built.index().line_col(end).0 as usize;
            Ok(built)
        })
        .collect()
}

/// The tree of one chunk of `input`: `(start, end, 1-based line of the
/// start)`. A date header in the chunk hidden behind a lone carriage
/// return refuses the input.
fn build_chunk(
    input: &str,
    (start, end, line): (usize, usize, usize),
    language: Language,
) -> Result<Builder<'_>, Error> {
    let mut builder = Builder::for_chunk(input, start, line, language);
    if let Some(at) = hidden_header_in(input, start, end) {
        return Err(Error::header_behind_cr(builder.index(), at));
    }
    let chunk = &input[start..end];
    let mut pairs = BlogParser::parse(builder.entry_rule(), chunk).map_err(|e| {
        Error::internal(
            builder.index(),
            start + error_offset(&e),
            "the grammar could not place this text",
        )
    })?;
    let Some(export) = pairs.next() else {
        return Err(Error::internal(builder.index(), start, "no export"));
    };
    builder.parse_export(export, start)?;
    builder.check_joined_exports(start, end);
    Ok(builder)
}

/// Inputs are parsed in chunks of about this many bytes, each cut just
/// before a date header line, so the parser holds one chunk's tokens at a
/// time, not the whole input's.
const CHUNK_BYTES: usize = 1 << 20;

/// Where the chunks of `input` start. A date header with a weekday always
/// starts a post, wherever it stands, so each chunk parses exactly as it
/// would inside the whole input.
fn chunk_starts(input: &str, chunk_bytes: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut pos = chunk_bytes;
    while pos < input.len() {
        let Some(start) = next_header(input, pos, false) else {
            break;
        };
        starts.push(start);
        pos = start.saturating_add(chunk_bytes);
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs from the seeds and fixtures, and odd cuts of them.
    fn inputs() -> Vec<String> {
        let mut out = Vec::new();
        for dir in ["seeds", "tests/fixtures"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                out.push(format!("{text}\n\n{text}"));
                out.push(text);
            }
        }
        out
    }

    #[test]
    fn chunks_parse_exactly_as_the_whole() {
        let options = ParseOptions::default();
        for input in inputs() {
            let whole = parse_chunked(&input, &options, usize::MAX);
            for chunk_bytes in [1, 10, 1000, 20_000] {
                let chunked = parse_chunked(&input, &options, chunk_bytes);
                assert_eq!(chunked, whole, "chunks of {chunk_bytes}");
            }
        }
    }

    use proptest::prelude::*;

    /// What may stand at a line start: every kind of white space and
    /// invisible character the grammar and the chunker must agree on.
    const LINE_STARTS: &[&str] = &[
        "", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "\r", "\u{A0}",
        "\u{200B}", " ", "\t",
    ];

    const LINES: &[&str] = &[
        "Friday 25 July 2014",
        "Saturday, 26 July 2014",
        "October 7, 2004",
        "Title",
        "Body text.",
        "2 comments:",
        "  1. A comment.",
        "    ReplyDelete",
        "Jane said...",
        "",
    ];

    fn page() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(LINE_STARTS),
                prop::sample::select(LINES),
            ),
            1..60,
        )
        .prop_map(|lines| {
            lines
                .into_iter()
                .map(|(start, line)| format!("{start}{line}\n"))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

        /// The answer does not depend on where the input is cut into
        /// chunks, whatever stands at the line starts.
        #[test]
        fn chunking_never_changes_the_answer(input in page()) {
            let options = ParseOptions::default();
            let whole = parse_chunked(&input, &options, usize::MAX);
            for chunk_bytes in [1, 64, 4096] {
                prop_assert_eq!(&parse_chunked(&input, &options, chunk_bytes), &whole);
            }
        }
    }

    #[test]
    fn joined_copies_give_twice_the_posts() {
        for dir in ["seeds", "tests/fixtures"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                // Pages that start with a post (a page that starts mid-post
                // gives its first lines to the post before it when joined;
                // a page with no header is one post however often joined).
                let Ok(one) = parse(&text) else { continue };
                if !one.preamble.is_empty()
                    || one.orphan_comments.is_some()
                    || one.posts.iter().any(|p| p.date.is_none())
                {
                    continue;
                }
                let joined = format!("\u{FEFF}{text}\n\u{FEFF}{text}");
                for chunk_bytes in [usize::MAX, 4096] {
                    let two =
                        parse_chunked(&joined, &ParseOptions::default(), chunk_bytes).unwrap();
                    assert_eq!(two.posts.len(), 2 * one.posts.len());
                    assert_eq!(two.comment_count(), 2 * one.comment_count());
                    let letters =
                        |e: &Export| e.posts.iter().map(|p| p.letters().count()).sum::<usize>();
                    assert_eq!(letters(&two), 2 * letters(&one));
                }
            }
        }
    }

    /// With the `parallel` feature, the chunks of a large input are built
    /// on all threads: the answer is the one of a single thread.
    #[cfg(feature = "parallel")]
    #[test]
    fn many_threads_give_the_answer_of_one() {
        let page: String = inputs().concat();
        let input = page.repeat(4);
        let options = ParseOptions::default();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| parse_chunked(&input, &options, 16 << 10));
        let many = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .unwrap()
            .install(|| parse_chunked(&input, &options, 16 << 10));
        assert!(chunk_starts(&input, 16 << 10).len() > 50);
        assert_eq!(one, many);
        assert_eq!(many, parse_chunked(&input, &options, usize::MAX));
    }

    /// A header hidden behind a lone carriage return in a late chunk is
    /// refused at the same line and column on one thread (chunks built in
    /// order, each counting its own lines) and on four (lines counted
    /// first), as in one piece.
    #[cfg(feature = "parallel")]
    #[test]
    fn a_late_hidden_header_is_found_on_any_number_of_threads() {
        let page: String = inputs().concat();
        let input = format!("{}Text\rFriday 25 July 2014\n\nTitle\n", page.repeat(3));
        let options = ParseOptions::default();
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| parse_chunked(&input, &options, 16 << 10))
                .unwrap_err()
        };
        let whole = parse_chunked(&input, &options, usize::MAX).unwrap_err();
        assert_eq!(whole.kind(), &crate::ErrorKind::HiddenHeader);
        // The header's line: three line feeds from the end of the input.
        let line = input.matches('\n').count() - 2;
        assert_eq!(whole.line() as usize, line);
        assert!(chunk_starts(&input, 16 << 10).len() > 20);
        for threads in [1, 4] {
            let err = on(threads);
            assert_eq!(
                (err.kind(), err.line(), err.column()),
                (whole.kind(), whole.line(), whole.column())
            );
        }
    }

    #[test]
    fn chunks_start_at_date_headers() {
        let input = "Intro\n\nFriday 25 July 2014\n\nT\n\nBody\n\n  Saturday, 26 July 2014 \n\nU";
        assert_eq!(chunk_starts(input, 1), [0, 7, 37]);
        assert_eq!(chunk_starts(input, 1000), [0]);
        // Right under a line of text and over a salutation, a header may be
        // a letter's date: no cut there. Over other text it is cut at.
        let under_text = input.replace("Body\n\n", "Body\n");
        assert_eq!(chunk_starts(&under_text, 1), [0, 7, 36]);
        let over_a_letter = under_text.replace("\n\nU", "\nDear Ann,\nU");
        assert_eq!(chunk_starts(&over_a_letter, 1), [0, 7]);
    }
}
