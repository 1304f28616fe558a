//! The template vocabulary of the languages other than English is data:
//! one file per language in `languages/`. This test generates from them
//! the grammar's word rules (`grammar/vocab.pest`) and the crate's word
//! tables (`src/languages/data.rs`: the words the tree builder reads too),
//! and fails when the committed files are
//! not what the data makes. After editing or adding a language file, run
//! `BLESS=1 cargo test --all-features --test languages` to write them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

/// One language file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    code: String,
    name: String,
    example: String,
    weekdays: Vec<Vec<String>>,
    months: Vec<Vec<String>>,
    comment_words: Vec<String>,
    no_comments: Vec<String>,
    /// A comment header for one comment written in words (`Um
    /// comentário`); optional.
    #[serde(default)]
    one_comment: Vec<String>,
    said: Vec<String>,
    reply_delete: Vec<String>,
    reply: Vec<String>,
    replies: Vec<String>,
    delete: Vec<String>,
    furniture: Vec<String>,
    anonymous: Vec<String>,
    salutations: Vec<String>,
    /// The plural ones of `salutations` (`Queridos`), which with an
    /// addressee in small letters greet the blog's readers; optional.
    #[serde(default)]
    group_salutations: Vec<String>,
    valedictions: Vec<String>,
    at: Vec<String>,
    /// An email's header fields: who sent it, when, and the others
    /// (`De`, `Enviado el`, `Asunto`); optional.
    #[serde(default)]
    email_from: Vec<String>,
    #[serde(default)]
    email_sent: Vec<String>,
    #[serde(default)]
    email_other: Vec<String>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn languages() -> Vec<Language> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("languages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let language: Language =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                language.weekdays.len(),
                7,
                "{}: seven weekdays, Monday first",
                path.display()
            );
            assert_eq!(
                language.months.len(),
                12,
                "{}: twelve months",
                path.display()
            );
            for word in &language.group_salutations {
                assert!(
                    language.salutations.contains(word),
                    "{}: group salutation `{word}` is one of its salutations",
                    path.display()
                );
            }
            assert!(
                path.file_stem()
                    .is_some_and(|s| s == language.code.as_str()),
                "{}: the file is named after its code",
                path.display()
            );
            language
        })
        .collect()
}

/// Each word, and the word with its first letter in the other case where
/// that letter is not ASCII's (`Äldre inlägg` and `äldre inlägg`): pest's
/// `^"..."` matches ASCII letters in any case and other letters exactly,
/// and a template word starts a line capitalized or not.
fn spellings(words: Vec<&String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        out.push(w.clone());
        let mut chars = w.chars();
        let first = chars.next().unwrap();
        if !first.is_ascii() {
            let other: String = match first.is_uppercase() {
                true => first.to_lowercase().collect(),
                false => first.to_uppercase().collect(),
            };
            out.push(other + chars.as_str());
        }
    }
    out
}

/// A pest string, case-insensitive.
fn quoted(w: &str) -> String {
    format!("^\"{}\"", w.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A pest alternative of case-insensitive strings, grouped by their first
/// letter (a few tests of the letter, see `by_first_letter`, then only its
/// words: a line pays for a few words, not for all of them), each group
/// longest first (a PEG takes
/// the first alternative that matches: `Responder` must not win over
/// `ResponderEliminar`).
fn alternatives<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut seen = BTreeSet::new();
    let mut groups: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for w in words {
        // Keyed as pest's `^"..."` compares letters: ASCII letters in any
        // case, other letters exactly (`Äldre` and `äldre` are two words,
        // and `Ä` and `ä` two branches).
        if seen.insert(w.to_ascii_lowercase()) {
            let first = w.chars().next().unwrap().to_ascii_lowercase().to_string();
            groups.entry(first).or_default().push(w.to_string());
        }
    }
    by_first_letter(
        groups
            .into_iter()
            .map(|(first, mut group)| {
                group.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
                let words: Vec<String> = group.iter().map(|w| quoted(w)).collect();
                let branch = format!("&{} ~ ({})", quoted(&first), words.join(" | "));
                (first, branch)
            })
            .collect(),
    )
}

/// A pest choice of case-insensitive strings, longest first (so that no
/// word is taken where a longer one it starts matches), with no test of the
/// first letter before them: for a rule of a few words, tried where one of
/// them is likely to start. It matches what `alternatives` matches.
fn flat_alternatives<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut seen = BTreeSet::new();
    let mut words: Vec<&String> = words
        .filter(|w| seen.insert(w.to_ascii_lowercase()))
        .collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    let words: Vec<String> = words.iter().map(|w| quoted(w)).collect();
    words.join(" | ")
}

