//! The rule that tells a comment's signature (its author's name line) from
//! ordinary text.

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
    let line = line.trim_matches(crate::span::is_space);
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
