//! Quoted letters: each shape FORMAT.md lists, the seeds' twelve letters,
//! and near misses that must stay paragraphs.

use blog_export::{parse, Block, DiagnosticKind, Letter, SentAt};

/// Parses one post whose body is `body`, and returns its letters.
fn letters(body: &str) -> Vec<Letter<'static>> {
    // Tests only: the input lives as long as the test binary, so the
    // letters can borrow it.
    let input: &'static str =
        Box::leak(format!("Friday 25 July 2014\n\nA title\n\n{body}").into_boxed_str());
    let export = parse(input).unwrap();
    export.posts[0].letters().cloned().collect()
}

fn text(p: &Option<blog_export::Paragraph>) -> Option<String> {
    p.as_ref().map(|p| p.text.to_string())
}

#[test]
fn timestamp_with_zone_salutation_valediction_signature_roles() {
    let ls = letters(
        "21 July 2014 13:52:19 BDT\n\nDear Ms Hughes,\n\nThanks for your email.\n\nIt is fine.\n\nYours sincerely,\n\nMichael Spurr\nChief Executive",
    );
    assert_eq!(ls.len(), 1);
    let l = &ls[0];
    let sent = l.sent.as_ref().unwrap();
    assert_eq!(sent.raw, "21 July 2014 13:52:19 BDT");
    assert_eq!(sent.at.to_string(), "2014-07-21T13:52:19+01:00");
    assert_eq!(l.salutation.as_ref().unwrap().text, "Dear Ms Hughes,");
    assert_eq!(l.paragraphs.len(), 2);
    assert_eq!(text(&l.valediction).as_deref(), Some("Yours sincerely,"));
    let sig = l.signature.as_ref().unwrap();
    assert_eq!(sig.name.text, "Michael Spurr");
    assert_eq!(sig.roles[0].text, "Chief Executive");
    assert_eq!((sig.roles[0].span.line, sig.roles[0].span.column), (16, 1));
}

#[test]
fn date_and_time_without_zone() {
    let l = &letters("14 July 2014 11:16\n\nDear Ms Brennan and Mr Spurr,\n\nText.")[0];
    let sent = l.sent.as_ref().unwrap();
    assert!(matches!(sent.at, SentAt::Local(_)));
    assert_eq!(sent.at.to_string(), "2014-07-14T11:16:00");
}

#[test]
fn date_only_and_subject() {
    let l = &letters(
        "16 December 2014\n\nDear Mr Guilfoyle,\n\nTRANSFORMING REHABILITATION\n\nThank you.\n\nBest wishes,\n\nStephen Hubbard\nTransforming Rehabilitation Programme",
    )[0];
    assert_eq!(l.sent.as_ref().unwrap().at.to_string(), "2014-12-16");
    assert_eq!(
        text(&l.subject).as_deref(),
        Some("TRANSFORMING REHABILITATION")
    );
    assert_eq!(text(&l.valediction).as_deref(), Some("Best wishes,"));
    assert_eq!(l.signature.as_ref().unwrap().name.text, "Stephen Hubbard");
}

#[test]
fn month_only() {
    let l = &letters("February 2019\n\nDear Napo members SSW branch, \n\nNews.\n\nDino Peros\nNapo Branch Chair SSW.")[0];
    assert_eq!(
        l.sent.as_ref().unwrap().at,
        SentAt::Month {
            year: 2019,
            month: 2
        }
    );
    assert_eq!(
        l.salutation.as_ref().unwrap().text,
        "Dear Napo members SSW branch,"
    );
    assert!(l.valediction.is_none());
    let sig = l.signature.as_ref().unwrap();
    assert_eq!(sig.name.text, "Dino Peros");
    assert_eq!(sig.roles[0].text, "Napo Branch Chair SSW.");
}

#[test]
fn unknown_zone_keeps_the_naive_time_with_a_diagnostic() {
    let input = "Friday 25 July 2014\n\nT\n\n21 July 2014 13:52:19 XYZ\n\nDear Ms Hughes,\n\nText.";
    let export = parse(input).unwrap();
    let l = export.posts[0].letters().next().unwrap();
    assert_eq!(
        l.sent.as_ref().unwrap().at.to_string(),
        "2014-07-21T13:52:19"
    );
    assert_eq!(export.diagnostics[0].kind, DiagnosticKind::UnknownTimeZone);
    assert_eq!(export.diagnostics[0].span.line, 5);
}

#[test]
fn salutation_shapes() {
    for (body, salutation) in [
        ("Dear Members\n\nText.", "Dear Members"),
        ("Dear .........,\n\nText.", "Dear .........,"),
        ("Hello Chris,\n\nText.", "Hello Chris,"),
        ("Hi,\u{a0}\n\nText.", "Hi,"),
        ("Dear Mr. Smith,\n\nText.", "Dear Mr. Smith,"),
        // Abbreviated titles do not end a sentence.
        (
            "Dear Sen. Patty Murray,\n\nText.",
            "Dear Sen. Patty Murray,",
        ),
        (
            "To Capt. Hill and Lt. Moss:\n\nText.",
            "To Capt. Hill and Lt. Moss:",
        ),
        // Old letters set a dash after the colon.
        ("Dearest Mother:-\n\nText.", "Dearest Mother:-"),
        ("Dear Will: -\n\nText.", "Dear Will: -"),
        // A letter to a family may name them all.
        (
            "Dear Ann, Bob, Carl, Dana, Eddie, Fran, and everyone all over the world,\n\nText.",
            "Dear Ann, Bob, Carl, Dana, Eddie, Fran, and everyone all over the world,",
        ),
    ] {
        let ls = letters(body);
        assert_eq!(ls.len(), 1, "{body:?}");
        assert_eq!(ls[0].salutation.as_ref().unwrap().text, salutation);
    }
    // Under the header, such a salutation opens the letter: no title.
    let export = parse("Friday 25 July 2014\n\nDearest Mother:-\n\nText.\n").unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(
        export.posts[0]
            .letters()
            .next()
            .unwrap()
            .salutation
            .as_ref()
            .unwrap()
            .text,
        "Dearest Mother:-"
    );
}