/// Branches keyed by their first letter (each branch holds only where its
/// letter, in any case, starts the input), joined into one choice that
/// finds the letter by halving the alphabet: `&('a'..'m' | 'A'..'M') ~ (...)
/// | !('a'..'m' | 'A'..'M') ~ (...)`, a few tests of the letter instead of
/// one per branch. (The branches exclude each other, so their order does
/// not matter; the negated half is what makes it a search: a line whose
/// letter's branch fails, having matched the letter but none of its words,
/// tries no other branch, where a plain choice would try each of them in
/// turn.) Branches of other letters than ASCII's (`ä`, `ś`) come after,
/// behind a test that the input starts with no ASCII letter.
fn by_first_letter(branches: Vec<(String, String)>) -> String {
    fn halve(letters: &[(char, String)]) -> String {
        if letters.len() <= 3 {
            return letters
                .iter()
                .map(|(_, b)| b.clone())
                .collect::<Vec<_>>()
                .join(" | ");
        }
        let (low, high) = letters.split_at(letters.len() / 2);
        let (a, z) = (low[0].0, low[low.len() - 1].0);
        let range = format!(
            "'{a}'..'{z}' | '{}'..'{}'",
            a.to_ascii_uppercase(),
            z.to_ascii_uppercase()
        );
        format!(
            "&({range}) ~ ({}) | !({range}) ~ ({})",
            halve(low),
            halve(high)
        )
    }
    let ascii_letter = |key: &str| {
        let mut chars = key.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() => Some(c),
            _ => None,
        }
    };
    let mut ascii: Vec<(char, String)> = branches
        .iter()
        .filter_map(|(key, branch)| ascii_letter(key).map(|c| (c, branch.clone())))
        .collect();
    ascii.sort();
    let others = branches
        .iter()
        .filter(|(key, _)| ascii_letter(key).is_none())
        .map(|(_, branch)| branch.clone());
    let others: Vec<String> = others.collect();
    match (ascii.is_empty(), others.is_empty()) {
        (true, _) => others.join("\n  | "),
        (false, true) => halve(&ascii),
        (false, false) => format!(
            "&('a'..'z' | 'A'..'Z') ~ ({})\n  | !('a'..'z' | 'A'..'Z') ~ ({})",
            halve(&ascii),
            others.join("\n  | ")
        ),
    }
}

/// A pest string, case-sensitive.
fn exact(w: &str) -> String {
    format!("\"{}\"", w.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A cheap guard: whether a word of `words` can start here, from its first
/// four letters (any case, as the word rules match them). It holds
/// wherever a word holds (it may hold where none does). The first letter
/// is found as in `by_first_letter`, then the next three letters are one
/// choice of strings (`^"a" ~ (^"bri" | ^"cce" | ...)`), which pest tries
/// without the cost of a sequence each. Letters are compared as pest's
/// `^"..."` compares them: ASCII letters in any case, other letters
/// exactly (`Ä` and `ä` are two branches, tried after the ASCII ones).
fn initials<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut groups: std::collections::BTreeMap<char, BTreeSet<String>> = Default::default();
    for w in words {
        let mut chars = w.chars().map(|c| c.to_ascii_lowercase());
        let first = chars.next().unwrap();
        groups
            .entry(first)
            .or_default()
            .insert(chars.take(3).collect());
    }
    let branch = |first: char, rests: &BTreeSet<String>| {
        // A word of one letter: the letter alone.
        if rests.contains("") {
            quoted(&first.to_string())
        } else {
            let rests: Vec<String> = rests.iter().map(|r| quoted(r)).collect();
            format!("{} ~ ({})", quoted(&first.to_string()), rests.join(" | "))
        }
    };
    by_first_letter(
        groups
            .iter()
            .map(|(c, r)| (c.to_string(), branch(*c, r)))
            .collect(),
    )
}

/// The first letters of `words`, each in both cases, as a choice of
/// case-sensitive strings: inside an atomic rule, `(!(this) ~ ANY)*`
/// becomes pest's native skip, not a test per character. The choice is
/// nested to the right (`"A" | ("D" | "H")`): pest inlines a rule into a
/// skip only in that shape (it reads the rule before it rotates choices).
fn first_letters<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut letters = BTreeSet::new();
    for w in words {
        let c = w.chars().next().unwrap();
        letters.insert(c.to_ascii_lowercase().to_string());
        letters.insert(c.to_ascii_uppercase().to_string());
    }
    let letters: Vec<String> = letters.iter().map(|l| exact(l)).collect();
    let (last, rest) = letters.split_last().unwrap();
    rest.iter()
        .rev()
        .fold(last.clone(), |inner, l| format!("{l} | ({inner})"))
}

