//! Owned copies of the tree: `into_owned()` turns text borrowed from the
//! input into owned text, so a value outlives its input (`Post<'static>`).
//! Each type of the tree gets its impl from `#[derive(Tree)]`
//! (`blog-export-derive`), field by field; the containers and the text are
//! here, the leaves in `leaves.rs`.

use std::borrow::Cow;

/// A value whose borrowed text can be made owned.
pub(crate) trait IntoOwned {
    /// The same value with `'static` text.
    type Owned;
    /// Makes every borrowed text owned.
    fn into_owned(self) -> Self::Owned;
}

impl IntoOwned for Cow<'_, str> {
    type Owned = Cow<'static, str>;
    fn into_owned(self) -> Cow<'static, str> {
        Cow::Owned(Cow::into_owned(self))
    }
}

impl<T: IntoOwned> IntoOwned for Option<T> {
    type Owned = Option<T::Owned>;
    fn into_owned(self) -> Option<T::Owned> {
        self.map(IntoOwned::into_owned)
    }
}

impl<T: IntoOwned> IntoOwned for Vec<T> {
    type Owned = Vec<T::Owned>;
    fn into_owned(self) -> Vec<T::Owned> {
        self.into_iter().map(IntoOwned::into_owned).collect()
    }
}

impl<T: IntoOwned> IntoOwned for Box<T> {
    type Owned = Box<T::Owned>;
    fn into_owned(self) -> Box<T::Owned> {
        Box::new((*self).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::ast::{Block, Export};

    /// Every text of a tree, borrowed or owned, in order (the walk over
    /// paragraphs is enough to tell a borrowed one left behind).
    fn borrowed_texts(export: &Export<'_>) -> usize {
        let blocks = export
            .preamble
            .iter()
            .chain(export.posts.iter().flat_map(|p| &p.body));
        blocks
            .filter(|b| matches!(b, Block::Paragraph(p) if matches!(p.text, Cow::Borrowed(_))))
            .count()
            + export
                .posts
                .iter()
                .filter(|p| matches!(p.title, Some(Cow::Borrowed(_))))
                .count()
    }

    /// `into_owned` keeps every value as it was (the owned export equals
    /// the borrowed one, field by field) and leaves no text borrowed, on
    /// every seed and fixture.
    #[test]
    fn into_owned_changes_nothing_but_ownership() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut borrowed = 0;
        for dir in ["seeds", "tests/fixtures"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                let Ok(export) = crate::parse(&text) else {
                    continue;
                };
                borrowed += borrowed_texts(&export);
                let owned: Export<'static> = export.clone().into_owned();
                assert_eq!(owned, export);
                assert_eq!(borrowed_texts(&owned), 0);
            }
        }
        assert!(borrowed > 100, "{borrowed}");
    }
}