#[test]
fn valediction_on_the_line_after_text() {
    let l = &letters("Dear Members\n\nIf you have questions, ask.\nKeep well\n\nDavid A Raho and Patricia Johnson\nCo-Chairs Napo London Branch")[0];
    assert_eq!(text(&l.valediction).as_deref(), Some("Keep well"));
    assert_eq!(
        l.signature.as_ref().unwrap().name.text,
        "David A Raho and Patricia Johnson"
    );
}

#[test]
fn letter_ends_at_a_separator_and_after_its_signature() {
    let input = "Friday 25 July 2014\n\nT\n\nDear all\n\nNews.\n\nYours sincerely\n\nSuki Binning\nChief Executive\n\nAfter the letter.\n\n--oo00oo--\n\nDear Napo members\n\nMore.\n\nDino Peros";
    let export = parse(input).unwrap();
    let kinds: Vec<&str> = export.posts[0]
        .body
        .iter()
        .map(|b| match b {
            Block::Letter(_) => "letter",
            Block::Paragraph(_) => "paragraph",
            Block::Separator(_) => "separator",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["letter", "paragraph", "separator", "letter"]);
    let second = export.posts[0].letters().nth(1).unwrap();
    assert_eq!(second.signature.as_ref().unwrap().name.text, "Dino Peros");
}

#[test]
fn letters_in_a_row_each_answering_the_last() {
    let ls = letters("14 July 2014 11:16\n\nDear A,\n\nOne.\n\nYours sincerely,\n\nJoanna Hughes\n\n21 July 2014 13:52:19 BDT\n\nDear B,\n\nTwo.\n\nYours sincerely,\n\nMichael Spurr\nChief Executive");
    assert_eq!(ls.len(), 2);
    assert_eq!(
        ls[1].sent.as_ref().unwrap().raw,
        "21 July 2014 13:52:19 BDT"
    );
}

#[test]
fn no_valediction_and_no_name_ends_before_the_next_introduction() {
    let l = &letters("Hi,\n\nThe print button does not work.\n\nThanks for waiting.\n\nAnd here is the next thing:-\n\nMore blog text.")[0];
    assert_eq!(l.paragraphs.len(), 2);
    assert!(l.signature.is_none());
}

#[test]
fn near_misses_stay_paragraphs() {
    for body in [
        "Hello my friend. I truly understand what you say and I suspect many of us do.",
        "Dear oh dear, what a shambles this is becoming for everyone in the service, truly.",
        "History of the service.",
        "Hiya folks",
        "Dearly beloved",
        "Yours sincerely,\n\nJoanna Hughes",
        "16 December 2014\n\nNothing happened that day.",
        "Dear me! What next?",
    ] {
        assert!(letters(body).is_empty(), "{body:?}");
    }
}

#[test]
fn a_title_is_never_a_salutation() {
    let input = "Friday 25 July 2014\n\nDear Mr Spurr\n\nSome text.";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Dear Mr Spurr"));
    assert_eq!(export.posts[0].letters().count(), 0);
}

#[test]
fn letters_inside_comments_are_comment_text() {
    let input = "Friday 25 July 2014\n\nT\n\n1 comment:\n\n  1. Dear Bidder\n    my work is meaningless.\n\n    ReplyDelete";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].letters().count(), 0);
}

/// Openings and closings of personal letters: `My dear X,`, `Dearest X,`,
/// `Dear X:`, `Hey X!`, closed by `Love,` or `Love always,`.
#[test]
fn personal_openings_and_love_closings() {
    for (opening, closing) in [
        ("My dear Anna,", "Love,"),
        ("Dearest Tom,", "Love always,"),
        ("Dear Mrs. Glenn:", "Sincerely,"),
        ("Hey Jo!", "Love,"),
        ("Madame Speaker:", "Your loving son,"),
        ("Dear Daddy,", "Hugs and kisses,"),
    ] {
        let ls = letters(&format!("{opening}\n\nThe news.\n\n{closing}\n\nMary"));
        assert_eq!(ls.len(), 1, "{opening}");
        assert_eq!(ls[0].salutation.as_ref().unwrap().text, opening);
        assert_eq!(text(&ls[0].valediction).as_deref(), Some(closing));
        assert_eq!(ls[0].signature.as_ref().unwrap().name.text, "Mary");
    }
    // `Love this!` is text, and `My dear friend, I ...` too.
    assert!(letters("Love this!\n\nMy dear friend, I wrote.").is_empty());
}