fn grammar(langs: &[Language]) -> String {
    let mut out = String::from(
        "// Generated from languages/*.toml by tests/languages.rs\n\
         // (`BLESS=1 cargo test --all-features --test languages`): do not edit.\n\
         // The words of Blogger's templates in the languages other than English,\n\
         // any case; the rules of `blog.pest` try them only on pages in one of\n\
         // those languages (see `intl` there).\n",
    );
    let rules: [(&str, &str, Vec<&String>); 18] = [
        (
            "lang_weekday",
            "Weekday names.",
            langs
                .iter()
                .flat_map(|l| l.weekdays.iter().flatten())
                .collect(),
        ),
        (
            "lang_month",
            "Month names, in every form a date writes them.",
            langs
                .iter()
                .flat_map(|l| l.months.iter().flatten())
                .collect(),
        ),
        (
            "lang_comment_word",
            "The word after a comment header's count (`comentarios`).",
            langs.iter().flat_map(|l| &l.comment_words).collect(),
        ),
        (
            "lang_no_comments",
            "A comment header with no count (`No hay comentarios`).",
            langs.iter().flat_map(|l| &l.no_comments).collect(),
        ),
        (
            "lang_one_comment",
            "A comment header for one comment, in words (`Um comentário`).",
            langs.iter().flat_map(|l| &l.one_comment).collect(),
        ),
        (
            "lang_said",
            "The word that closes a `said` line before its dots (`dijo`).",
            langs.iter().flat_map(|l| &l.said).collect(),
        ),
        (
            "lang_reply_delete",
            "The marker that closes a comment (`ResponderEliminar`, `Responder`).",
            langs
                .iter()
                .flat_map(|l| l.reply_delete.iter().chain(&l.reply))
                .collect(),
        ),
        (
            "lang_replies",
            "The marker that opens a comment's replies (`Respuestas`).",
            langs.iter().flat_map(|l| &l.replies).collect(),
        ),
        (
            "lang_delete",
            "The marker that closes a reply (`Eliminar`).",
            langs.iter().flat_map(|l| &l.delete).collect(),
        ),
        (
            "lang_furniture",
            "How page furniture lines start (`Publicado por`).",
            langs.iter().flat_map(|l| &l.furniture).collect(),
        ),
        (
            "lang_anonymous",
            "The name of an anonymous commenter (`Anónimo`).",
            langs.iter().flat_map(|l| &l.anonymous).collect(),
        ),
        (
            "lang_greeting",
            "The words that open a letter's salutation (`Querido`, `Sehr geehrte`).",
            langs.iter().flat_map(|l| &l.salutations).collect(),
        ),
        (
            "lang_group_greeting",
            "The plural words of `lang_greeting` (`Queridos`, `Chers`).",
            langs.iter().flat_map(|l| &l.group_salutations).collect(),
        ),
        (
            "lang_valediction",
            "A letter's valediction (`Atentamente`, `Mit freundlichen Grüßen`).",
            langs.iter().flat_map(|l| &l.valedictions).collect(),
        ),
        (
            "lang_at",
            "The word between a comment's date and its time (`a las`, `um`).",
            langs.iter().flat_map(|l| &l.at).collect(),
        ),
        (
            "lang_email_from",
            "An email's field that names its sender (`De`, `Von`).",
            langs.iter().flat_map(|l| &l.email_from).collect(),
        ),
        (
            "lang_email_sent",
            "An email's field that gives when it was sent (`Enviado el`, `Gesendet`).",
            langs.iter().flat_map(|l| &l.email_sent).collect(),
        ),
        (
            "lang_email_other",
            "An email's other header fields (`Para`, `Asunto`, `Betreff`).",
            langs.iter().flat_map(|l| &l.email_other).collect(),
        ),
    ];
    for (name, doc, words) in rules {
        let words = spellings(words);
        // `lang_said` is tried at every letter of a `said` line's author
        // that can start one of its words (see `author` in `blog.pest`):
        // its few words as one flat choice cost less there than the tests
        // of their first letter.
        let choice = if name == "lang_said" {
            flat_alternatives(words.iter())
        } else {
            alternatives(words.iter())
        };
        write!(out, "\n/// {doc}\n{name} = _{{ {choice} }}\n").unwrap();
    }
    let line_words: Vec<&String> = langs
        .iter()
        .flat_map(|l| {
            l.weekdays
                .iter()
                .flatten()
                .chain(l.months.iter().flatten())
                .chain(&l.no_comments)
                .chain(&l.one_comment)
                .chain(&l.furniture)
                .chain(&l.salutations)
                .chain(&l.valedictions)
                .chain(&l.reply_delete)
                .chain(&l.reply)
                .chain(&l.replies)
                .chain(&l.delete)
        })
        .collect();
    write!(
        out,
        "\n/// Whether a line can start with a word of `lang_weekday`, `lang_month`,\n\
         /// `lang_no_comments`, `lang_one_comment`, `lang_furniture`, `lang_greeting`,\n\
         /// `lang_valediction`, `lang_reply_delete`, `lang_replies` or\n\
         /// `lang_delete`: a guard from their first four letters (it may hold\n\
         /// where none of them does, never fails where one does). A line of a page in\n\
         /// another language that starts with none of them is read as in English\n\
         /// (`intl_body_line` in `fast.pest`, `comment_stop_here` and\n\
         /// `posted_line` in `blog.pest`).\n\
         lang_line_initial = _{{ {} }}\n",
        initials(spellings(line_words).iter())
    )
    .unwrap();
    write!(
        out,
        "\n/// The first letters of `lang_said`'s words, in both cases (`author`\n\
         /// skips the characters that are none of them at native speed).\n\
         lang_said_initial = _{{ {} }}\n",
        first_letters(langs.iter().flat_map(|l| &l.said))
    )
    .unwrap();
    out
}

fn list(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
    format!("&[{}]", quoted.join(", "))
}

