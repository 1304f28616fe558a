//! The command-line tool: output shapes and exit codes.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_blog-export"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A scratch directory for this test binary.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const SEED: &str = "seeds/000_34b946ec0d9dcec7.txt";

#[test]
fn parse_one_file_is_one_json_object() {
    let out = run(&["parse", SEED]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["posts"][0]["date"], "2014-07-25");
    assert_eq!(v["posts"][0]["weekday"], "Friday");
    assert_eq!(v["posts"][0]["comments"]["declared"], 34);
    assert_eq!(v["posts"][0]["body"][0]["kind"], "letter");
    assert!(v["diagnostics"].is_array());
}

#[test]
fn parse_several_files_is_one_json_document_with_files() {
    let out = run(&["parse", SEED, "seeds/001_88f21fb885bfde65.txt"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], SEED);
    assert_eq!(files[1]["posts"].as_array().unwrap().len(), 5);
}

#[test]
fn check_prints_diagnostics_and_exits_0_without_errors() {
    let out = run(&["check", SEED]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("{SEED}:51:1: warning: the header declares 34 comments but 33 are listed\n")
    );
}

#[test]
fn check_exits_1_on_a_parse_error() {
    let dir = scratch("check_error");
    let file = dir.join("bad_header.txt");
    std::fs::write(&file, "Friday 31 February 2014\n\nText\n").unwrap();
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(":1:1: error: no valid date header"));
    // A page with no header at all is one post without a date: a warning.
    let file = dir.join("no_header.txt");
    std::fs::write(&file, "just text\n").unwrap();
    let out = run(&["check", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains(":1:1: warning: no date header"));
}

#[test]
fn not_utf8_exits_2_naming_file_and_offset_and_the_batch_goes_on() {
    let dir = scratch("not_utf8");
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Friday 25 July 2014\n\nCaf\xe9\n").unwrap();
    let out = run(&["parse", bad.to_str().unwrap(), SEED]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(
        err.contains("not UTF-8: invalid byte at offset 24"),
        "{err}"
    );
    // The good file was still parsed.
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains(SEED));
}

#[test]
fn unreadable_file_exits_2_with_the_os_error() {
    let out = run(&["stats", "does/not/exist.txt", SEED]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("does/not/exist.txt: cannot read:"), "{err}");
    assert!(err.contains("No such file"), "{err}");
    assert!(stdout(&out).contains(SEED));
}

#[test]
fn stats_counts_posts_comments_replies_and_letters() {
    let out = run(&["stats", SEED, "seeds/001_88f21fb885bfde65.txt"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows[0],
        ["file", "posts", "comments", "replies", "letters", "bytes", "MB/s"]
    );
    assert_eq!(rows[1][..5], [SEED, "1", "20", "13", "3"]);
    assert_eq!(rows[2][1..5], ["5", "0", "0", "4"]);
    assert_eq!(rows[3][..5], ["total", "6", "20", "13", "7"]);
}

#[test]
fn directories_are_read_recursively_in_name_order() {
    let out = run(&["parse", "--format", "jsonl", "seeds"]);
    assert!(out.status.success());
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One record per post, then one per file.
    let files: Vec<&str> = records
        .iter()
        .filter(|r| r["record"] == "file")
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 5);
    assert!(files[0].ends_with("000_34b946ec0d9dcec7.txt"));
    assert!(files[4].ends_with("004_57dd84069a37bb86.txt"));
    let posts: Vec<&serde_json::Value> = records.iter().filter(|r| r["record"] == "post").collect();
    assert_eq!(posts.len(), 24);
    assert_eq!(posts[1]["post"], 0);
    assert!(posts[1]["file"]
        .as_str()
        .unwrap()
        .ends_with("001_88f21fb885bfde65.txt"));
    assert_eq!(posts[1]["date"], "2014-12-18");
}

