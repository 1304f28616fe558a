//! A post's stable id ([`Post::post_id`]), and the post's JSON form, which
//! writes it first (it is derived from the post, so the post's other
//! fields are written here too, in their declared order, and only read
//! back by the derived `Deserialize`).

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::{weekday_name, Block, Post};

use chrono::format::{Item, Numeric, Pad};

/// `%Y-%m-%d`.
const ISO_DATE: [Item<'static>; 5] = [
    Item::Numeric(Numeric::Year, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Month, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Day, Pad::Zero),
];

/// How many words of the title (or, for an untitled post, of the body) the
/// id keeps.
const ID_WORDS: usize = 8;

impl Post<'_> {
    /// A stable id for the post: its date (`undated` for the post of a page
    /// with no date header), then the first words of its title (or,
    /// untitled, of its body) in lower case, letters and digits only,
    /// joined by `-`: `2014-07-25-dear-mr-spurr`.
    ///
    /// The same post gets the same id wherever it appears: on its own page,
    /// on the blog's home page, on an archive or label page (a body cut at
    /// "Read more" keeps its first words), and in Blogger's XML export
    /// ([`parse_any`](crate::parse_any)). Two posts of one day with the same
    /// title (or, untitled, the same first eight words) share an id, and
    /// two blogs may hold the same id: key a collection of several blogs by
    /// the blog too (for example the folder its pages come from). A post
    /// whose title changed between two saves gets two ids.
    ///
    /// ```
    /// let input = "Friday 25 July 2014\n\nDear Mr Spurr!\n\nBody.\n\nSaturday 26 July 2014\n\n\nNo title here, the body's words make the id.";
    /// let posts = blog_export::parse(input)?.posts;
    /// assert_eq!(posts[0].post_id(), "2014-07-25-dear-mr-spurr");
    /// assert_eq!(posts[1].post_id(), "2014-07-26-no-title-here-the-body-s-words-make");
    /// # Ok::<(), blog_export::Error>(())
    /// ```
    pub fn post_id(&self) -> String {
        let mut id = match self.date {
            // `%Y-%m-%d`, as items built once (`format` reads its pattern
            // at every call).
            Some(date) => date.format_with_items(ISO_DATE.iter()).to_string(),
            None => "undated".to_string(),
        };
        let mut words = 0;
        let mut add = |text: &str| {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if words == ID_WORDS {
                    return;
                }
                if !word.is_empty() {
                    id.push('-');
                    id.extend(word.chars().flat_map(char::to_lowercase));
                    words += 1;
                }
            }
        };
        match &self.title {
            Some(title) => add(title),
            None => {
                for block in &self.body {
                    match block {
                        Block::Paragraph(p) => add(&p.text),
                        Block::List(l) => l.items.iter().for_each(|i| add(&i.text)),
                        Block::Letter(l) => {
                            for h in &l.headers {
                                add(&h.field);
                                add(&h.value);
                            }
                            if let Some(s) = &l.salutation {
                                add(&s.text);
                            }
                        }
                        Block::Separator(_) | Block::Furniture(_) => {}
                    }
                }
            }
        }
        id
    }
}

impl Serialize for Post<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Weekday(Option<chrono::Weekday>);
        impl Serialize for Weekday {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                weekday_name::serialize(&self.0, s)
            }
        }
        let mut post = s.serialize_struct("Post", 12)?;
        post.serialize_field("post_id", &self.post_id())?;
        post.serialize_field("date", &self.date)?;
        post.serialize_field("weekday", &Weekday(self.weekday))?;
        post.serialize_field("title", &self.title)?;
        post.serialize_field("title_span", &self.title_span)?;
        post.serialize_field("body", &self.body)?;
        post.serialize_field("comments", &self.comments)?;
        post.serialize_field("furniture", &self.furniture)?;
        post.serialize_field("header_span", &self.header_span)?;
        post.serialize_field("span", &self.span)?;
        match &self.entry {
            Some(entry) => post.serialize_field("entry", entry)?,
            None => post.skip_field("entry")?,
        }
        post.end()
    }
}