fn tables(langs: &[Language]) -> String {
    let mut out = String::from(
        "//! Generated from `languages/*.toml` by `tests/languages.rs`\n\
         //! (`BLESS=1 cargo test --all-features --test languages`): do not edit.\n\n\
         use super::Vocabulary;\n\n\
         /// The languages other than English, by code.\n\
         pub(crate) static LANGUAGES: &[Vocabulary] = &[\n",
    );
    for l in langs {
        let weekdays: Vec<String> = l.weekdays.iter().map(|w| list(w)).collect();
        let months: Vec<String> = l.months.iter().map(|m| list(m)).collect();
        writeln!(out, "    Vocabulary {{").unwrap();
        writeln!(out, "        code: {:?},", l.code).unwrap();
        writeln!(out, "        name: {:?},", l.name).unwrap();
        writeln!(out, "        example: {:?},", l.example).unwrap();
        writeln!(out, "        weekdays: [{}],", weekdays.join(", ")).unwrap();
        writeln!(out, "        months: [{}],", months.join(", ")).unwrap();
        for (field, words) in [
            ("comment_words", &l.comment_words),
            ("no_comments", &l.no_comments),
            ("one_comment", &l.one_comment),
            ("said", &l.said),
            ("reply_delete", &l.reply_delete),
            ("reply", &l.reply),
        ] {
            writeln!(out, "        {field}: {},", list(words)).unwrap();
        }
        writeln!(out, "    }},").unwrap();
    }
    out.push_str("];\n");
    out
}

#[test]
fn generated_vocabulary_is_up_to_date() {
    let langs = languages();
    assert!(langs.len() >= 10);
    let bless = std::env::var_os("BLESS").is_some();
    for (path, want) in [
        ("grammar/vocab.pest", grammar(&langs)),
        ("src/languages/data.rs", tables(&langs)),
    ] {
        let path = root().join(path);
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if bless {
            if have != want {
                std::fs::write(&path, &want).unwrap();
            }
        } else {
            assert!(
                have == want,
                "{} is not what languages/*.toml make: run `BLESS=1 cargo test --all-features --test languages`",
                path.display()
            );
        }
    }
}

/// A made-up page per language (`tests/fixtures/lang_*.txt`): its
/// language is found, and its date, title, comment header, comments,
/// authors and replies read as in English.
#[test]
fn a_page_in_each_language() {
    /// (code, date, title, declared, comments, replies, authors)
    type Page = (
        &'static str,
        &'static str,
        &'static str,
        u32,
        usize,
        usize,
        &'static [&'static str],
    );
    let pages: [Page; 10] = [
        (
            "es",
            "2009-03-03",
            "El huerto en marzo",
            2,
            2,
            0,
            &["Ana", "Anónimo"],
        ),
        ("pt", "2009-03-03", "A horta em março", 1, 1, 0, &[]),
        (
            "fr",
            "2009-03-03",
            "Le jardin en mars",
            2,
            2,
            0,
            &["Marie", "Anonyme"],
        ),
        ("de", "2009-03-03", "Der Garten im März", 2, 1, 1, &[]),
        ("it", "2009-03-03", "L'orto a marzo", 1, 1, 0, &["Giulia"]),
        (
            "nl",
            "2009-03-03",
            "De moestuin in maart",
            2,
            2,
            0,
            &["Anneke", "Pieter"],
        ),
        ("ca", "2009-03-03", "L'hort al març", 1, 1, 0, &["Jordi"]),
        (
            "sv",
            "2009-03-03",
            "Trädgården i mars",
            2,
            2,
            0,
            &["Therese", "Anonym"],
        ),
        ("id", "2009-03-03", "Kebun di bulan Maret", 1, 1, 0, &[]),
        ("pl", "2009-03-03", "Ogród w marcu", 0, 0, 0, &[]),
    ];
    for (code, date, title, declared, comments, replies, authors) in pages {
        let input = std::fs::read_to_string(root().join(format!("tests/fixtures/lang_{code}.txt")))
            .unwrap();
        let export = blog_export::parse(&input).unwrap();
        assert_eq!(export.language.code(), code);
        assert!(
            export.diagnostics.is_empty(),
            "{code}: {:?}",
            export.diagnostics
        );
        let post = &export.posts[0];
        assert_eq!(post.date.unwrap().to_string(), date, "{code}");
        assert_eq!(post.title.as_deref(), Some(title), "{code}");
        let section = post.comments.as_ref().unwrap();
        assert_eq!(section.declared, Some(declared), "{code}");
        assert_eq!(section.items.len(), comments, "{code}");
        let got_replies: usize = section.items.iter().map(|c| c.replies.len()).sum();
        assert_eq!(got_replies, replies, "{code}");
        let got: Vec<&str> = section
            .items
            .iter()
            .filter_map(|c| c.author.as_ref())
            .map(|a| &*a.text)
            .collect();
        assert_eq!(got, authors, "{code}");
        // The page's furniture line is furniture.
        assert_eq!(post.furniture.len(), 1, "{code}: {:?}", post.furniture);
    }
}

