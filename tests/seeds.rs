//! Structure of the five seeds, checked against the seed text.

use blog_export::{parse, Block, Comment, Export, Post};

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

fn all_seeds() -> Vec<(String, String)> {
    ["000", "001", "002", "003", "004"]
        .iter()
        .map(|n| (n.to_string(), seed(n)))
        .collect()
}

fn comments<'p, 'a>(post: &'p Post<'a>) -> &'p [Comment<'a>] {
    &post.comments.as_ref().unwrap().items
}

/// Date, weekday and title of each post.
type Headers = &'static [(&'static str, &'static str, &'static str)];

#[test]
fn posts_dates_weekdays_and_titles() {
    let want: &[(&str, Headers)] = &[
        ("000", &[("2014-07-25", "Friday", "Dear Mr Spurr")]),
        (
            "001",
            &[
                ("2014-12-18", "Thursday", "MoJ Gives Two-Fingered Salute"),
                ("2014-12-17", "Wednesday", "Guest Blog 14"),
                ("2014-12-16", "Tuesday", "Omnishambles Update 82"),
                ("2014-12-15", "Monday", "Latest From Napo 53"),
                ("2014-12-14", "Sunday", "TR Week Twenty Eight"),
            ],
        ),
        ("002", &[("2014-09-03", "Wednesday", "Guest Blog 5")]),
        (
            "003",
            &[
                ("2017-10-31", "Tuesday", "The Beginning of the End?"),
                ("2017-10-30", "Monday", "Reaction To Panorama"),
                ("2017-10-29", "Sunday", "Pick of the Week 28"),
                ("2017-10-28", "Saturday", "Omnishambles - Surely Not?"),
                ("2017-10-27", "Friday", "Napo Responds To Panorama"),
                (
                    "2017-10-26",
                    "Thursday",
                    "'Dogs Bark, But the Caravans Move On'",
                ),
                ("2017-10-25", "Wednesday", "MoJ In Damage Limitation Mode"),
            ],
        ),
        (
            "004",
            &[
                ("2019-02-16", "Saturday", "HMI Sticks Knife in TR"),
                ("2019-02-15", "Friday", "Working Links Latest"),
                ("2019-02-14", "Thursday", "New Chief Inspector"),
                (
                    "2019-02-13",
                    "Wednesday",
                    "Napo at Work in the South West 20",
                ),
                ("2019-02-12", "Tuesday", "Probation No Longer a Career"),
                ("2019-02-11", "Monday", "Parole and PR"),
                ("2019-02-09", "Saturday", "Let's Have a RAR Day"),
                ("2019-02-08", "Friday", "Deckchairs May Not Move : Shock!"),
                ("2019-02-07", "Thursday", "Things Can Only Get Better"),
                ("2019-02-05", "Tuesday", "Deckchairs Shuffled"),
            ],
        ),
    ];
    let mut total = 0;
    for (name, posts) in want {
        let input = seed(name);
        let export = parse(&input).unwrap();
        let got: Vec<(String, String, String)> = export
            .posts
            .iter()
            .map(|p| {
                let v = serde_json::to_value(p).unwrap();
                (
                    p.date.unwrap().to_string(),
                    v["weekday"].as_str().unwrap().to_string(),
                    p.title.as_deref().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = posts
            .iter()
            .map(|(d, w, t)| (d.to_string(), w.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, want, "{name}");
        total += got.len();
    }
    assert_eq!(total, 24);
}

fn replies_per_comment(post: &Post) -> Vec<(u32, usize)> {
    comments(post)
        .iter()
        .filter(|c| !c.replies.is_empty())
        .map(|c| (c.number, c.replies.len()))
        .collect()
}

#[test]
fn comment_threads_of_000() {
    let input = seed("000");
    let export = parse(&input).unwrap();
    let post = &export.posts[0];
    let section = post.comments.as_ref().unwrap();
    assert_eq!(section.declared, Some(34));
    assert_eq!(section.items.len(), 20);
    assert_eq!(section.total() - section.items.len(), 13);
    let numbers: Vec<u32> = section.items.iter().map(|c| c.number).collect();
    assert_eq!(numbers, (1..=20).collect::<Vec<_>>());
    assert_eq!(
        replies_per_comment(post),
        [(1, 1), (5, 6), (9, 1), (10, 2), (16, 1), (17, 1), (20, 1)]
    );
    // Each reply sits under the comment it answers.
    let c5 = &section.items[4];
    assert!(c5.replies[2].paragraphs[0]
        .text
        .starts_with("I think Joanna Hughes might though"));
    assert!(section.items[19].replies[0].paragraphs[0]
        .text
        .starts_with("Can u expand"));
    // Comment 1's second line continues its first paragraph.
    assert!(section.items[0].paragraphs[0]
        .text
        .contains("\nThese people"));
}

#[test]
fn comment_threads_of_002() {
    let input = seed("002");
    let export = parse(&input).unwrap();
    let post = &export.posts[0];
    let section = post.comments.as_ref().unwrap();
    assert_eq!(section.declared, Some(37));
    assert_eq!(section.items.len(), 23);
    assert_eq!(section.total() - section.items.len(), 13);
    assert_eq!(
        replies_per_comment(post),
        [
            (1, 2),
            (2, 1),
            (3, 1),
            (4, 1),
            (10, 1),
            (13, 1),
            (15, 1),
            (16, 1),
            (18, 1),
            (19, 1),
            (21, 2)
        ]
    );
}

#[test]
fn numbered_list_inside_a_reply_stays_its_text() {
    let input = seed("002");
    let export = parse(&input).unwrap();
    let reply = &comments(&export.posts[0])[14].replies[0];
    assert_eq!(reply.number, 1);
    let list = &reply.paragraphs[1];
    assert_eq!(list.span.line, 145);
    assert_eq!(
        list.text,
        "1. Its presumably for NPS PO grade staff only?\n2. It screws over any workload calculation\n3. It skews any notion of what is achievable by NPS"
    );
    assert_eq!(reply.paragraphs.len(), 5);
}

#[test]
fn signatures_found_and_no_false_ones() {
    let mut found = Vec::new();
    for (name, input) in all_seeds() {
        let export = parse(&input).unwrap();
        for post in &export.posts {
            for c in post.comments.iter().flat_map(|s| &s.items) {
                if let Some(s) = &c.signature {
                    found.push(format!("{name} {} {}", c.number, s.text));
                }
                for r in &c.replies {
                    if let Some(s) = &r.signature {
                        found.push(format!("{name} {}.{} {}", c.number, r.number, s.text));
                    }
                }
            }
        }
    }
    assert_eq!(
        found,
        ["000 5 papa", "000 5.5 Simon Garden", "002 1.2 Simon Garden"]
    );
}

#[test]
fn separators_counted() {
    let count = |export: &Export, post: usize| {
        export.posts[post]
            .body
            .iter()
            .filter(|b| matches!(b, Block::Separator(_)))
            .count()
    };
    let input = seed("001");
    let export = parse(&input).unwrap();
    assert_eq!(count(&export, 4), 42);
    let input = seed("004");
    let export = parse(&input).unwrap();
    assert_eq!(count(&export, 0), 2);
}

#[test]
fn no_line_lost() {
    for (name, input) in all_seeds() {
        let export = parse(&input).unwrap();
        let spans: Vec<(usize, usize)> = export
            .elements()
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        let mut offset = 0;
        for (n, line) in input.split('\n').enumerate() {
            let content = line.trim_start_matches(|c: char| c.is_whitespace());
            if !content.trim().is_empty() {
                let first = offset + (line.len() - content.len());
                assert!(
                    spans.iter().any(|&(a, b)| a <= first && first < b),
                    "{name} line {} is outside every element: {line:?}",
                    n + 1
                );
            }
            offset += line.len() + 1;
        }
    }
}

#[test]
fn crlf_parses_to_the_same_structure() {
    for (name, input) in all_seeds() {
        let crlf = input.replace('\n', "\r\n");
        let lf = parse(&input).unwrap();
        let cr = parse(&crlf).unwrap();
        assert_eq!(lf.posts.len(), cr.posts.len(), "{name}");
        for (a, b) in lf.posts.iter().zip(&cr.posts) {
            assert_eq!((a.date, a.weekday, &a.title), (b.date, b.weekday, &b.title));
            assert_eq!(a.title_span.map(|s| s.line), b.title_span.map(|s| s.line));
            let texts = |p: &Post| -> Vec<String> {
                p.body
                    .iter()
                    .map(|b| format!("{:?}", std::mem::discriminant(b)))
                    .collect()
            };
            assert_eq!(texts(a), texts(b), "{name}");
            let sa = serde_json::to_value(&a.body).unwrap();
            let sb = serde_json::to_value(&b.body).unwrap();
            assert_eq!(strip_offsets(sa), strip_offsets(sb), "{name}");
            let ca = serde_json::to_value(&a.comments).unwrap();
            let cb = serde_json::to_value(&b.comments).unwrap();
            assert_eq!(strip_offsets(ca), strip_offsets(cb), "{name}");
        }
        assert_eq!(lf.diagnostics.len(), cr.diagnostics.len());
    }
}

/// Byte offsets differ between LF and CRLF; lines and columns do not.
fn strip_offsets(mut v: serde_json::Value) -> serde_json::Value {
    match &mut v {
        serde_json::Value::Object(map) => {
            map.remove("start");
            map.remove("end");
            for value in map.values_mut() {
                *value = strip_offsets(value.take());
            }
        }
        serde_json::Value::Array(items) => {
            for value in items.iter_mut() {
                *value = strip_offsets(value.take());
            }
        }
        _ => {}
    }
    v
}

#[test]
fn json_round_trips() {
    let input = seed("000");
    let export = parse(&input).unwrap();
    let json = serde_json::to_string(&export).unwrap();
    let back: Export = serde_json::from_str(&json).unwrap();
    assert_eq!(back, export);
}

/// Seed, salutation, valediction, signer, roles, sent.
type ExpectedLetter = (
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
    Option<&'static str>,
);

#[test]
fn the_twelve_letters() {
    let want: &[ExpectedLetter] = &[
        (
            "000",
            "Dear Ms Brennan and Mr Spurr,",
            Some("Yours sincerely,"),
            Some("Joanna Hughes"),
            &[],
            Some("2014-07-14T11:16:00"),
        ),
        (
            "000",
            "Dear Ms Hughes,",
            Some("Yours sincerely,"),
            Some("Michael Spurr"),
            &["Chief Executive"],
            Some("2014-07-21T13:52:19+01:00"),
        ),
        (
            "000",
            "Dear Mr Spurr,",
            Some("Yours sincerely,"),
            Some("Joanna Hughes"),
            &[],
            Some("2014-07-22T15:48:05+01:00"),
        ),
        (
            "001",
            "Dear Mr Guilfoyle,",
            Some("Best wishes,"),
            Some("Stephen Hubbard"),
            &["Transforming Rehabilitation Programme"],
            Some("2014-12-16"),
        ),
        ("001", "Hello Chris,", None, Some("Mgt Locklan"), &[], None),
        ("001", "Hi,", None, None, &[], None),
        (
            "001",
            "Dear .........,",
            Some("Yours sincerely,"),
            Some("IAN LAWRENCE"),
            &["General Secretary"],
            None,
        ),
        (
            "003",
            "Dear Members",
            Some("Keep well"),
            Some("David A Raho and Patricia Johnson"),
            &["Co-Chairs Napo London Branch"],
            None,
        ),
        (
            "004",
            "Dear all",
            Some("Yours sincerely"),
            Some("Suki Binning"),
            &["Chief Executive for KSS CRC"],
            None,
        ),
        (
            "004",
            "Dear Napo members",
            None,
            Some("Dino Peros"),
            &["Napo SSW branch chair."],
            None,
        ),
        (
            "004",
            "Dear Napo members SSW branch,",
            None,
            Some("Dino Peros"),
            &["Napo Branch Chair SSW."],
            Some("2019-02"),
        ),
        (
            "004",
            "Dear colleagues",
            None,
            Some("Suki Binning"),
            &["Chief Executive, Kent, Surrey and Sussex CRC"],
            None,
        ),
    ];
    let mut got = Vec::new();
    for (name, input) in all_seeds() {
        let export = parse(&input).unwrap();
        for letter in export.posts.iter().flat_map(|p| p.letters()) {
            let sig = letter.signature.as_ref();
            got.push((
                name.clone(),
                letter.salutation.as_ref().unwrap().text.to_string(),
                letter.valediction.as_ref().map(|v| v.text.to_string()),
                sig.map(|s| s.name.text.to_string()),
                sig.map_or(vec![], |s| {
                    s.roles.iter().map(|r| r.text.to_string()).collect()
                }),
                letter.sent.as_ref().map(|s| s.at.to_string()),
            ));
        }
    }
    let want: Vec<_> = want
        .iter()
        .map(|(n, s, v, g, r, t)| {
            (
                n.to_string(),
                s.to_string(),
                v.map(str::to_string),
                g.map(str::to_string),
                r.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
                t.map(str::to_string),
            )
        })
        .collect();
    assert_eq!(got, want);
}
