//! The pest parsers. Private: pest types never reach the public API.
//!
//! The grammar is in three files (as pest's `calc` example builds one
//! parser from several): `grammar/blog.pest` is the format, readable top
//! to bottom; `grammar/fast.pest` and `grammar/reference.pest` each define
//! the two rules that classify a body line (`body_line`, `block_content`),
//! the first for speed, the second for reading. The crate parses with
//! [`BlogParser`] (format and speed work); [`reference::ReferenceParser`]
//! (format and readable rules) exists for the tests that require both to
//! build the same tree.

use pest_derive::Parser;

/// The parser the crate uses: the format and the speed work.
#[derive(Parser)]
#[grammar = "../grammar/blog.pest"]
#[grammar = "../grammar/fast.pest"]
#[grammar = "../grammar/reference.pest"]
#[grammar = "../grammar/vocab.pest"]
pub(crate) struct BlogParser;

/// The reference parser: the format with the readable rules.
#[cfg(any(test, feature = "reference-grammar"))]
pub(crate) mod reference {
    use pest_derive::Parser;

    /// The format with `grammar/reference.pest`'s readable rules.
    #[derive(Parser)]
    #[grammar = "../grammar/blog.pest"]
    #[grammar = "../grammar/reference.pest"]
    #[grammar = "../grammar/reference_entry.pest"]
    #[grammar = "../grammar/vocab.pest"]
    pub(crate) struct ReferenceParser;
}

/// Every token of a parse of `input` from `rule_name` (`"export"`,
/// `"preamble"`, ...), as (rule name, start, end) in pre-order, with the
/// fast parser or the reference one. `None` when the rule name is unknown
/// or the parse fails.
#[cfg(any(test, feature = "reference-grammar"))]
pub(crate) fn tokens(
    input: &str,
    rule_name: &str,
    use_reference: bool,
) -> Option<Vec<(String, usize, usize)>> {
    use pest::Parser as _;

    fn flat<R: pest::RuleType>(
        pairs: pest::iterators::Pairs<'_, R>,
    ) -> Vec<(String, usize, usize)> {
        pairs
            .flatten()
            .map(|p| {
                let s = p.as_span();
                (format!("{:?}", p.as_rule()), s.start(), s.end())
            })
            .collect()
    }
    if use_reference {
        let rule = reference::Rule::all_rules()
            .iter()
            .find(|r| format!("{r:?}") == rule_name)?;
        reference::ReferenceParser::parse(*rule, input)
            .ok()
            .map(flat)
    } else {
        let rule = Rule::all_rules()
            .iter()
            .find(|r| format!("{r:?}") == rule_name)?;
        BlogParser::parse(*rule, input).ok().map(flat)
    }
}

#[cfg(test)]
mod tests {
    //! One test per grammar rule, with pest's own `parses_to!` and
    //! `fails_with!`.

    use super::{BlogParser, Rule};
    use pest::{consumes_to, fails_with, parses_to, Parser};

    #[test]
    fn date_line_day_first() {
        parses_to! {
            parser: BlogParser, input: "Friday 25 July 2014", rule: Rule::date_line,
            tokens: [date_line(0, 19, [date_header(0, 19, [
                weekday(0, 6), day(7, 9), month(10, 14), year(15, 19)
            ])])]
        };
    }

    #[test]
    fn date_line_with_comma_and_crlf() {
        parses_to! {
            parser: BlogParser, input: "Thursday, 18 December 2014\r\n", rule: Rule::date_line,
            tokens: [date_line(0, 28, [date_header(0, 26, [
                weekday(0, 8), day(10, 12), month(13, 21), year(22, 26)
            ])])]
        };
    }

    #[test]
    fn date_line_month_first() {
        parses_to! {
            parser: BlogParser, input: "Saturday, March 19, 2011\n", rule: Rule::date_line,
            tokens: [date_line(0, 25, [date_header(0, 24, [
                weekday(0, 8), month(10, 15), day(16, 18), year(20, 24)
            ])])]
        };
    }