/// No `said` word can end a date line, so a date header is never a
/// `said_line` (`section_line` in `grammar/blog.pest` relies on it: it
/// tests for the next post's header before it scans a line's author). A
/// date line ends in a year, a day (`3`, `3rd`) or a month's name (with
/// or without a dot) after a space or a joining word; a `said_line` ends
/// in a `said` word, with or without dots. So no `said` word may contain a
/// digit, be the end of a month's name or an ordinal suffix, or end with
/// one after a space or `d'`.
#[test]
fn no_said_word_ends_a_date_line() {
    let langs = languages();
    let english_months = [
        "Jan",
        "January",
        "Feb",
        "February",
        "Mar",
        "March",
        "Apr",
        "April",
        "May",
        "Jun",
        "June",
        "Jul",
        "July",
        "Aug",
        "August",
        "Sep",
        "Sept",
        "September",
        "Oct",
        "October",
        "Nov",
        "November",
        "Dec",
        "December",
    ];
    let mut ends: Vec<String> = ["st", "nd", "rd", "th"].map(String::from).to_vec();
    for month in langs
        .iter()
        .flat_map(|l| l.months.iter().flatten().map(String::as_str))
        .chain(english_months)
    {
        ends.push(month.to_lowercase());
        ends.push(format!("{}.", month.to_lowercase()));
    }
    for said in langs
        .iter()
        .flat_map(|l| l.said.iter().map(String::as_str))
        .chain(["said...", "said…"])
    {
        let said = said.to_lowercase();
        assert!(!said.chars().any(|c| c.is_ascii_digit()), "{said}");
        for end in &ends {
            // A longer `said` word ending in a month's name ends a date
            // line only if what comes before the name in it can come
            // before a month: white space, or `d'` (`de`, `del` end in a
            // space).
            let before = said.strip_suffix(end.as_str());
            let joined = before.is_some_and(|b| {
                b.ends_with(|c: char| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')
                    || b.ends_with("d'")
                    || b.ends_with("d’")
            });
            assert!(
                !end.ends_with(&said) && !joined,
                "`{said}` can end a date line ending in `{end}`"
            );
        }
    }
}

/// Letters in other languages: the salutations and valedictions of each
/// language file open and close them; a plain hello opens none, in the
/// language's words or in English's.
#[test]
fn letters_in_other_languages() {
    for (header, opening, closing) in [
        ("martes, 3 de marzo de 2009", "Querido Juan:", "Un abrazo,"),
        (
            "Dienstag, 3. März 2009",
            "Sehr geehrte Damen und Herren,",
            "Mit freundlichen Grüßen",
        ),
        ("mardi 3 mars 2009", "Cher Monsieur,", "Cordialement,"),
        ("giovedì 1 gennaio 2009", "Caro Marco,", "Cordiali saluti,"),
        (
            "donderdag 3 maart 2009",
            "Geachte heer Jansen,",
            "Met vriendelijke groet,",
        ),
    ] {
        let input =
            format!("{header}\n\nBrief\n\n{opening}\n\nDe tekst.\n\n{closing}\n\nAna Silva\n");
        let export = blog_export::parse(&input).unwrap();
        let letters: Vec<_> = export.posts[0].letters().collect();
        assert_eq!(letters.len(), 1, "{header}");
        assert_eq!(letters[0].salutation.as_ref().unwrap().text, opening);
        assert_eq!(letters[0].valediction.as_ref().unwrap().text, closing);
        assert_eq!(
            letters[0].signature.as_ref().unwrap().name.text,
            "Ana Silva"
        );
    }
    let export =
        blog_export::parse("martes, 3 de marzo de 2009\n\nHola a todos,\n\nHoy.\n").unwrap();
    assert_eq!(export.posts[0].letters().count(), 0);
    // English's plain hellos open a letter on an English page only (`Hi`
    // is a Catalan word); its `Dear` opens one on any page.
    for (line, letters) in [("Hi havia una vegada,", 0), ("Dear John,", 1)] {
        let input = format!("dimarts, 3 de març de 2009\n\nConte\n\n{line}\nun rei.\n\nFi.\n");
        let export = blog_export::parse(&input).unwrap();
        assert_eq!(export.posts[0].letters().count(), letters, "{line}");
    }
    // A plural greeting to an addressee in small letters greets the
    // blog's readers; to names it opens a letter.
    for (header, line, letters) in [
        ("martes, 3 de marzo de 2009", "Queridos lectores:", 0),
        ("martes, 3 de marzo de 2009", "Queridos Reyes Magos:", 1),
        ("giovedì 1 gennaio 2009", "Cari amici,", 0),
        ("mardi 3 mars 2009", "Chers lecteurs,", 0),
        ("mardi 3 mars 2009", "Chers Paul et Anne,", 1),
    ] {
        let input = format!("{header}\n\nCarta\n\n{line}\n\nHoy.\n\nUn abrazo,\n\nAna\n");
        let export = blog_export::parse(&input).unwrap();
        assert_eq!(export.posts[0].letters().count(), letters, "{line}");
    }
    let export = blog_export::parse(
        "Tuesday, March 3, 2009\n\nNews\n\nHi John,\n\nHow are you?\n\nLove,\n\nAnn\n",
    )
    .unwrap();
    assert_eq!(export.posts[0].letters().count(), 1);
}

/// A comment's time in the language's own format: its date as the
/// language writes it, the word before the time (`a las`, `um`, `à`).
#[test]
fn comment_times_in_other_languages() {
    for (header, count, said, time) in [
        (
            "martes, 3 de marzo de 2009",
            "1 comentario:",
            "Ana dijo...",
            "3 de marzo de 2009, 14:05",
        ),
        (
            "martes, 3 de marzo de 2009",
            "1 comentario:",
            "Ana dijo...",
            "3 de marzo de 2009 a las 14:05",
        ),
        (
            "Dienstag, 3. März 2009",
            "1 Kommentar:",
            "Ana hat gesagt…",
            "3. März 2009 um 14:05",
        ),
        (
            "mardi 3 mars 2009",
            "1 commentaire :",
            "Ana a dit…",
            "3 mars 2009 à 14:05",
        ),
        (
            "terça-feira, 3 de março de 2009",
            "1 comentário:",
            "Ana disse...",
            "3 de março de 2009 às 14:05",
        ),
    ] {
        let input =
            format!("{header}\n\nT\n\nText.\n\n{count}\n\n{said}\n\n    Bien.\n\n    {time}\n");
        let export = blog_export::parse(&input).unwrap();
        let comment = &export.posts[0].comments.as_ref().unwrap().items[0];
        let posted = comment.posted.as_ref().unwrap_or_else(|| panic!("{time}"));
        assert_eq!(
            posted.date.map(|d| d.to_string()).as_deref(),
            Some("2009-03-03"),
            "{time}"
        );
        assert_eq!(
            posted.time.map(|t| t.to_string()).as_deref(),
            Some("14:05:00"),
            "{time}"
        );
        assert_eq!(comment.author.as_ref().unwrap().text, "Ana");
    }
}

/// Blogger's other date header formats on pages in other languages: year
/// first in digits, a weekday before a date in digits, a weekday with no
/// year, and the joining words in any case.
#[test]
fn other_date_forms() {
    let cases = [
        ("2009-03-03", "comentarios", "es", "2009-03-03"),
        ("2009/03/03", "comentarios", "es", "2009-03-03"),
        ("Dienstag, 03.03.2009", "Kommentare", "de", "2009-03-03"),
        (
            "MARTES, 3 DE MARZO DE 2009",
            "comentarios",
            "es",
            "2009-03-03",
        ),
        (
            "Martes 3 De Marzo Del 2009",
            "comentarios",
            "es",
            "2009-03-03",
        ),
        ("martes, 3 de marzo", "comentarios", "es", "-03-03"),
        ("Dienstag, 3. März", "Kommentare", "de", "-03-03"),
        // A capitalised month whose English look-alike stops at a letter
        // outside ASCII (`Março`, not `Mar`).
        (
            "Terça-feira, 3 de Março de 2009",
            "comentários",
            "pt",
            "2009-03-03",
        ),
        (
            "dimarts, 3 de Març de 2009",
            "comentaris",
            "ca",
            "2009-03-03",
        ),
        // The first of the month as French and Portuguese write it.
        ("mardi 1er avril 2009", "commentaires", "fr", "2009-04-01"),
        (
            "quarta-feira, 1º de abril de 2009",
            "comentários",
            "pt",
            "2009-04-01",
        ),
    ];
    for (header, word, code, date) in cases {
        let input = format!("{header}\n\nTitel\n\nText.\n\n1 {word}:\n\nAna:\n\n    Gut.\n");
        let export = blog_export::parse(&input).unwrap_or_else(|e| panic!("{header}: {e}"));
        assert_eq!(export.language.code(), code, "{header}");
        let post = &export.posts[0];
        assert!(
            post.date.unwrap().to_string().ends_with(date),
            "{header}: {:?}",
            post.date
        );
        assert_eq!(post.title.as_deref(), Some("Titel"), "{header}");
    }
    // Year first in digits is Blogger's ISO format in English too.
    let export = blog_export::parse("2009-03-03\n\nTitle\n\nText.\n").unwrap();
    assert_eq!(export.posts[0].date.unwrap().to_string(), "2009-03-03");
    assert_eq!(export.posts[0].weekday, None);
}

/// Some Spanish templates print a full stop before the no-comments
/// header's colon (`No hay comentarios.:`): the header all the same.
#[test]
fn a_full_stop_before_the_headers_colon() {
    let input = "miércoles, diciembre 01, 2010\n\nTítulo\n\nTexto.\n\nNo hay comentarios.:\n";
    let export = blog_export::parse(input).unwrap();
    assert_eq!(export.language.code(), "es");
    assert_eq!(export.posts[0].comments.as_ref().unwrap().declared, Some(0));
}

/// Digit dates on a page in another language are day first, unless a date
/// can only be month first (`1/15/2013`) or the page's other digit dates
/// show that order.
#[test]
fn digit_dates_month_first_in_another_language() {
    let post = |first: &str| format!("{first}\n\nTítulo\n\nTexto.\n\nNo hay comentarios:\n\n\n");
    let cases = [
        (post("3/4/2013"), ["2013-04-03"].as_slice()),
        (post("1/15/2013"), &["2013-01-15"]),
        (
            post("3/4/2013") + &post("1/15/2013"),
            &["2013-03-04", "2013-01-15"],
        ),
        (
            post("3/4/2013") + &post("15/1/2013"),
            &["2013-04-03", "2013-01-15"],
        ),
    ];
    for (input, dates) in cases {
        let export = blog_export::parse(&input).unwrap();
        assert_eq!(export.language.code(), "es");
        let got: Vec<_> = export
            .posts
            .iter()
            .map(|p| p.date.unwrap().to_string())
            .collect();
        assert_eq!(got, dates, "{input}");
    }
}

/// An email quoted on a page in another language: its mail program's
/// fields in the page's language (`De:`, `Enviado el:`, French with a
/// space before the colon), the date its `Sent` field gives, and only on
/// such a page (`A:` is no field on an English page).
#[test]
fn email_headers_in_other_languages() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "martes, 3 de marzo de 2009\n\nUn correo\n\n",
            "De: Ana\nEnviado el: martes, 3 de marzo de 2009 14:05\nPara: Luis\nAsunto: noticias\n\nQuerido Luis:\n\nLas noticias.\n\n2 comentarios:\n\nPepe dijo...\n\n    Bien.\n",
            &["De", "Enviado el", "Para", "Asunto"],
        ),
        (
            "mardi 3 mars 2009\n\nUn courriel\n\n",
            "De : Anne\nEnvoyé : mardi 3 mars 2009 14:05\nÀ : Luc\nObjet : nouvelles\n\nCher Luc,\n\nNouvelles.\n\n2 commentaires:\n\nPierre a dit…\n\n    Bien.\n",
            &["De", "Envoyé", "À", "Objet"],
        ),
        (
            "Dienstag, 3. März 2009\n\nEine Mail\n\n",
            "Von: Anna\nGesendet: Dienstag, 3. März 2009 14:05\nAn: Lukas\nBetreff: Neues\n\nLieber Lukas,\n\nNeues.\n\n2 Kommentare:\n\nPeter hat gesagt…\n\n    Gut.\n",
            &["Von", "Gesendet", "An", "Betreff"],
        ),
        (
            "martedì 3 marzo 2009\n\nUna mail\n\n",
            "Da: Anna\nData: 3 marzo 2009 14:05\nA: Luca\nOggetto: notizie\n\nCaro Luca,\n\nNotizie.\n\n2 commenti:\n\nPiero ha detto...\n\n    Bene.\n",
            &["Da", "Data", "A", "Oggetto"],
        ),
    ];
    for (head, body, fields) in cases {
        let input = format!("{head}{body}");
        let export = blog_export::parse(&input).unwrap();
        assert_ne!(export.language.code(), "en", "{head}");
        let letter = export.posts[0].letters().next().unwrap();
        let got: Vec<_> = letter.headers.iter().map(|h| h.field.to_string()).collect();
        assert_eq!(got, fields, "{head}");
        let (at, _) = letter.when_sent().unwrap();
        assert_eq!(at.to_string(), "2009-03-03T14:05:00", "{head}");
        assert!(letter.salutation.is_some(), "{head}");
    }
    // On an English page the same lines are text.
    let input = "Tuesday, 3 March 2009\n\nA note\n\nDa: Anna\nA: Luca\n\nText.\n";
    let export = blog_export::parse(input).unwrap();
    assert_eq!(export.posts[0].letters().count(), 0);
}

