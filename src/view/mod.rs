//! A self-contained HTML report of parsed exports, to see what the parser
//! read: [`Report`] (the `view` feature; `blog-export view` on the command
//! line, `blog_export.view` in Python).
//!
//! The report is one HTML file with its style and script inline: it opens
//! from disk and makes no network request (its content security policy
//! forbids any). It shows a summary per file and in total (posts,
//! comments, replies, letters, diagnostics), each post with its date,
//! weekday, title and body, letters boxed with their parts marked, comment
//! threads as nested collapsible lists, diagnostics pinned where they
//! occur, and beside them the source text with every element highlighted
//! by kind: clicking a parsed part shows its lines, clicking a line shows
//! the part it belongs to. A filter box finds posts by title, author or
//! text; `j` and `k` (or the arrow keys) move between posts.
//!
//! The page is rendered by minijinja from the templates in the crate's
//! `templates/`, with HTML escaping on: every piece of the input is text
//! on the page, never markup. Each post's parts travel as JSON in a
//! `<script type="application/json">` block (`<`, `>` and `&` written as
//! `\u003c`, `\u003e`, `\u0026`) and are drawn when the post scrolls into
//! view, so a report of a 50 MB archive opens as fast as a small one.

mod data;
mod utf16;

use std::error::Error as _;
use std::io;

use minijinja::{context, Environment, Value};
use serde::Serialize;

use crate::ast::Export;
use crate::counts::Counts;
use crate::diagnostic::Diagnostic;
use crate::elements::Element;

use data::{Parts, Segment, KINDS};

/// An HTML report of one or more parsed exports.
///
/// Add each export with the text it was parsed from ([`Report::add`]),
/// and each input that could not be parsed with its error
/// ([`Report::add_failure`]); then [`Report::render`] or
/// [`Report::write_to`].
///
/// ```
/// let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nThe <b>body</b>.";
/// let export = blog_export::parse(input)?;
/// let mut report = blog_export::view::Report::new();
/// report.add("page.txt", input, &export);
/// let html = report.render();
/// assert!(html.starts_with("<!doctype html>"));
/// assert!(html.contains("Dear Mr Spurr"));
/// assert!(!html.contains("<b>body</b>"));
/// # Ok::<(), blog_export::Error>(())
/// ```
#[derive(Default)]
pub struct Report<'a> {
    files: Vec<File<'a>>,
}

/// An input of the report.
enum File<'a> {
    Parsed {
        name: String,
        text: &'a str,
        export: &'a Export<'a>,
    },
    Failed {
        name: String,
        message: String,
    },
}

/// A file's line of the summary.
#[derive(Serialize)]
struct Summary<'a> {
    name: &'a str,
    counts: Counts,
    /// The index of its first segment (post or preamble), if any.
    first: Option<usize>,
    error: Option<&'a str>,
    diagnostics: Vec<DiagnosticLink<'a>>,
}

/// A diagnostic in the summary: where it is and what it says.
#[derive(Serialize)]
struct DiagnosticLink<'a> {
    segment: usize,
    line: u32,
    column: u32,
    severity: String,
    message: &'a str,
}

/// A post (or the text before the first post) as the template sees it.
#[derive(Serialize)]
struct Article<'a> {
    index: usize,
    file: usize,
    preamble: bool,
    date: Option<String>,
    weekday: Option<&'static str>,
    title: Option<&'a str>,
    data: Segment<'a>,
}

impl<'a> Report<'a> {
    /// An empty report.
    ///
    /// ```
    /// let html = blog_export::view::Report::new().render();
    /// assert!(html.contains("</html>"));
    /// ```
    pub fn new() -> Self {
        Report::default()
    }

    /// Adds an export, named `name`, with the text it was parsed from
    /// (the spans of `export` must point into `text`).
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle\n\nBody.";
    /// let export = blog_export::parse(input)?;
    /// let mut report = blog_export::view::Report::new();
    /// report.add("a.txt", input, &export).add("b.txt", input, &export);
    /// assert_eq!(report.render().matches("class=\"post\"").count(), 2);
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn add(
        &mut self,
        name: impl Into<String>,
        text: &'a str,
        export: &'a Export<'a>,
    ) -> &mut Self {
        self.files.push(File::Parsed {
            name: name.into(),
            text,
            export,
        });
        self
    }

    /// Adds an input that could not be parsed, shown in the summary with
    /// its error.
    ///
    /// ```
    /// let error = blog_export::parse("Friday 31 February 2014\n\nText").unwrap_err();
    /// let mut report = blog_export::view::Report::new();
    /// report.add_failure("notes.txt", error.to_string());
    /// assert!(report.render().contains("notes.txt"));
    /// ```
    pub fn add_failure(
        &mut self,
        name: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Self {
        self.files.push(File::Failed {
            name: name.into(),
            message: message.into(),
        });
        self
    }

    /// The report as one HTML document.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\n</textarea><script>alert(1)</script>\n\nBody.";
    /// let export = blog_export::parse(input)?;
    /// let html = blog_export::view::Report::new().add("x.txt", input, &export).render();
    /// assert!(!html.contains("<script>alert"));
    /// assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn render(&self) -> String {
        let mut out = Vec::new();
        self.write_to(&mut out)
            .expect("writing to memory does not fail");
        String::from_utf8(out).expect("the template writes UTF-8")
    }

