//! Names: the rules that tell a comment's signature (its author's name
//! line) and a letter's signer (a name line, then role lines) from ordinary
//! text.

use crate::span::is_space;

/// Short words that end comments but are not names.
const NOT_NAMES: &[&str] = &[
    "agreed", "amen", "anyway", "bye", "cheers", "correct", "discuss", "exactly", "indeed", "lol",
    "no", "nope", "ok", "okay", "regards", "rubbish", "sad", "shameful", "shocking", "thanks",
    "true", "why", "yes", "yep",
];

/// Whether a comment's last paragraph is its author's signature.
///
/// The parser applies this to the last paragraph of a comment or reply that
/// has at least two paragraphs (a one-paragraph comment is all text). The
/// paragraph is a signature when it is a name line:
///
/// - one line of at most 40 characters and 1 to 4 words;
/// - only letters, spaces, hyphens, apostrophes and the dots of initials,
///   ending on a letter, so a sentence (`TR = Totally Rubbish.`), a
///   question or a link is never a signature;
/// - a single word may be in any case (`papa`, `Anon`), except for common
///   closing words (`Thanks`, `Agreed`, `Exactly`, ...); several words must
///   each start with a capital letter (`Simon Garden`, `David A. Raho`).
///
/// ```
/// use blog_export::is_signature;
/// assert!(is_signature("papa"));
/// assert!(is_signature("Simon Garden"));
/// assert!(!is_signature("TR = Totally Rubbish."));
/// assert!(!is_signature("well said"));
/// assert!(!is_signature("Thanks"));
/// ```
pub fn is_signature(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    if line.is_empty() || line.chars().count() > 40 || line.contains('\n') {
        return false;
    }
    let allowed = |c: char| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.');
    if !line.chars().all(allowed) || !line.ends_with(char::is_alphabetic) {
        return false;
    }
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        [] => false,
        [word] => {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !NOT_NAMES.contains(&word.to_lowercase().as_str())
        }
        words if words.len() <= 4 => words.iter().all(|w| w.starts_with(char::is_uppercase)),
        _ => false,
    }
}

/// Words a name may hold in lower case.
const NAME_PARTICLES: &[&str] = &["and", "&", "of", "de", "van", "von", "der", "la", "le"];

/// A name line: 1 to 7 words, at most 50 characters, no digits, no
/// sentence punctuation at its end, no field label (`Tags:`), each word capitalised (or a particle
/// such as `and`), dots only after initials and titles.
pub(crate) fn is_name_line(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    // More than 50 characters in any case (a character is at most four
    // bytes): not a name, and its words need not be listed.
    if line.len() > 4 * 50 {
        return false;
    }
    // The cheap tests first: most lines asked about are sentences.
    if line.chars().count() > 50 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 7
        && !line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with(['.', '!', '?', ':', ';', ','])
        && line.chars().any(char::is_alphabetic)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
        && words.iter().any(|w| w.starts_with(char::is_uppercase))
        // A word ending in a colon labels a field (`Labels: Letters`).
        && !words.iter().any(|w| w.ends_with(':'))
        // A dot inside a name belongs to an initial or a title (`A.`, `Dr.`).
        && words
            .iter()
            .all(|w| !w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() <= 3)
}

/// How a line signs a letter that has no closing (see [`signer_line`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signer {
    /// A bare name line (`Ann Lee`, `Mrs H.`): a signer at the letter's
    /// end, but inside a letter as likely a heading (`Workloads`).
    Bare,
    /// A name set off as a signature, led by a sign-off dash or tilde
    /// (`--Ann Lee`, `~ Ann`), closed by a short note in brackets
    /// (`Harry (grade 1)`), or a relation (`Your Grandaddy`): a signer
    /// wherever it stands.
    Marked,
}

/// Whether `line` is a writer's name signed alone under a letter with no
/// closing, and how: a name line (see [`is_name_line`]), which may end on
/// an initial's dot (`Mrs H.`), be led by a sign-off dash or tilde, or end
/// in a short note in brackets; or the writer's relation to the reader
/// (see [`is_relation`]).
pub(crate) fn signer_line(line: &str) -> Option<Signer> {
    // A name line is at most 50 characters (and a note 20 more).
    if line.len() > 4 * 80 || line.contains('\n') {
        return None;
    }
    let line = line.trim_matches(is_space);
    // A name (50 characters), a note and their marks: most lines asked
    // about are longer.
    if line.chars().nth(80).is_some() {
        return None;
    }
    let name = line
        .trim_start_matches(['-', '~', '–', '—'])
        .trim_start_matches(is_space);
    let mut marked = name.len() < line.len();
    let name = match name.strip_suffix(')').and_then(|l| l.rsplit_once(" (")) {
        Some((name, note)) if note.chars().count() <= 20 && !note.contains(['(', ')']) => {
            marked = true;
            name
        }
        _ => name,
    };
    // The dot after a last initial, title or degree (`Mrs H.`, `Jr.`,
    // `M.Ed.`): at most three letters, as `is_name_line` allows inside.
    let name = match name.strip_suffix('.') {
        Some(bare)
            if bare
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 3) =>
        {
            bare
        }
        _ => name,
    };
    // Signed by a relation (`Your Grandaddy`): set off as a signature.
    if !marked && is_relation(name) {
        return Some(Signer::Marked);
    }
    (!name.contains('\n') && is_name_line(name)).then_some(if marked {
        Signer::Marked
    } else {
        Signer::Bare
    })
}