/// A template word that starts with a letter other than ASCII's reads in
/// either case, as the others do (pest compares only ASCII letters without
/// regard to case): a capitalized Polish weekday, Swedish furniture.
#[test]
fn words_with_a_first_letter_beyond_ascii_in_either_case() {
    let input = "Środa, 4 marca 2009\n\nJesień\n\nTekst.\n\n1 komentarz:\n\nAnia powiedział(a)...\n\nPiękne!\n";
    let export = blog_export::parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.date.unwrap().to_string(), "2009-03-04");
    assert_eq!(post.title.as_deref(), Some("Jesień"));
    let input = "onsdag 4 mars 2009\n\nHösten\n\nText.\n\n1 kommentar:\n\nAnna sa...\n\nFint!\n\nÄldre inlägg\n";
    let export = blog_export::parse(input).unwrap();
    let post = &export.posts[0];
    assert_eq!(post.furniture.len(), 1);
    assert_eq!(post.furniture[0].text, "Äldre inlägg");
    assert_eq!(post.comments.as_ref().unwrap().items[0].paragraphs.len(), 1);
}

/// Portuguese templates write a header for one comment in words.
#[test]
fn one_comment_in_words() {
    let input = "terça-feira, 3 de março de 2009\n\nA horta\n\nTexto.\n\nUm comentário:\n\n  1. Muito bom!\n\n    ResponderEliminar\n";
    let export = blog_export::parse(input).unwrap();
    assert_eq!(export.language.code(), "pt");
    let comments = export.posts[0].comments.as_ref().unwrap();
    assert_eq!((comments.declared, comments.items.len()), (Some(1), 1));
    assert!(export.diagnostics.is_empty(), "{:?}", export.diagnostics);
}

