//! No import loops between the crate's modules: drawn from the `crate::`
//! paths of each module's code (its `use` lines and inline paths; doc
//! comments, strings and unit tests left out), the graph of top-level
//! modules (`src/x.rs` or `src/x/`) has no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The code of a source file: no comment lines, no string literals, no
/// unit tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match (in_string, escaped, c) {
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (true, _, _) => escaped = false,
                (false, _, '"') => in_string = true,
                (false, _, c) => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

/// The top-level modules a module's code names: `crate::x::...` and the
/// `x` of each item in `use crate::{x::..., y}`.
fn imports(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name = ident(item.trim());
                if name.starts_with(|c: char| c.is_lowercase()) {
                    out.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if name.starts_with(|c: char| c.is_lowercase()) {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn no_import_loops_between_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(&src).unwrap();
            if rel.starts_with("bin") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|x| x != "rs") || rel == Path::new("lib.rs") {
                continue;
            }
            let top = rel
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            let names = imports(&code(&std::fs::read_to_string(&path).unwrap()));
            let edges = graph.entry(top.clone()).or_default();
            edges.extend(names.into_iter().filter(|n| *n != top));
        }
    }
    assert!(graph.len() > 10, "{graph:?}");
    // Depth-first search for a path back to where it started.
    fn cycle(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        let last = path.last().unwrap().clone();
        for next in graph.get(&last).into_iter().flatten() {
            if next == start {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if !path.contains(next) {
                path.push(next.clone());
                if let Some(found) = cycle(graph, start, path) {
                    return Some(found);
                }
                path.pop();
            }
        }
        None
    }
    for module in graph.keys() {
        if let Some(found) = cycle(&graph, module, &mut vec![module.clone()]) {
            panic!("an import loop between modules: {}", found.join(" -> "));
        }
    }
}

#[test]
fn imports_are_read_from_code_only() {
    let text = "//! see [`crate::parse`]\nuse crate::{ast::Post, dates};\nfn f() { crate::span::is_space(' '); let s = \"crate::stream\"; }\n";
    let names: Vec<String> = imports(&code(text)).into_iter().collect();
    assert_eq!(names, ["ast", "dates", "span"]);
}
