//! Print each post's comment tree, with signatures and authors.
//!
//! ```sh
//! cargo run --example threads -- seeds/000_34b946ec0d9dcec7.txt
//! ```

use blog_export::Comment;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: threads FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let export = blog_export::parse(&text)?;
    for post in &export.posts {
        let title = post.title.as_deref().unwrap_or("(untitled)");
        let date = post.date.map_or("(undated)".to_string(), |d| d.to_string());
        println!("{date} {title}");
        let Some(section) = &post.comments else {
            println!("  no comments");
            continue;
        };
        if let Some(declared) = section.declared {
            println!("  {declared} declared, {} listed", section.total());
        }
        for comment in &section.items {
            print_comment(comment, 1);
            for reply in &comment.replies {
                print_comment(reply, 2);
            }
        }
    }
    Ok(())
}

fn print_comment(comment: &Comment, depth: usize) {
    let first = comment.paragraphs.first().map_or("", |p| &p.text);
    let first: String = first.chars().take(60).collect();
    let by = comment
        .signature
        .as_ref()
        .or(comment.author.as_ref())
        .map(|p| format!(" -- {}", p.text))
        .unwrap_or_default();
    println!(
        "{}{}. {first}{by} (line {})",
        "  ".repeat(depth),
        comment.number,
        comment.span.line
    );
}