    #[test]
    fn date_line_rejects_text_after_the_year() {
        fails_with! {
            parser: BlogParser, input: "Friday 25 July 2014 was hot", rule: Rule::date_line,
            positives: vec![Rule::date_line], negatives: vec![], pos: 0
        };
    }

    #[test]
    fn day_and_year_take_exact_digit_counts() {
        assert!(BlogParser::parse(Rule::day, "123").is_err());
        assert!(BlogParser::parse(Rule::year, "20145").is_err());
        parses_to! { parser: BlogParser, input: "04", rule: Rule::day, tokens: [day(0, 2)] };
    }

    #[test]
    fn weekday_and_month_are_full_names() {
        parses_to! { parser: BlogParser, input: "Wednesday", rule: Rule::weekday, tokens: [weekday(0, 9)] };
        parses_to! { parser: BlogParser, input: "September", rule: Rule::month, tokens: [month(0, 9)] };
        assert!(BlogParser::parse(Rule::weekday, "Wed").is_err());
    }

    #[test]
    fn title_line() {
        parses_to! {
            parser: BlogParser, input: "Dear Mr Spurr\n", rule: Rule::title_line,
            tokens: [title_line(0, 14, [line_text(0, 13)])]
        };
        assert!(BlogParser::parse(Rule::title_line, "\n").is_err());
        assert!(BlogParser::parse(Rule::title_line, "\r\n").is_err());
        assert!(BlogParser::parse(Rule::title_line, "34 comments:\n").is_err());
    }

    #[test]
    fn paragraph_runs_over_lines_until_a_blank() {
        parses_to! {
            parser: BlogParser, input: "one\n two\n\nthree", rule: Rule::paragraph,
            tokens: [paragraph(0, 9)]
        };
    }

    #[test]
    fn paragraph_stops_at_a_bullet() {
        parses_to! {
            parser: BlogParser, input: "intro\n  \u{2022} item", rule: Rule::paragraph,
            tokens: [paragraph(0, 6)]
        };
    }

    #[test]
    fn bullet_list() {
        parses_to! {
            parser: BlogParser, input: "\u{2022} a\n  \u{2022} b\n", rule: Rule::bullet_list,
            tokens: [bullet_list(0, 14, [
                bullet_line(0, 6, [line_text(4, 5)]),
                bullet_line(8, 14, [line_text(12, 13)])
            ])]
        };
    }

    #[test]
    fn separator_line() {
        parses_to! {
            parser: BlogParser, input: "******\n", rule: Rule::separator_line,
            tokens: [separator_line(0, 7, [separator(0, 6)])]
        };
        parses_to! {
            parser: BlogParser, input: "--oo00oo--", rule: Rule::separator_line,
            tokens: [separator_line(0, 10, [separator(0, 10)])]
        };
        assert!(BlogParser::parse(Rule::separator_line, "**\n").is_err());
    }

    #[test]
    fn comment_header() {
        parses_to! {
            parser: BlogParser, input: "34 comments:", rule: Rule::comment_header,
            tokens: [comment_header(0, 12, [comment_count(0, 2)])]
        };
        parses_to! {
            parser: BlogParser, input: "1 comment:", rule: Rule::comment_header,
            tokens: [comment_header(0, 10, [comment_count(0, 1)])]
        };
        parses_to! {
            parser: BlogParser, input: "No comments:", rule: Rule::comment_header,
            tokens: [comment_header(0, 12)]
        };
        parses_to! {
            parser: BlogParser, input: "0 comments - click to add yours:", rule: Rule::comment_header,
            tokens: [comment_header(0, 32, [comment_count(0, 1)])]
        };
        parses_to! {
            parser: BlogParser, input: "3 comments - post yours :\n", rule: Rule::comment_header_line,
            tokens: [comment_header(0, 25, [comment_count(0, 1)])]
        };
        // A dash and words with no colon to end them: text.
        assert!(BlogParser::parse(Rule::comment_header_line, "3 comments - and more\n").is_err());
        assert!(BlogParser::parse(Rule::comment_header_line, "3 comments - ok: fine\n").is_err());
        // No colon: a header only as its post's last line.
        assert!(BlogParser::parse(Rule::comment_header_line, "No comments\n\n").is_ok());
        assert!(BlogParser::parse(Rule::comment_header_line, "2 comments\nmore\n").is_err());
    }

