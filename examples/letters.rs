//! List every quoted letter of one or more exports: date, from, to.
//!
//! ```sh
//! cargo run --example letters -- seeds/*.txt
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: letters FILE...".into());
    }
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let export = blog_export::parse(&text)?;
        for post in &export.posts {
            for letter in post.letters() {
                let sent = letter
                    .sent
                    .as_ref()
                    .map_or("undated".to_string(), |s| s.at.to_string());
                let from = letter
                    .signature
                    .as_ref()
                    .map_or("(unsigned)", |s| &s.name.text);
                let to = letter.salutation.as_ref().map(|s| &*s.text);
                println!(
                    "{path}:{}: {sent}  from {from}  to {to:?}",
                    letter.span.line
                );
            }
        }
    }
    Ok(())
}