    /// Writes the report as one HTML document.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nTitle\n\nBody.";
    /// let export = blog_export::parse(input)?;
    /// let mut file = Vec::new();
    /// blog_export::view::Report::new().add("a.txt", input, &export).write_to(&mut file)?;
    /// assert!(file.ends_with(b"</html>"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_to(&self, out: impl io::Write) -> io::Result<()> {
        let env = environment();
        let template = env
            .get_template("report.html")
            .expect("the report's template is in the environment");
        let mut total = Counts::default();
        let mut summaries = Vec::with_capacity(self.files.len());
        let mut articles = Vec::new();
        for (index, file) in self.files.iter().enumerate() {
            let summary = match file {
                File::Parsed { name, text, export } => {
                    let first = articles.len();
                    let (diagnostics, list) = segments(index, text, export, &mut articles);
                    let counts = export.counts();
                    total.add(counts);
                    Summary {
                        name,
                        counts,
                        first: (articles.len() > first).then_some(first),
                        error: None,
                        diagnostics: list
                            .into_iter()
                            .zip(diagnostics)
                            .map(|(segment, d)| DiagnosticLink {
                                segment,
                                line: d.span.line,
                                column: d.span.column,
                                severity: d.severity.to_string(),
                                message: &d.message,
                            })
                            .collect(),
                    }
                }
                File::Failed { name, message } => Summary {
                    name,
                    counts: Counts::default(),
                    first: None,
                    error: Some(message),
                    diagnostics: Vec::new(),
                },
            };
            summaries.push(summary);
        }
        let failed = summaries.iter().filter(|s| s.error.is_some()).count();
        let ctx = context! {
            files => Value::from_serialize(&summaries),
            total => Value::from_serialize(total),
            failed => failed,
            kinds => Value::from_serialize(KINDS),
            articles => Value::from_serialize(&articles),
        };
        template
            .render_captured_to(ctx, out)
            .map(|_| ())
            .map_err(
                |e| match e.source().and_then(|s| s.downcast_ref::<io::Error>()) {
                    Some(io) => io::Error::new(io.kind(), e.to_string()),
                    None => io::Error::other(e),
                },
            )
    }
}

/// The segments of one export pushed onto `articles` (the text before the
/// first post when it holds anything, then each post up to the next);
/// returns the export's diagnostics in input order with the index of the
/// segment each lies in.
fn segments<'a>(
    file: usize,
    text: &'a str,
    export: &'a Export<'a>,
    articles: &mut Vec<Article<'a>>,
) -> (Vec<&'a Diagnostic>, Vec<usize>) {
    let elements = export.elements();
    let mut diagnostics: Vec<&Diagnostic> = export.diagnostics.iter().collect();
    diagnostics.sort_by_key(|d| d.span.start);
    // Where each segment starts, and the post it is (None: the preamble).
    let mut starts: Vec<(usize, u32, Option<usize>)> = Vec::new();
    let first_post = export.posts.first().map_or(text.len(), |p| p.span.start);
    let preamble_holds = elements.first().is_some_and(|e| e.span.start < first_post)
        || diagnostics
            .first()
            .is_some_and(|d| d.span.start < first_post);
    if preamble_holds || export.posts.is_empty() {
        starts.push((0, 1, None));
    }
    for (i, post) in export.posts.iter().enumerate() {
        // Posts come in input order; one that does not (never on a page)
        // starts where the one before it does.
        let start = post.span.start.max(starts.last().map_or(0, |s| s.0));
        starts.push((start, post.span.line, Some(i)));
    }
    let mut owner = Vec::with_capacity(diagnostics.len());
    let (mut e, mut d) = (0, 0);
    for (k, &(start, line, post)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |s| s.0);
        let last = k + 1 == starts.len();
        let inside = |at: usize| at < end || last;
        let e0 = e;
        while e < elements.len() && inside(elements[e].span.start) {
            e += 1;
        }
        let d0 = d;
        while d < diagnostics.len() && inside(diagnostics[d].span.start) {
            d += 1;
        }
        let segment_elements: &[Element] = &elements[e0..e];
        let (parts, date, weekday, title, preamble) = match post {
            Some(i) => {
                let p = &export.posts[i];
                (
                    Parts::of(p),
                    p.date.map(|d| d.to_string()),
                    p.weekday_name(),
                    p.title.as_deref(),
                    false,
                )
            }
            None => (
                Parts {
                    body: &export.preamble,
                    comments: export.orphan_comments.as_ref(),
                    furniture: &[],
                },
                None,
                None,
                None,
                true,
            ),
        };
        owner.extend(std::iter::repeat_n(articles.len(), d - d0));
        articles.push(Article {
            index: articles.len(),
            file,
            preamble,
            date,
            weekday,
            title,
            data: Segment::new(
                text,
                (start, end, line),
                parts,
                segment_elements,
                &diagnostics[d0..d],
            ),
        });
    }
    (diagnostics, owner)
}

/// The templates, from `templates/` (HTML escaping on for `.html`).
fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    for (name, source) in [
        ("report.html", include_str!("../../templates/report.html")),
        ("report.css", include_str!("../../templates/report.css")),
        ("report.js", include_str!("../../templates/report.js")),
    ] {
        env.add_template(name, source)
            .expect("the report's templates are valid");
    }
    env
}