/// A salutation ending in a comma under the date header opens a letter
/// (the post has no title), unless another salutation follows it.
#[test]
fn a_salutation_under_the_header_is_no_title() {
    let export = parse("Friday 25 July 2014\n\nDear Senator Kerry,\n\nThank you.\n").unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.posts[0].letters().count(), 1);
    let export =
        parse("Friday 25 July 2014\n\nDear Santa:\n\nDear Santa,\n\nA doll.\n\nLove,\n\nAmy\n")
            .unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Dear Santa:"));
    let l = export.posts[0].letters().next().unwrap();
    assert_eq!(l.salutation.as_ref().unwrap().text, "Dear Santa,");
    // With no comma or colon, a salutation opens a letter when its text
    // runs straight on under it; alone between blank lines it is the
    // title.
    let export = parse("Friday 25 July 2014\n\nDear Comcast\nYou cut my cable again.\n").unwrap();
    assert_eq!(export.posts[0].title, None);
    let l = export.posts[0].letters().next().unwrap();
    assert_eq!(l.salutation.as_ref().unwrap().text, "Dear Comcast");
    let export = parse("Friday 25 July 2014\n\nDear Comcast\n\nYou cut my cable again.\n").unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Dear Comcast"));
    // A semicolon or an exclamation mark closes a salutation as a comma
    // does (`Dear Sir;`, `My darling Wife;` in older letters, `Hey Sam!`);
    // a readers' greeting (`Hey guys!`) opens no letter.
    for salutation in ["Dear Sir;", "My darling Wife;", "Hey Sam!", "Dear Mom!"] {
        let input = format!("Friday 25 July 2014\n\n{salutation}\n\nI write in haste.\n");
        let export = parse(&input).unwrap();
        assert_eq!(export.posts[0].title, None, "{salutation}");
        let l = export.posts[0].letters().next().unwrap();
        assert_eq!(l.salutation.as_ref().unwrap().text, salutation);
    }
    let export = parse("Friday 25 July 2014\n\nHey guys!\n\nI write in haste.\n").unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("Hey guys!"));
    assert_eq!(export.posts[0].letters().count(), 0);
}

/// A salutation on the title line over one paragraph that introduces a
/// letter, and then the letter's own salutation, is the post's title; a
/// letter that closes before the next one opens keeps its salutation.
#[test]
fn a_salutation_over_an_introduced_letter_is_the_title() {
    let export = parse(
        "Friday 25 July 2014\n\nMy Dearest Love,\n\nA letter my grandfather wrote.\nMay 20, 1943\n\nDearest Ann,\n\nI miss you.\n",
    )
    .unwrap();
    assert_eq!(export.posts[0].title.as_deref(), Some("My Dearest Love,"));
    let saluted: Vec<_> = export.posts[0]
        .letters()
        .map(|l| l.salutation.as_ref().unwrap().text.clone())
        .collect();
    assert_eq!(saluted, ["Dearest Ann,"]);
    let export = parse(
        "Friday 25 July 2014\n\nDear Ann,\n\nThank you.\n\nLove,\nBob\n\nDear Bob,\n\nYou are welcome.\n",
    )
    .unwrap();
    assert_eq!(export.posts[0].title, None);
    assert_eq!(export.posts[0].letters().count(), 2);
}

/// A letter quoted in a post may open its lines with a quote mark, kept in
/// the salutation's and the valediction's text; a quoted line closed on
/// the same line (a song's name) opens no letter.
#[test]
fn quote_marks_open_a_quoted_letter() {
    let input = "Friday 25 July 2014\n\nFound in a drawer\n\n\"Dear Sir,\n\n\"I am well.\n\n\"Cordially yours,\n\nAnn\n";
    let export = parse(input).unwrap();
    let letters: Vec<_> = export.posts[0].letters().collect();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].salutation.as_ref().unwrap().text, "\"Dear Sir,");
    let valediction = letters[0].valediction.as_ref().unwrap();
    assert_eq!(valediction.text, "\"Cordially yours,");
    // Under the line that introduces it, with no blank line between.
    let input = "Friday 25 July 2014\n\nCamp\n\nJo says:\n“Dear Mom,\nCamp is fun.\nLove, Jo”\n";
    let export = parse(input).unwrap();
    let letters: Vec<_> = export.posts[0].letters().collect();
    assert_eq!(letters.len(), 1);
    assert_eq!(letters[0].salutation.as_ref().unwrap().text, "“Dear Mom,");
    assert_eq!(export.posts[0].body.len(), 2, "{:?}", export.posts[0].body);
    let export =
        parse("Friday 25 July 2014\n\nSongs\n\n\"Hello It's Me\"\n\nA good one.\n").unwrap();
    assert_eq!(export.posts[0].letters().count(), 0);
}

/// A date with no weekday on the page's first line is its first post's
/// header, even over a letter's salutation (no title stands above it for
/// it to be a letter's date); further down, a date over a salutation is
/// the letter's.
#[test]
fn a_first_bare_date_over_a_salutation_is_the_header() {
    let export = parse("23 March 2006\n\nDear Mrs. Smith,\n\nI am sorry.\n").unwrap();
    assert_eq!(export.posts.len(), 1);
    assert_eq!(
        export.posts[0].date.map(|d| d.to_string()).as_deref(),
        Some("2006-03-23")
    );
    assert_eq!(export.posts[0].letters().count(), 1);
    let export =
        parse("Friday 25 July 2014\n\nNews\n\n23 March 2006\n\nDear Mrs. Smith,\n\nI am sorry.\n")
            .unwrap();
    assert_eq!(export.posts.len(), 1);
    let l = export.posts[0].letters().next().unwrap();
    assert!(l.sent.is_some());
}

/// A form of address with no greeting word opens a letter after a blank
/// line (`Sir,`, `Mr. President:`); inside a paragraph it is part of a
/// formal closing, and a name with more after its comma is text.
#[test]
fn forms_of_address_open_letters_after_a_blank_line() {
    let ls = letters("Sir,\n\nI have the honour to report.\n\nI have the honour to be,\nSir,\nyour obedient servant,\n\nM.");
    assert_eq!(ls.len(), 1);
    assert_eq!(ls[0].salutation.as_ref().unwrap().text, "Sir,");
    let ls = letters("Mr. President:\n\nIn November I voted for you.");
    assert_eq!(ls[0].salutation.as_ref().unwrap().text, "Mr. President:");
    assert!(letters("Mr Smith, the baker, came by.\n\nSirius is bright,").is_empty());
}

