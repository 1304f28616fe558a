//! The span-nesting invariant over the whole JSON tree of a parse (shared
//! by the integration tests and the fuzz target).

use blog_export::Export;

/// Checks that spans nest over the whole JSON tree of a parse: every part
/// with a span lies inside its parent's span, the parts of one parent are
/// disjoint, and each list's parts are in input order. Diagnostics are not
/// parts.
pub fn check_nesting(input: &str, export: &Export) -> Result<(), String> {
    let json = serde_json::to_value(export).map_err(|e| e.to_string())?;
    node(&json, (0, input.len()), "export")
}

type Range = (usize, usize);

fn span_of(v: &serde_json::Value) -> Option<Range> {
    let o = v.as_object()?;
    let start = o.get("start")?.as_u64()? as usize;
    let end = o.get("end")?.as_u64()? as usize;
    o.get("line")?;
    Some((start, end))
}

/// The parts directly under `v` (its fields, looking through objects and
/// lists that have no span of their own), each with its own JSON and a
/// name for messages; and whether each list is in order.
fn parts<'v>(
    v: &'v serde_json::Value,
    path: &str,
    out: &mut Vec<(Range, Option<&'v serde_json::Value>, String)>,
) -> Result<(), String> {
    match v {
        serde_json::Value::Object(o) => {
            for (key, value) in o {
                if key == "span" || key == "diagnostics" {
                    continue;
                }
                let here = format!("{path}.{key}");
                if let Some(span) = span_of(value) {
                    out.push((span, None, here));
                } else if let Some(span) = value.get("span").and_then(span_of) {
                    out.push((span, Some(value), here));
                } else if value.is_object() || value.is_array() {
                    parts(value, &here, out)?;
                }
            }
        }
        serde_json::Value::Array(items) => {
            let mut last = 0;
            for (i, item) in items.iter().enumerate() {
                let here = format!("{path}[{i}]");
                match item.get("span").and_then(span_of) {
                    Some(span) => {
                        if span.0 < last {
                            return Err(format!(
                                "{here} at {span:?} comes before the item before it"
                            ));
                        }
                        last = span.0;
                        out.push((span, Some(item), here));
                    }
                    None => parts(item, &here, out)?,
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn node(v: &serde_json::Value, span: Range, path: &str) -> Result<(), String> {
    let mut children = Vec::new();
    parts(v, path, &mut children)?;
    for (child, _, name) in &children {
        if child.0 < span.0 || child.1 > span.1 || child.0 > child.1 {
            return Err(format!("{name} {child:?} is not inside {path} {span:?}"));
        }
    }
    let mut sorted: Vec<_> = children.iter().collect();
    sorted.sort_by_key(|(s, _, _)| *s);
    for pair in sorted.windows(2) {
        if pair[0].0 .1 > pair[1].0 .0 {
            return Err(format!(
                "{} {:?} overlaps {} {:?}",
                pair[0].2, pair[0].0, pair[1].2, pair[1].0
            ));
        }
    }
    for (child, json, name) in &children {
        if let Some(json) = json {
            node(json, *child, name)?;
        }
    }
    Ok(())
}