/// Polish templates write `said` in two ways: `Ania powiedział(a)...` and,
/// in older ones, `Ania pisze...`.
#[test]
fn both_polish_said_words() {
    for said in ["powiedział(a)", "pisze"] {
        let input = format!("wtorek, 3 marca 2009\n\nJesień\n\nTekst.\n\n1 komentarz:\n\nAnia {said}...\n\nPiękne!\n");
        let export = blog_export::parse(&input).unwrap();
        assert_eq!(export.language.code(), "pl");
        let comments = export.posts[0].comments.as_ref().unwrap();
        let authors: Vec<_> = comments
            .items
            .iter()
            .map(|c| c.author.as_ref().map(|a| a.text.clone()))
            .collect();
        assert_eq!(authors, [Some("Ania".into())], "{said}");
        assert!(export.diagnostics.is_empty(), "{:?}", export.diagnostics);
    }
}

/// The first post's comments: each one's author and count of paragraphs.
fn comments(input: &str) -> Vec<(Option<String>, usize)> {
    let export = blog_export::parse(input).unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    section
        .items
        .iter()
        .map(|c| {
            (
                c.author.as_ref().map(|a| a.text.to_string()),
                c.paragraphs.len(),
            )
        })
        .collect()
}

/// A `said` word with no dots after it stands after a space (`Anoniem zei`,
/// `Marijke zei`): a name that ends like one, signed on a comment's last
/// line (`Vanessa`, Swedish `sa`; `Lorenzei`), is the comment's text, not a
/// comment by `Vanes`.
#[test]
fn dotless_said_words_stand_after_a_space() {
    let input = "dimanche 3 avril 2011\n\nUn titre\n\nLe texte.\n\n2 commentaires:\n\nLolo a dit…\n\nMerci.\n\nouvea107 a dit…\n\nquelle chance\nbien amicalement\nVanessa\n";
    assert_eq!(
        comments(input),
        [(Some("Lolo".into()), 1), (Some("ouvea107".into()), 1)]
    );
    let input = "maandag 27 augustus 2012\n\nTitel\n\nTekst.\n\n3 reacties:\n\nAnoniem zei\n\nLeuk.\nLorenzei\n\nMarijke zei\n\nMooi.\n\nAnoniem Piet zei...\n\nJa.\n";
    assert_eq!(
        comments(input),
        [
            (Some("Anoniem".into()), 1),
            (Some("Marijke".into()), 1),
            (Some("Piet".into()), 1)
        ]
    );
}