/// Whether `text` names its writer by a relation, as a signed closing
/// does (`Love, your big sister`, `Love, Your Mother`) or a line alone
/// under a letter (`Your Grandaddy`, `your current tenant`): `your` and
/// one to three words, with no sentence's end.
pub(crate) fn is_relation(text: &str) -> bool {
    let text = text.trim_matches(is_space);
    if !text.starts_with(['y', 'Y']) {
        return false;
    }
    let mut words = text.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("your"))
        && (1..=3).contains(&words.count())
        && !text.ends_with(['.', '!', '?', ',', ':', ';'])
        && !text.contains('\n')
}

/// A name over a note in brackets on the line under it (`Ann Lee` /
/// `(written at camp, age 9)`): a name set off as a signature, as
/// `Harry (grade 1)` is on one line, so the letter ends there.
pub(crate) fn is_noted_name(text: &str) -> bool {
    let text = text.trim_end_matches(is_space);
    // The cheap tests first: the note closes the paragraph, and a name
    // line of 50 characters and a note of 120 (four bytes each at most)
    // are short; most paragraphs asked about are neither.
    if !text.ends_with(')') || text.len() > 4 * (50 + 1 + 120) {
        return false;
    }
    let Some(at) = memchr::memchr(b'\n', text.as_bytes()) else {
        return false;
    };
    let note = text[at + 1..].trim_start_matches(is_space);
    note.starts_with('(')
        && !note.contains('\n')
        && note.chars().count() <= 120
        && is_name_line(&text[..at])
}

/// A name block: a name line, then up to three short role lines.
pub(crate) fn is_name_block(text: &str) -> bool {
    // A name line and three role lines of at most 80 characters each.
    if text.len() > 4 * (50 + 3 * 81) {
        return false;
    }
    let mut lines = text.lines();
    lines.next().is_some_and(is_name_line)
        && lines.clone().count() <= 3
        && lines.all(|l| l.chars().count() <= 80)
}

/// Words that start a `... said...` line of prose, never a commenter's
/// name: pronouns, determiners and conjunctions.
const NOT_AUTHORS: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "but",
    "everybody",
    "everyone",
    "he",
    "her",
    "his",
    "i",
    "if",
    "it",
    "my",
    "nobody",
    "one",
    "or",
    "our",
    "she",
    "so",
    "somebody",
    "someone",
    "that",
    "the",
    "then",
    "they",
    "this",
    "we",
    "what",
    "when",
    "who",
    "you",
    "your",
    "their",
];

/// Whether the text before `said...` on a line of its own reads as a
/// commenter's name, so the line opens a comment with no section header
/// above it: at most 60 characters and eight words (dashes and other
/// marks between them are not words: `KJ - The Baker of Elm Street`), not
/// ending as a clause or a quotation does (`,`, `;`, `:`, a quote mark),
/// and not starting with a pronoun, determiner or conjunction (`He
/// said...`, `My mother always said...` are prose). Names may hold
/// spaces, brackets, dashes, dots and `&` (`Owen [kitchen notes]`,
/// `J. & M. Smith`), and end as a blog's name may (`Happy Days!!!!`,
/// `sonia@where next?`).
pub(crate) fn is_author_name(author: &str) -> bool {
    let author = author.trim_matches(is_space);
    let words: Vec<&str> = author.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    author.chars().count() <= 60
        && words
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            <= 8
        && author.chars().any(char::is_alphanumeric)
        && !author.ends_with([',', ';', ':', '"', '“', '”'])
        && !NOT_AUTHORS.contains(&first.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_names() {
        for name in [
            "Marta",
            "Anonymous",
            "Owen [kitchen notes]",
            "Priya N",
            "J. & M. Smith",
            "papa",
            "KJ - The Baker of Elm Street",
            "Unknown",
            "Happy Days!!!!",
            "sonia@where next?",
        ] {
            assert!(is_author_name(name), "{name}");
        }
        for prose in [
            "He",
            "My mother always",
            "And then she",
            "The man at the bar",
            "Well,",
            "",
        ] {
            assert!(!is_author_name(prose), "{prose}");
        }
    }

    #[test]
    fn name_lines() {
        for name in [
            "Michael Spurr",
            "IAN LAWRENCE",
            "Dino Peros ",
            "David A Raho and Patricia Johnson",
            "Mgt Locklan",
        ] {
            assert!(is_name_line(name), "{name}");
        }
        for text in [
            "Discuss.",
            "Thanks. Bye",
            "the end",
            "Room 101",
            "Napo SSW branch chair.",
        ] {
            assert!(!is_name_line(text), "{text}");
        }
    }
}