#[test]
fn a_valediction_and_its_writer_on_one_line() {
    let ls = letters("Dear Mum,\n\nAll is well here.\n\nLove, Ann Smith\n\nThat was her letter.");
    assert_eq!(ls.len(), 1);
    assert_eq!(text(&ls[0].valediction).as_deref(), Some("Love,"));
    let sig = ls[0].signature.as_ref().unwrap();
    assert_eq!(sig.name.text, "Ann Smith");
    assert_eq!(ls[0].paragraphs.len(), 1);
    // Not a name after the comma: the line stays the letter's text.
    let ls = letters("Dear Mum,\n\nAll is well here.\n\nThanks, it was lovely to hear from you.");
    assert!(ls[0].valediction.is_none());
    assert_eq!(ls[0].paragraphs.len(), 2);
}

#[test]
fn a_form_letter_with_a_blank_to_fill_opens_the_post() {
    let input = "Sunday, February 3, 2008\n\nDear __________________\n\nWe ask you to act.\n";
    let export = parse(input).unwrap();
    assert_eq!(export.posts[0].title, None);
    let letter = export.posts[0].letters().next().unwrap();
    assert_eq!(
        letter.salutation.as_ref().unwrap().text,
        "Dear __________________"
    );
}

#[test]
fn a_field_label_is_no_signer() {
    let ls = letters("Dear Sir,\n\nPlease act.\n\nSincerely,\n\nTopics: Related Letters");
    assert_eq!(text(&ls[0].valediction).as_deref(), Some("Sincerely,"));
    assert!(ls[0].signature.is_none());
}

#[test]
fn closings_at_a_paragraphs_end_or_in_the_writers_own_words() {
    // The last line of the last paragraph.
    let ls = letters("Dear Grandma,\n\nI miss you.\nAll my love,\n\nThat was the letter.");
    assert_eq!(text(&ls[0].valediction).as_deref(), Some("All my love,"));
    assert_eq!(ls[0].paragraphs.len(), 1);
    let ls = letters("Dear Grandma,\n\nI miss you.\nLove, Angelface");
    assert_eq!(text(&ls[0].valediction).as_deref(), Some("Love,"));
    assert_eq!(ls[0].signature.as_ref().unwrap().name.text, "Angelface");
    // A short line that ends in a comma, a paragraph of its own.
    let ls = letters("Dear Grandpa,\n\nI miss you.\n\nLove you,\n\nNo comments:");
    assert_eq!(text(&ls[0].valediction).as_deref(), Some("Love you,"));
    // Under a valediction, one short line signs, whatever its shape.
    let ls = letters("Dear Grandpa,\n\nMerry Christmas!\n\nLove always,\nYour granddaughter");
    let sig = ls[0].signature.as_ref().unwrap();
    assert_eq!(sig.name.text, "Your granddaughter");
    // ... but a postscript does not.
    let ls = letters("Dear Grandpa,\n\nMerry Christmas!\n\nLove always,\n\nP.S. Cookies.");
    assert!(ls[0].signature.is_none());
    // A long line ending in a comma is text.
    let ls = letters("Dear Jo,\n\nWe went to the market on Sunday morning and then,\n\nthe park.");
    assert!(ls[0].valediction.is_none());
}

#[test]
fn fond_salutations_and_addresses_with_to() {
    for (salutation, body) in [
        ("My darling Ann,", "I miss you."),
        ("My Love,", "I miss you."),
        ("Darling Tom -", "I miss you."),
        ("To the Legal Occupier,", "Please pay."),
        ("To My Dad:", "Thank you."),
        // The endearment after the name (see the test below).
        ("Family Dearest!", "All is well here."),
        ("Mother dear:", "All is well here."),
        ("Aunt Rose Dear,", "All is well here."),
    ] {
        let ls = letters(&format!("{salutation}\n\n{body}"));
        assert_eq!(ls.len(), 1, "{salutation}");
        assert_eq!(ls[0].salutation.as_ref().unwrap().text, salutation);
    }
    // Without their closing punctuation they are text.
    for line in [
        "My love of gardening",
        "To be honest, it rained",
        "Darling buds of May",
    ] {
        assert!(letters(&format!("{line}\n\nMore.")).is_empty(), "{line}");
    }
}

#[test]
fn a_bloggers_greeting_to_its_readers_opens_no_letter() {
    for line in [
        "Hi friends,",
        "Hello everyone!",
        "Hey there my bloggy friends,",
        "Hi all,",
        "Hey Ya'll!",
        "Hey y’all,",
        "Hi yall!",
        // A reader greeted in a sentence that goes on after the name.
        "Hi Sarah, nice to have you along!",
        "Hello Ann, good to see you here again.",
    ] {
        assert!(
            letters(&format!("{line}\n\nWe went out.")).is_empty(),
            "{line}"
        );
    }
    // A person addressed by name is a letter's.
    assert_eq!(letters("Hi Friedrich,\n\nWe went out.").len(), 1);
    assert_eq!(
        letters("Hello Kind Sir John Smith,\n\nWe went out.").len(),
        1
    );
    assert_eq!(letters("Hey Ann!\n\nWe went out.").len(), 1);
    assert_eq!(letters("Hey Yalla!\n\nWe went out.").len(), 1);
}