/// A `said` line's author is a name of one to ten words: a line of
/// comment text that ends in a `said` word (`... en toen zei`) is text, a
/// line with dots in its middle (`Mooi... zei ze toen.`) too, and a long
/// name before the dots and a time is still a name.
#[test]
fn said_lines_end_in_their_said_word() {
    let input = "maandag 27 augustus 2012\n\nTitel\n\nTekst.\n\n2 reacties:\n\nAnoniem zei\n\nLeuk.\n\nIk vroeg het aan mijn buurman en hij keek me aan en toen zei\n\nMarijke zei...\n\nMooi... zei ze toen.\n";
    assert_eq!(
        comments(input),
        [(Some("Anoniem".into()), 2), (Some("Marijke".into()), 1)]
    );
    let input = "martes, 3 de marzo de 2009\n\nUn título\n\nTexto.\n\n1 comentarios:\n\nLa Señora de la Casa del Final de la Calle dijo... 3 de marzo de 2009, 14:05\n\nHola.\n";
    let export = blog_export::parse(input).unwrap();
    let comment = &export.posts[0].comments.as_ref().unwrap().items[0];
    assert_eq!(
        comment.author.as_ref().unwrap().text,
        "La Señora de la Casa del Final de la Calle"
    );
    assert!(comment.posted.is_some());
}

/// An author whose name starts like a `said` word of some language
/// (`Sandra` and Swedish `sa`, `Zeinab` and Dutch `zei`), or like
/// English's (`saidah`), is still the author; the blog's own word for its
/// comments in the header's place (`6 criaturas afundaram esta pérola:`)
/// over a `said` line is the header.
#[test]
fn authors_named_like_said_words_and_own_comment_words() {
    let input = "terça-feira, 30 de março de 2010\n\nDa blogosfera\n\nTexto.\n\n3 criaturas afundaram esta pérola:\n\nSandra disse...\n\nUm gato.\n\nzeinab disse...\n\nLol.\n\nsaidah disse...\n\nSim.\n";
    let export = blog_export::parse(input).unwrap();
    assert_eq!(export.language.code(), "pt");
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.declared, Some(3));
    let authors: Vec<_> = section
        .items
        .iter()
        .map(|c| c.author.as_ref().map(|a| a.text.to_string()))
        .collect();
    assert_eq!(
        authors,
        [
            Some("Sandra".to_string()),
            Some("zeinab".to_string()),
            Some("saidah".to_string())
        ]
    );
    let export = blog_export::parse(
        "Friday 25 July 2014\n\nT\n\nText.\n\n1 comment:\n\nsaidah said...\n\nHi.\n",
    )
    .unwrap();
    let section = export.posts[0].comments.as_ref().unwrap();
    assert_eq!(section.items[0].author.as_ref().unwrap().text, "saidah");
    // A line of a count and words closed by a colon, with no `said` line
    // under it, is text.
    let export = blog_export::parse(
        "Friday 25 July 2014\n\nT\n\nText.\n\n3 things I learned:\n\nPatience.\n",
    )
    .unwrap();
    assert!(export.posts[0].comments.is_none());
}