/// JSON lines and CSV from standard input are the same as from the file.
#[test]
fn standard_input_streams_like_a_file() {
    let file = run(&["parse", "--format", "jsonl", SEED]);
    let stdin = Command::new(env!("CARGO_BIN_EXE_blog-export"))
        .args(["parse", "--format", "jsonl", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::fs::File::open(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap())
        .output()
        .unwrap();
    assert!(stdin.status.success(), "{}", stderr(&stdin));
    let strip = |o: &Output| stdout(o).replace(SEED, "-");
    assert_eq!(strip(&stdin), strip(&file));
    assert_eq!(stdout(&stdin).lines().count(), 2);
}

/// `-o` writes the output to a file; `--pretty` indents JSON.
#[test]
fn output_file_and_pretty_json() {
    let dir = scratch("output");
    let path = dir.join("out.json");
    let out = run(&["parse", "--pretty", "-o", path.to_str().unwrap(), SEED]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("{\n  \""), "{}", &text[..20]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["posts"][0]["date"], "2014-07-25");
}

/// A CSV table's rows as maps from column name to field.
fn csv_table(args: &[&str]) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let out = run(args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    (headers, rows)
}

#[test]
fn csv_comments_table() {
    let (headers, rows) = csv_table(&["parse", "--format", "csv", SEED]);
    assert_eq!(
        headers,
        [
            "file",
            "post",
            "post_id",
            "number",
            "parent",
            "line",
            "author",
            "signature",
            "posted",
            "posted_date",
            "posted_time",
            "text"
        ]
    );
    assert_eq!(rows.len(), 33);
    // Comment 5 is signed; its fifth reply too.
    let c5 = rows
        .iter()
        .find(|r| r["number"] == "5" && r["parent"].is_empty())
        .unwrap();
    assert_eq!(c5["signature"], "papa");
    assert_eq!(c5["author"], "");
    let r55 = rows
        .iter()
        .find(|r| r["number"] == "5" && r["parent"] == "5")
        .unwrap();
    assert_eq!(r55["signature"], "Simon Garden");
    assert_eq!(r55["line"], "92");
    assert_eq!(r55["post"], "0");
}

#[test]
fn csv_posts_and_letters_tables() {
    let (headers, rows) = csv_table(&["parse", "--format", "csv", "--table", "posts", "seeds"]);
    assert_eq!(
        headers,
        [
            "file",
            "post",
            "post_id",
            "line",
            "date",
            "weekday",
            "title",
            "paragraphs",
            "letters",
            "declared",
            "comments",
            "published",
            "author",
            "labels",
            "url"
        ]
    );
    assert_eq!(rows.len(), 24);
    // Saved pages have no export file's fields.
    assert!(rows
        .iter()
        .all(|r| r["published"].is_empty() && r["url"].is_empty()));
    assert_eq!(
        [
            &rows[0]["date"],
            &rows[0]["weekday"],
            &rows[0]["title"],
            &rows[0]["declared"]
        ],
        ["2014-07-25", "Friday", "Dear Mr Spurr", "34"]
    );
    let (headers, rows) = csv_table(&["parse", "--format", "csv", "--table", "letters", "seeds"]);
    assert_eq!(
        headers,
        [
            "file",
            "post",
            "post_id",
            "letter",
            "line",
            "sent",
            "sent_raw",
            "headers",
            "salutation",
            "subject",
            "valediction",
            "signer",
            "roles"
        ]
    );
    assert_eq!(rows.len(), 12);
    let l = &rows[1];
    assert_eq!(
        [
            &l["sent"],
            &l["salutation"],
            &l["subject"],
            &l["valediction"],
            &l["signer"]
        ],
        [
            "2014-07-21T13:52:19+01:00",
            "Dear Ms Hughes,",
            "",
            "Yours sincerely,",
            "Michael Spurr"
        ]
    );
}

#[test]
fn view_writes_one_html_report_and_names_failures_in_it() {
    let dir = scratch("view");
    let report = dir.join("report.html");
    let missing = dir.join("missing.txt");
    let out = run(&[
        "view",
        SEED,
        missing.to_str().unwrap(),
        "-o",
        report.to_str().unwrap(),
    ]);
    // The unreadable input sets the exit code and is named on stderr and
    // in the report; the other is in it.
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt: cannot read"));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert_eq!(html.matches("<article ").count(), 1);
    assert!(html.contains("<td class=\"comments\">20</td>"));
    assert!(html.contains("missing.txt <span class=\"error\">cannot read"));
    // Without -o, standard output.
    let out = run(&["view", SEED]);
    assert!(out.status.success());
    let html = stdout(&out);
    assert!(html.starts_with("<!doctype html>") && html.ends_with("</html>"));
    assert!(html.contains("<td class=\"comments\">20</td>"));
}

#[test]
fn help_shows_an_example_for_every_subcommand() {
    for sub in ["parse", "check", "stats", "view", "corpus"] {
        let out = run(&[sub, "--help"]);
        assert!(
            stdout(&out).contains(&format!("blog-export {sub} ")),
            "{sub}"
        );
    }
}

/// The structure of a parse, without byte offsets (which CRLF and a BOM
/// shift): posts' dates, titles, block kinds, comment counts and letters.
fn structure(v: &serde_json::Value) -> Vec<String> {
    v["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let kinds: Vec<&str> = p["body"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["kind"].as_str().unwrap())
                .collect();
            let comments = p["comments"]["items"].as_array().map_or(0, Vec::len);
            format!("{} {} {:?} {comments}", p["date"], p["title"], kinds)
        })
        .collect()
}

#[test]
fn crlf_bom_and_final_newline_variants_of_the_seeds_have_the_same_structure() {
    let dir = scratch("variants");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let out = run(&["parse", path.to_str().unwrap()]);
        let want = structure(&serde_json::from_slice(&out.stdout).unwrap());
        for (name, variant) in [
            ("crlf", text.replace('\n', "\r\n")),
            ("bom", format!("\u{feff}{text}")),
            ("newline", format!("{text}\n")),
        ] {
            let file = dir.join(format!("{name}.txt"));
            std::fs::write(&file, &variant).unwrap();
            let out = run(&["parse", file.to_str().unwrap()]);
            assert!(out.status.success(), "{name}: {}", stderr(&out));
            let got = structure(&serde_json::from_slice(&out.stdout).unwrap());
            assert_eq!(got, want, "{name} of {}", path.display());
        }
    }
}