/// A readers' greeting that opens the body opens a letter when the letter
/// closes as one does, with a closing or its writer's name under the last
/// paragraph (a weekly letter home that a family posts); with no such end
/// it opens the post.
#[test]
fn a_readers_greeting_over_a_signed_letter_opens_it() {
    for (end, signer) in [
        ("Love,\nElder Smith", "Elder Smith"),
        ("Elder Smith", "Elder Smith"),
    ] {
        let found = letters(&format!(
            "Hey everyone,\n\nThis week we taught six lessons.\n\n{end}"
        ));
        assert_eq!(found.len(), 1, "{end}");
        assert_eq!(found[0].salutation.as_ref().unwrap().text, "Hey everyone,");
        assert_eq!(found[0].signature.as_ref().unwrap().name.text, signer);
    }
    assert!(letters("Hey everyone,\n\nThis week we taught six lessons.\n\nMore soon.").is_empty());
}

/// Under the blogger's own words, a readers' greeting opens the email or
/// letter the post quotes (`Hi all,` under `Here is the email I sent.`);
/// a greeting in a sentence stays text there too.
#[test]
fn a_readers_greeting_under_the_bloggers_words_opens_a_letter() {
    for line in ["Hi all,", "Hello friends and family,", "Hi guys,"] {
        let found = letters(&format!(
            "Here is the email I sent home.\n\n{line}\n\nWe went out.\n\n- Tom"
        ));
        assert_eq!(found.len(), 1, "{line}");
        assert_eq!(found[0].salutation.as_ref().unwrap().text, line);
        assert_eq!(found[0].signature.as_ref().unwrap().name.text, "- Tom");
    }
    assert!(
        letters("Here is the news.\n\nHi Sarah, nice to have you along!\n\nWe went out.")
            .is_empty()
    );
}

/// A closing in the writer's own words over a name on the next line
/// (`Love always,` / `Your Mrs. Hale`) is the valediction and the signer;
/// such a closing may have six words. A two-line paragraph whose first
/// line is no closing stays text.
#[test]
fn own_closing_over_a_name() {
    let l = &letters(
        "My Dear Tom,\n\nThe garden is full of roses this year.\n\nLove always,\nYour Mrs. Hale",
    )[0];
    assert_eq!(text(&l.valediction).as_deref(), Some("Love always,"));
    let signer = &l.signature.as_ref().unwrap().name;
    assert_eq!(signer.text, "Your Mrs. Hale");
    assert_eq!((signer.span.line, signer.span.column), (10, 1));

    let l =
        &letters("My Love,\n\nTwenty years today.\n\nI love you always and forever,\n\nYour Wife")
            [0];
    assert_eq!(
        text(&l.valediction).as_deref(),
        Some("I love you always and forever,")
    );
    assert_eq!(l.signature.as_ref().unwrap().name.text, "Your Wife");

    let l = &letters("My Dear Tom,\n\nThe garden is full of roses.\n\nWe walked down to the river and back again, then home\nSunday Best")[0];
    assert!(l.valediction.is_none());
    assert_eq!(l.paragraphs.len(), 2);
}

/// `My Dearest,` and `My` with one to three words and a comma
/// (`My precious little girl,`) open letters; a line of `My` that goes on
/// after its comma, or holds other marks, does not.
#[test]
fn my_and_a_few_words_open_a_letter() {
    // Older letters close the salutation with a semicolon too.
    for salutation in [
        "My Dearest,",
        "My sweet boy,",
        "My precious little girl,",
        "My darling Wife;",
    ] {
        let found = letters(&format!(
            "A note.\n\n{salutation}\n\nYou are nine today and taller than me.\n\nLove,\nMum"
        ));
        assert_eq!(found.len(), 1, "{salutation}");
        assert_eq!(found[0].salutation.as_ref().unwrap().text, salutation);
    }
    for line in [
        "My mother's hands,",
        "My garden, in the spring, is wild.",
        "My favourite four things of all,",
    ] {
        let found = letters(&format!("A note.\n\n{line}\n\nThe roses came first."));
        assert!(found.is_empty(), "{line}");
    }
}

/// A formal salutation with the letter's text on its line opens a letter:
/// the salutation up to its comma, the text after it the first paragraph;
/// a plain greeting so (`Hi Ann, ...`) stays text.
#[test]
fn a_salutation_with_text_on_its_line() {
    let l = &letters("My dear Tom, I have your letter of the 29th and am glad of it.\n\nYour loving mother,\nAnn")[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "My dear Tom,");
    assert_eq!(
        (
            l.salutation.as_ref().unwrap().span.line,
            l.salutation.as_ref().unwrap().span.column
        ),
        (5, 1)
    );
    let Block::Paragraph(first) = &l.paragraphs[0] else {
        panic!("{:?}", l.paragraphs);
    };
    assert!(first.text.starts_with("I have your letter"));
    assert_eq!(first.span.column, 14);
    assert_eq!(text(&l.valediction).as_deref(), Some("Your loving mother,"));
    let l = &letters("Dear Daughter: I've been cleaning all day.\n\nMore news.\n\nLove, Mom")[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "Dear Daughter:");
    assert_eq!(l.paragraphs.len(), 2);
    assert!(letters("Dear me: what a week it has been.\n\nMore.").is_empty());
    assert!(letters("Hi Ann, I was just thinking of you today.\n\nMore.").is_empty());
    assert!(letters("Dear me, what a week it has been.\n\nMore.").is_empty());
}