    #[test]
    fn comment_with_marker_and_reply() {
        let input = "  1. Hi.\n\n    ReplyDelete\n    Replies\n    1. Yo.\n\n      Delete\n";
        parses_to! {
            parser: BlogParser, input: input, rule: Rule::comment,
            tokens: [comment(0, 63, [
                comment_para(5, 9),
                reply_delete_line(14, 26),
                replies_line(30, 38),
                reply(38, 63, [
                    reply_para(45, 49),
                    delete_line(56, 63)
                ])
            ])]
        };
    }

    #[test]
    fn reply_keeps_a_deeper_numbered_list_as_text() {
        let input = "    1. Reasons:\n\n      1. one\n      2. two\n\n      Delete";
        let pairs = BlogParser::parse(Rule::reply, input).unwrap();
        let reply = pairs.into_iter().next().unwrap();
        assert_eq!(reply.as_str(), input);
        let paras = reply
            .into_inner()
            .filter(|p| p.as_rule() == Rule::reply_para)
            .count();
        assert_eq!(paras, 2);
    }

    /// `comment_start` and `reply_start` (and the number in them) are
    /// silent: the builder reads the number from the comment's text; the
    /// indent tells a comment from a reply.
    #[test]
    fn comment_start_and_reply_start_by_indent() {
        parses_to! {
            parser: BlogParser, input: "  12. text", rule: Rule::comment,
            tokens: [comment(0, 10, [comment_para(6, 10)])]
        };
        parses_to! {
            parser: BlogParser, input: "    3. text", rule: Rule::reply,
            tokens: [reply(0, 11, [reply_para(7, 11)])]
        };
        assert!(BlogParser::parse(Rule::comment, "    1. x").is_err());
        assert!(BlogParser::parse(Rule::reply, "      1. x").is_err());
    }

    #[test]
    fn markers() {
        parses_to! { parser: BlogParser, input: "ReplyDelete\n", rule: Rule::reply_delete_line, tokens: [reply_delete_line(0, 12)] };
        parses_to! { parser: BlogParser, input: "Replies", rule: Rule::replies_line, tokens: [replies_line(0, 7)] };
        parses_to! { parser: BlogParser, input: "Delete  \r\n", rule: Rule::delete_line, tokens: [delete_line(0, 10)] };
    }

    #[test]
    fn stray_line_is_any_line_but_a_date_header() {
        parses_to! {
            parser: BlogParser, input: "Replies\n", rule: Rule::stray_line,
            tokens: [stray_line(0, 8, [line_text(0, 7)])]
        };
        assert!(BlogParser::parse(Rule::stray_line, "Friday 25 July 2014").is_err());
    }

    #[test]
    fn sent_line_shapes() {
        parses_to! {
            parser: BlogParser, input: "21 July 2014 13:52:19 BDT\n", rule: Rule::sent_line,
            tokens: [sent_line(0, 26, [sent(0, 25, [
                day(0, 2), month(3, 7), year(8, 12), time(13, 21), zone(22, 25)
            ])])]
        };
        parses_to! {
            parser: BlogParser, input: "14 July 2014 11:16", rule: Rule::sent_line,
            tokens: [sent_line(0, 18, [sent(0, 18, [day(0, 2), month(3, 7), year(8, 12), time(13, 18)])])]
        };
        parses_to! {
            parser: BlogParser, input: "February 2019 ", rule: Rule::sent_line,
            tokens: [sent_line(0, 14, [sent(0, 13, [month(0, 8), year(9, 13)])])]
        };
        assert!(BlogParser::parse(Rule::sent_line, "16 December 2014 was a Tuesday").is_err());
    }