#[test]
fn odd_inputs_never_crash_and_every_refusal_has_a_message() {
    let dir = scratch("odd");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("spaces", b"   \n\t\n".to_vec()),
        ("nul", b"\0\0\0".to_vec()),
        ("no_header", b"hello\nworld".to_vec()),
        ("invalid_date", b"Friday 31 February 2014\n\nT".to_vec()),
        (
            "asterisks",
            [
                b"Friday 25 July 2014\n\nT\n\n".to_vec(),
                vec![b'*'; 100_000],
            ]
            .concat(),
        ),
        ("latin1", b"Friday 25 July 2014\n\nCaf\xe9".to_vec()),
        ("markers", b"    ReplyDelete\nReplies\nDelete".to_vec()),
    ];
    for (name, bytes) in cases {
        let file = dir.join(format!("{name}.txt"));
        std::fs::write(&file, &bytes).unwrap();
        for sub in ["parse", "check", "stats", "view", "corpus"] {
            let out = run(&[sub, file.to_str().unwrap()]);
            let code = out.status.code();
            assert!(matches!(code, Some(0..=2)), "{sub} {name}: {code:?}");
            assert!(!stderr(&out).contains("panicked"), "{sub} {name}");
            if code != Some(0) {
                assert!(
                    !(stderr(&out) + &stdout(&out)).trim().is_empty(),
                    "{sub} {name}: no message"
                );
            }
        }
    }
}