/// A salutation that sets the endearment after the name (`Minnie Dear,`,
/// `Family Dearest!`) opens a letter, over its text or on a line of its
/// own; `Oh dear!`, `Thank You Dear!`, `My Dearest,` (a greeting of its
/// own) and a sentence that ends so do not open one as such.
#[test]
fn a_salutation_with_the_endearment_after_the_name() {
    let l =
        &letters("Minnie Dear,\nI tried and tried to write to you.\n\nYour loving sister,\nKate")
            [0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "Minnie Dear,");
    assert_eq!(l.salutation.as_ref().unwrap().span.line, 5);
    let Block::Paragraph(first) = &l.paragraphs[0] else {
        panic!("{:?}", l.paragraphs);
    };
    assert!(first.text.starts_with("I tried"));
    assert_eq!(text(&l.valediction).as_deref(), Some("Your loving sister,"));
    for line in [
        "Oh dear!",
        "We went out, dear,",
        "Thank you so much dear!",
        "Thank You Dear!",
        "Good Night Dear,",
    ] {
        assert!(
            letters(&format!("{line}\nAll is well here.\n\nMore.")).is_empty(),
            "{line}"
        );
    }
}

/// A comma may stand between the greeting and the addressee
/// (`Dear, Lipa,`); `Hi,` alone stays a salutation.
#[test]
fn a_comma_after_the_greeting() {
    let l = &letters("Dear, Lipa,\n\nThe parcel came today.\n\nLove,\nAnn")[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "Dear, Lipa,");
    assert_eq!(
        letters("Hi,\n\nThe parcel came today.\n\nLove,\nAnn")[0]
            .salutation
            .as_ref()
            .unwrap()
            .text,
        "Hi,"
    );
}

/// A letter with no closing ends at a name set off as a signature (led by a
/// dash or a tilde, or closed by a note in brackets on its line or under
/// it), wherever it stands; a
/// bare name line signs it only at the end of its text, since inside a
/// letter it may be a heading.
#[test]
fn a_signer_with_no_closing() {
    let body = |rest: &str| format!("Dear Miss B.,\n\nThank you for a great year.\n\n{rest}");
    let signer = |l: &Letter| l.signature.as_ref().map(|s| s.name.text.to_string());
    // The letter ends at the name (its note its role), and what follows
    // is the blogger's.
    for (rest, name, roles, after) in [
        (
            "Harry (grade 1)\n\nAnd thanks to all the teachers who helped.",
            "Harry (grade 1)",
            0,
            "And thanks",
        ),
        (
            "Harry Lee\n(written at camp, aged nine)\n\nPS. More tomorrow.",
            "Harry Lee",
            1,
            "PS.",
        ),
    ] {
        let input = format!("Friday 25 July 2014\n\nT\n\n{}", body(rest));
        let all = parse(&input).unwrap();
        let post = &all.posts[0];
        let Block::Letter(l) = &post.body[0] else {
            panic!("{:?}", post.body);
        };
        assert_eq!(signer(l).as_deref(), Some(name));
        assert_eq!(l.signature.as_ref().unwrap().roles.len(), roles);
        assert_eq!(l.paragraphs.len(), 1);
        assert!(matches!(&post.body[1], Block::Paragraph(p) if p.text.starts_with(after)));
    }
    let l = &letters(&body("~ Ann Lee\n\nMore from me tomorrow."))[0];
    assert_eq!(signer(l).as_deref(), Some("~ Ann Lee"));
    let l = &letters(&body("Mrs H."))[0];
    assert_eq!(signer(l).as_deref(), Some("Mrs H."));
    // A degree's dots end the name too.
    let l = &letters(&body("Ann Lee, M.Ed."))[0];
    assert_eq!(signer(l).as_deref(), Some("Ann Lee, M.Ed."));
    // A bare name line inside the letter is no signer: a heading.
    let l = &letters(&body("Workloads\n\nThe hours are long."))[0];
    assert_eq!(signer(l), None);
    assert_eq!(l.paragraphs.len(), 3);
    // The writer's relation alone on its line signs wherever it stands,
    // and the letter ends there; a sentence with `your` is the letter's.
    let input = format!(
        "Friday 25 July 2014\n\nT\n\n{}",
        body("\nYour Grandaddy\n\nIt was a letter from my grandfather.")
    );
    let all = parse(&input).unwrap();
    let Block::Letter(l) = &all.posts[0].body[0] else {
        panic!("{:?}", all.posts[0].body);
    };
    assert_eq!(signer(l).as_deref(), Some("Your Grandaddy"));
    assert_eq!(all.posts[0].body.len(), 2);
    let l = &letters(&body("your current tenant"))[0];
    assert_eq!(signer(l).as_deref(), Some("your current tenant"));
    let l = &letters(&body("Your call is important.\n\nWe will write again."))[0];
    assert_eq!(signer(l), None);
    assert_eq!(l.paragraphs.len(), 3);
}

/// On a page with no blank line between a letter's parts, a closing under
/// a finished sentence and over a name line, inside a paragraph, closes
/// the letter; the lines under the name stay text.
#[test]
fn a_closing_and_its_name_inside_a_paragraph() {
    let l = &letters(
        "My darling Pat,\n\nWe are well here.\nGive my best to Ann and Joe.\nYour loving and devoted husband,\nFred\nPS Enclosed is a photo.",
    )[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "My darling Pat,");
    assert_eq!(
        text(&l.valediction).as_deref(),
        Some("Your loving and devoted husband,")
    );
    assert_eq!(l.signature.as_ref().map(|s| &*s.name.text), Some("Fred"));
    let Block::Paragraph(body) = &l.paragraphs[0] else {
        panic!("{:?}", l.paragraphs);
    };
    assert_eq!(body.text, "We are well here.\nGive my best to Ann and Joe.");
    // Not under a finished sentence: text.
    let l = &letters("Dear Pat,\n\nWe went to see\nThe Old Mill,\nJoe Smith\nand his wife.")[0];
    assert!(l.valediction.is_none());
}