    #[test]
    fn salutation_line_shapes() {
        parses_to! {
            parser: BlogParser, input: "Dear Ms Brennan and Mr Spurr,\n", rule: Rule::salutation_line,
            tokens: [salutation_line(0, 30, [salutation(0, 29)])]
        };
        parses_to! {
            parser: BlogParser, input: "Hi,\u{a0}", rule: Rule::salutation_line,
            tokens: [salutation_line(0, 5, [salutation(0, 3)])]
        };
        for not in [
            "Hello my friend. I truly understand",
            "Hiya",
            "Dear me! No",
            "dear me! no",
            "dearly beloved",
            "Dearest",
        ] {
            assert!(
                BlogParser::parse(Rule::salutation_line, not).is_err(),
                "{not}"
            );
        }
    }

    #[test]
    fn valediction_line_shapes() {
        parses_to! {
            parser: BlogParser, input: "Yours sincerely,\n", rule: Rule::valediction_line,
            tokens: [valediction_line(0, 17, [valediction(0, 16)])]
        };
        parses_to! {
            parser: BlogParser, input: "Keep well", rule: Rule::valediction_line,
            tokens: [valediction_line(0, 9, [valediction(0, 9)])]
        };
        assert!(BlogParser::parse(Rule::valediction_line, "Thank you.").is_err());
        assert!(BlogParser::parse(Rule::valediction_line, "Best wishes to all of you").is_err());
    }