/// The keys of an `error` object: one shape for parse errors, read errors
/// and limits.
fn error_keys(v: &serde_json::Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn failures_stay_in_the_output_where_their_result_would_be() {
    // One missing file: its error is the document, never `{"files":[]}`.
    let out = run(&["parse", "does/not/exist.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["file"], "does/not/exist.txt");
    assert_eq!(v["error"]["kind"], "read");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read"));

    // In `{"files": [...]}`, in argument order, beside the results.
    let dir = scratch("failures_in_output");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Friday 25 July 2014\n\nCaf\xe9\n").unwrap();
    let no_header = dir.join("bad_header.txt");
    std::fs::write(&no_header, "Friday 31 February 2014\n\nText\n").unwrap();
    let (latin1, no_header) = (latin1.to_str().unwrap(), no_header.to_str().unwrap());
    let out = run(&["parse", "does/not/exist.txt", SEED, latin1, no_header]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 4);
    assert_eq!(files[0]["error"]["kind"], "read");
    assert!(files[1]["posts"].is_array());
    assert_eq!(files[2]["error"]["kind"], "read");
    assert_eq!(files[2]["error"]["offset"], 24);
    assert_eq!(files[3]["error"]["kind"], "no_date_header");
    assert_eq!(
        (&files[3]["error"]["line"], &files[3]["error"]["column"]),
        (&1.into(), &1.into())
    );
    let shape = ["kind", "message", "line", "column", "offset"];
    for i in [0, 2, 3] {
        let mut keys = error_keys(&files[i]["error"]);
        keys.sort();
        let mut want = shape.to_vec();
        want.sort();
        assert_eq!(keys, want, "{}", files[i]);
    }

    // JSON lines: an error record in its place.
    let out = run(&["parse", "--format", "jsonl", "does/not/exist.txt", latin1]);
    let records: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r["record"] == "error"));
    assert_eq!(
        records[1]["error"]["message"],
        "not UTF-8: invalid byte at offset 24"
    );

    // `--strict`: the first diagnostic, as the input's error.
    let out = run(&["parse", "--strict", SEED]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["error"]["kind"], "strict");
    assert_eq!(v["error"]["line"], 51);
}

#[test]
fn every_limit_has_a_flag_and_its_error_names_it() {
    let out = run(&[
        "parse",
        "--max-posts",
        "2",
        "seeds/001_88f21fb885bfde65.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["error"]["kind"], "limit");
    assert_eq!(
        v["error"]["message"],
        "this post is over the limit of 2 posts (--max-posts)"
    );
    let out = run(&["check", "--max-line-bytes", "100", SEED]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("over the limit of 100 (--max-line-bytes)"),
        "{}",
        stdout(&out)
    );
    let out = run(&["parse", "--max-size", "1K", SEED]);
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["error"]["kind"], "limit");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .ends_with("(--max-size)"));
    for args in [
        [
            "stats",
            "--max-posts",
            "2",
            "seeds/001_88f21fb885bfde65.txt",
        ],
        ["stats", "--max-line-bytes", "100", SEED],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1));
        assert!(!stderr(&out).contains("ParseOptions"), "{}", stderr(&out));
    }
}

#[test]
fn small_edges_pretty_strict_labels_and_broken_pipes() {
    // `--pretty` means indented JSON; with another format it is refused.
    let out = run(&["parse", "--pretty", "--format", "csv", SEED]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--pretty"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    // `check --strict`: the findings that fail the run are shown as errors.
    let out = run(&["check", "--strict", SEED]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{SEED}:51:1: error: the header declares 34 comments but 33 are listed\n")
    );

    // A reader that goes away ends the run quietly, with the exit code the
    // inputs read so far earned (2: the first could not be read).
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_blog-export"))
        .args([
            "parse",
            "--format",
            "jsonl",
            "does/not/exist.txt",
            "seeds",
            "seeds",
            "seeds",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"record\":\"error\""), "{first}");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.to_lowercase().contains("broken pipe"), "{err}");
}

#[test]
fn lang_sets_the_language_or_names_the_known_ones() {
    let dir = scratch("lang");
    let page = dir.join("es.txt");
    std::fs::write(
        &page,
        "martes, 3 de marzo de 2009\n\nHola\n\nTexto.\n\n1 comentario:\n\nAna dijo...\n\n    Muy bien.\n",
    )
    .unwrap();
    let page = page.to_str().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&["parse", page]))).unwrap();
    assert_eq!(v["language"], "es");
    assert_eq!(
        v["posts"][0]["comments"]["items"][0]["author"]["text"],
        "Ana"
    );
    // Forced to English, the page has no date header: one undated post.
    let out = run(&["parse", "--lang", "en", page]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["posts"][0]["date"], serde_json::Value::Null);
    assert_eq!(v["diagnostics"][0]["kind"], "no_date_header");
    let out = run(&["parse", "--lang", "xx", page]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("es, fr"), "{}", stderr(&out));
}