/// A writer who writes in small letters opens a letter so too: `dear
/// zanpa,` is a salutation, at the start of a block or inside a paragraph,
/// and a dated one under the title is the letter's date, not a new post.
#[test]
fn a_salutation_in_small_letters() {
    let l = &letters("dear zanpa,\ni hope you are well.")[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "dear zanpa,");
    let l = &letters("so here it is.\ndear zanpa,\ni hope you are well.")[0];
    assert_eq!(l.salutation.as_ref().unwrap().text, "dear zanpa,");
    let page = "Monday, July 20, 2009\n\nI am yours\n\nMonday, July 20, 2009\ndear vtj\n\nThe day we met.\n";
    let all = parse(page).unwrap();
    assert_eq!(all.posts.len(), 1);
    let Block::Letter(l) = &all.posts[0].body[0] else {
        panic!("{:?}", all.posts[0].body);
    };
    assert_eq!(l.salutation.as_ref().unwrap().text, "dear vtj");
    assert_eq!(
        l.sent.as_ref().map(|s| &*s.raw),
        Some("Monday, July 20, 2009")
    );
    // Not a salutation: text that starts with the word.
    assert!(letters("dearly beloved, we meet today.\n\nAnd so on.").is_empty());
}

/// A name under the closing with a postscript on its next line, no blank
/// line between (`Ann Lee` / `p.s. By the way...`): the name signs the
/// letter and the postscript is text after it.
#[test]
fn a_signer_over_a_postscript() {
    let signer = |l: &Letter| l.signature.as_ref().map(|s| s.name.text.to_string());
    let all = parse("Friday 25 July 2014\n\nNotes\n\nDear Sir,\n\nThe return is ours.\n\nYour friend,\n\nAnn Lee\np.s.  By the way, never again.\n").unwrap();
    let body = &all.posts[0].body;
    let Block::Letter(l) = &body[0] else {
        panic!("{body:?}");
    };
    assert_eq!(text(&l.valediction).as_deref(), Some("Your friend,"));
    assert_eq!(signer(l).as_deref(), Some("Ann Lee"));
    assert!(matches!(&body[1], Block::Paragraph(p) if p.text == "p.s.  By the way, never again."));
    // Not a name over it: the paragraph stays whole.
    let l = &letters("Dear Sir,\n\nText.\n\nYour friend,\n\nwe all went home\nP.S. More.")[0];
    assert_eq!(signer(l), None);
}

/// Separator lines in their common shapes (`* * *`, `~ ~ ~`, `----`,
/// `____`, `===`, `• • •`) are separators: one ends a letter with no
/// closing (its name above it signs), while a letter's own parts set apart
/// above its closing stay in the letter.
#[test]
fn separators_in_their_shapes_and_a_letters_own() {
    for line in [
        "* * *",
        "~ ~ ~",
        "~~~",
        "----------",
        "____",
        "===",
        "• • • • •",
    ] {
        let input = format!(
            "Friday 25 July 2014\n\nT\n\nDear Ann and Joe,\n\nNews.\n\nMabel & Ravi\n\n{line}\n\nAfter.\n"
        );
        let export = parse(&input).unwrap();
        let body = &export.posts[0].body;
        assert!(
            matches!(&body[1], Block::Separator(s) if s.text == line),
            "{line}: {body:?}"
        );
        let Block::Letter(l) = &body[0] else {
            panic!("{line}: {body:?}");
        };
        assert_eq!(
            l.signature.as_ref().unwrap().name.text,
            "Mabel & Ravi",
            "{line}"
        );
    }
    let l = &letters("My darling Pat,\n\nWe are well.\n\n* * *\n\nThe food is poor.\n\nYour loving husband,\n\nFred")[0];
    assert_eq!(
        text(&l.valediction).as_deref(),
        Some("Your loving husband,")
    );
    assert_eq!(l.signature.as_ref().unwrap().name.text, "Fred");
    // Not separators: a dash item, a signature's tilde.
    let export = parse("Friday 25 July 2014\n\nT\n\n- one\n\n~ Ann\n").unwrap();
    assert!(!export.posts[0]
        .body
        .iter()
        .any(|b| matches!(b, Block::Separator(_))));
}

/// A closing signed on its own line by a relation (`Love, your big
/// sister`): the valediction and its signer.
#[test]
fn a_closing_signed_by_a_relation() {
    let l = &letters("Dear Victoria,\n\nHappy birthday!\n\nLove, your big sister")[0];
    assert_eq!(text(&l.valediction).as_deref(), Some("Love,"));
    assert_eq!(
        l.signature.as_ref().map(|s| &*s.name.text),
        Some("your big sister")
    );
    // A sentence after the comma is no signer.
    let l =
        &letters("Dear Victoria,\n\nHappy birthday!\n\nLove, your sister who misses you so much.")
            [0];
    assert!(l.signature.is_none());
}

