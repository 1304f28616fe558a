//! The leaves of the tree: values with no text to own and no span inside
//! (dates, times, numbers, kinds). Both walks pass them by: `into_owned`
//! returns them as they are, `each_span` visits nothing. A new field whose
//! type is neither derived (`#[derive(Tree)]`) nor listed here does not
//! compile, so no field is walked by accident or forgotten.

use super::{IntoOwned, MarkerKind, SentAt, Spans};
use crate::diagnostic::{DiagnosticKind, Severity};
use crate::languages::Language;
use crate::span::Span;

macro_rules! leaves {
    ($($leaf:ty),* $(,)?) => {$(
        impl IntoOwned for $leaf {
            type Owned = $leaf;
            fn into_owned(self) -> $leaf {
                self
            }
        }

        impl Spans for $leaf {
            fn each_span(&mut self, _: &mut dyn FnMut(&mut Span)) {}
        }
    )*};
}

leaves!(
    bool,
    u32,
    String,
    chrono::NaiveDate,
    chrono::NaiveTime,
    chrono::Weekday,
    chrono::DateTime<chrono::FixedOffset>,
    Language,
    MarkerKind,
    SentAt,
    Severity,
    DiagnosticKind,
);

/// A span is no leaf for `each_span` (it is what the walk visits: see
/// `spans.rs`), but it holds no text.
impl IntoOwned for Span {
    type Owned = Span;
    fn into_owned(self) -> Span {
        self
    }
}
