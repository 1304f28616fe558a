//! The pest parser, derived from `grammar/blog.pest`. Private: pest types
//! never reach the public API.

use pest_derive::Parser;

/// The parser generated from the grammar.
#[derive(Parser)]
#[grammar = "../grammar/blog.pest"]
pub(crate) struct BlogParser;