/// A letter with no closing, its writer's name on the line right under its
/// last sentence with no blank line: the name is the signer, and the letter
/// ends there. Before any salutation, or as one word, such a line stays in
/// its paragraph.
#[test]
fn a_signer_right_under_the_last_sentence() {
    let signer = |l: &Letter| l.signature.as_ref().map(|s| s.name.text.to_string());
    let l = &letters("Dear Mr H,\n\nHere's to many more years.\n\nI love you.\nMrs H.")[0];
    assert_eq!(signer(l).as_deref(), Some("Mrs H."));
    assert_eq!(l.paragraphs.len(), 2);

    let input = "Friday 25 July 2014\n\nHe answered!\n\nDear student:\nThank you for your note.\nWe are glad you wrote.\nBarack Obama\nI am so happy he wrote back.\n";
    let export = parse(input).unwrap();
    let body = &export.posts[0].body;
    let Block::Letter(l) = &body[0] else {
        panic!("{body:?}");
    };
    assert_eq!(signer(l).as_deref(), Some("Barack Obama"));
    assert!(matches!(&body[1], Block::Paragraph(p) if p.text == "I am so happy he wrote back."));
    assert_eq!(body.len(), 2);

    let input =
        "Friday 25 July 2014\n\nT\n\nWe met at noon.\nJohn Smith\n\nDear Ann,\n\nHi there.\n";
    let export = parse(input).unwrap();
    let body = &export.posts[0].body;
    assert!(matches!(&body[0], Block::Paragraph(p) if p.text.ends_with("John Smith")));
    let l = &letters("Dear Jo,\n\nSee you soon.\nAnn")[0];
    assert_eq!(signer(l), None);
}

#[test]
fn an_email_opens_at_its_header_block() {
    let ls = letters(
        "My boss wrote back:\n\nFrom: Ann Lee\nSent: Thursday, 24 July 2014 10:14\nTo: Bob Smith\nSubject: the meeting\n\nHi Bob,\n\nSee you there.\n\nBest wishes,\n\nAnn",
    );
    assert_eq!(ls.len(), 1);
    let l = &ls[0];
    let fields: Vec<_> = l.headers.iter().map(|h| h.field.to_string()).collect();
    assert_eq!(fields, ["From", "Sent", "To", "Subject"]);
    assert_eq!(l.headers[3].value, "the meeting");
    assert_eq!(l.headers[3].to_string(), "Subject: the meeting");
    assert_eq!((l.headers[1].span.line, l.headers[1].span.column), (8, 1));
    assert!(l.sent.is_none());
    let (at, raw) = l.when_sent().unwrap();
    assert_eq!(raw, "Thursday, 24 July 2014 10:14");
    assert_eq!(at.to_string(), "2014-07-24T10:14:00");
    assert_eq!(l.headers[1].date, Some(at));
    assert_eq!(l.headers[0].date, None);
    assert_eq!(text(&l.salutation).as_deref(), Some("Hi Bob,"));
    assert_eq!(l.paragraphs.len(), 1);
    assert_eq!(text(&l.valediction).as_deref(), Some("Best wishes,"));
    assert_eq!(l.signature.as_ref().unwrap().name.text, "Ann");
    assert_eq!(l.span.line, 7);
}

#[test]
fn an_email_with_no_salutation_and_a_mail_programs_date() {
    let ls = letters(
        "From: [my sister]\nDate: Sat, 3 May 2014 12:28:41 +0800\nTo: [the family list]\n\nThe tickets came today.\n\nWe leave on Monday.",
    );
    assert_eq!(ls.len(), 1);
    let l = &ls[0];
    assert!(l.salutation.is_none());
    assert_eq!(l.headers.len(), 3);
    let date = l.headers[1].date.unwrap();
    assert_eq!(date.to_string(), "2014-05-03T12:28:41+08:00");
    assert_eq!(l.paragraphs.len(), 2);
}

/// The line framed by dashes that mail programs print over a forwarded or
/// quoted message stays a paragraph before the letter its header block
/// opens.
#[test]
fn a_forwarded_or_quoted_emails_banner() {
    for banner in [
        "---------- Forwarded message ----------",
        "-----Original Message-----",
    ] {
        let input = format!(
            "Friday 25 July 2014\n\nA title\n\nMy sister sent me this:\n\n{banner}\nFrom: Ann Lee <ann@example.com>\nDate: Thu, Jul 24, 2014 at 10:14 AM\nSubject: news\nTo: Bob\n\nHi Bob,\n\nThe news.\n\nAnn\n"
        );
        let export = parse(&input).unwrap();
        let body = &export.posts[0].body;
        assert_eq!(body.len(), 3, "{banner}");
        assert!(matches!(&body[1], Block::Paragraph(p) if p.text == banner && p.span.line == 7));
        let Block::Letter(l) = &body[2] else {
            panic!("{banner}: {:?}", body[2])
        };
        let fields: Vec<_> = l.headers.iter().map(|h| h.field.to_string()).collect();
        assert_eq!(fields, ["From", "Date", "Subject", "To"]);
        assert_eq!(l.span.line, 8);
        assert_eq!(l.when_sent().unwrap().0.to_string(), "2014-07-24T10:14:00");
        assert_eq!(text(&l.salutation).as_deref(), Some("Hi Bob,"));
    }
    // A framed line over lines that are no header block is text.
    let body = "----- Part two -----\nFrom here on the story changes.\nTo be continued.\n\nText.";
    assert!(letters(body).is_empty());
}

#[test]
fn an_email_header_is_no_title_and_near_misses_stay_text() {
    // Under the header, the email's header lines are its own, not the
    // post's title.
    let input = "Friday 25 July 2014\n\nFrom: Ann Lee\nTo: Bob\n\nSee you.";
    let post = &parse(input).unwrap().posts[0];
    assert_eq!(post.title, None);
    assert_eq!(post.letters().next().unwrap().headers.len(), 2);
    let input = "Friday 25 July 2014\n\nSent: Thursday, 24 July 2014\n\nSee you.";
    assert_eq!(parse(input).unwrap().posts[0].title, None);
    // One header line, fields with no sender or date, or a line that is
    // no field open no email.
    for body in [
        "From: the desk of Ann\n\nText.",
        "To: Bob\nSubject: the cake\n\nText.",
        "From: Ann Lee\nThe rest of the note.\n\nText.",
    ] {
        assert!(letters(body).is_empty(), "{body:?}");
    }
}