    /// The grammar's white space (`hs`, seen through `blank_line`) and the
    /// crate's `is_space` are the same set, the newline aside: the chunker
    /// and the grammar agree on where lines start.
    #[test]
    fn white_space_agrees_with_is_space() {
        let chars = (0u32..0x3100)
            .chain([0xFEFF, 0xFFFE, 0xFF00, 0x1F600, 0xE0001])
            .filter_map(char::from_u32)
            .filter(|c| *c != '\n');
        for c in chars {
            let grammar = BlogParser::parse(Rule::blank_line, &format!("{c}\n")).is_ok();
            assert_eq!(grammar, crate::span::is_space(c), "U+{:04X}", c as u32);
            // Every Unicode white space but the line separators is white
            // space here.
            if c.is_whitespace() && !matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                assert!(grammar, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn export_accepts_any_text() {
        for input in [
            "",
            "\n",
            "x",
            "\u{feff}",
            "\r",
            "  1. x\n    ReplyDelete",
            "\0\0",
        ] {
            assert!(BlogParser::parse(Rule::export, input).is_ok(), "{input:?}");
        }
    }

    #[test]
    fn post_title_needs_exactly_one_blank_line() {
        let titled = BlogParser::parse(Rule::post, "Friday 25 July 2014\n\nTitle\n\nBody")
            .unwrap()
            .flatten()
            .any(|p| p.as_rule() == Rule::title_line);
        let untitled = BlogParser::parse(Rule::post, "Friday 25 July 2014\n\n\nBody")
            .unwrap()
            .flatten()
            .any(|p| p.as_rule() == Rule::title_line);
        assert!(titled);
        assert!(!untitled);
    }

    /// The first block the preamble makes of `line`, or `None` when the
    /// line starts a post (the preamble then ends before it), with the
    /// fast parser; the reference parser must agree.
    fn first_block(line: &str) -> Option<Rule> {
        let preamble = BlogParser::parse(Rule::preamble, line)
            .unwrap()
            .next()
            .unwrap();
        let fast = preamble.into_inner().next().map(|pair| pair.as_rule());
        let reference = super::tokens(line, "preamble", true).unwrap();
        let reference_first = reference.get(1).map(|t| t.0.clone());
        assert_eq!(fast.map(|r| format!("{r:?}")), reference_first, "{line:?}");
        fast
    }

    /// `block_content` dispatches on the first letter, then on the words of
    /// the guard rules: every guard word reaches its block, and every other
    /// line with the same initial is a paragraph.
    #[test]
    fn block_content_routes_every_guard_word() {
        let furniture = [
            "Labels: canals",
            "Posted by Jane at 10:00",
            "Subscribe to: Posts",
            "Newer Post",
            "Older Post",
            "Home",
            "Email ThisBlogThis!",
            "Links to this post",
            "Post a Comment",
            "Create a Link",
            "<< Home",
            "Add comment",
            "Load more...",
            "Related Posts with Thumbnails",
            "Search This Blog",
        ];
        let salutations = [
            "Dear Jo,",
            "Hello Jo,",
            "Hi,",
            "Hey Jo",
            "Greetings,",
            "Good morning,",
            "To whom it may concern",
            "To All Councillors,",
            "To all members,",
            "My dear Anna,",
            "My Dear Anna,",
            "Dearest Tom,",
            "Dear Mrs. Glenn:",
            "Hey Jo!",
            "dear zanpa,",
            "Sir,",
            "Sirs,",
            "Madam,",
            "Gentlemen:",
            "Mr. President:",
            "Mrs Jones,",
            "Ms. Lee:",
            "Dr Jones,",
            "My darling Ann,",
            "My Love,",
            "Darling Tom -",
            "To the Editor:",
            "To My Dad:",
        ];
        let valedictions = [
            "Yours sincerely,",
            "With best wishes,",
            "Best wishes,",
            "Kind regards,",
            "Warm regards,",
            "Many thanks,",
            "Thank you,",
            "Keep well",
            "All the best,",
            "Take care,",
            "In solidarity,",
            "Sincerely,",
            "Love,",
            "Love always,",
            "Lots of love,",
            "Much love,",
            "Hugs and kisses,",
            "Hugs,",
            "Blessings,",
            "God bless you,",
            "Your friend,",
            "Your loving son,",
            "Regards,",
            "Respectfully,",
            "Cheers,",
        ];
        let mut cases: Vec<(String, Option<Rule>)> = Vec::new();
        for line in furniture {
            cases.push((line.into(), Some(Rule::furniture_line)));
        }
        for line in salutations {
            cases.push((line.into(), Some(Rule::salutation_line)));
        }
        for line in valedictions {
            cases.push((line.into(), Some(Rule::valediction_line)));
        }
        for month in crate::dates::MONTH_NAMES {
            cases.push((format!("{month} 2019"), Some(Rule::sent_line)));
            cases.push((format!("{month} was long."), Some(Rule::paragraph)));
        }
        for day in crate::dates::WEEKDAY_NAMES {
            cases.push((format!("{day} 21 July 2014"), None));
            cases.push((format!("{day} was long."), Some(Rule::paragraph)));
            cases.push((
                format!("{} 21 July 2014", &day[..3]),
                Some(Rule::header_like_line),
            ));
        }
        cases.push(("14 July 2014 11:16".into(), Some(Rule::sent_line)));
        cases.push(("18 April 2008\n\nBody".into(), None));
        cases.push(("***".into(), Some(Rule::separator_line)));
        cases.push(("- a\n- b".into(), Some(Rule::dash_list)));
        cases.push(("- a".into(), Some(Rule::paragraph)));
        cases.push(("• a".into(), Some(Rule::bullet_list)));
        for initial in ('A'..='Z').chain(['a', '“', '(', '9']) {
            cases.push((format!("{initial}xq is text."), Some(Rule::paragraph)));
        }
        for (line, expected) in cases {
            assert_eq!(first_block(&line), expected, "{line:?}");
        }
    }
}
