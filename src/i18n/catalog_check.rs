//! Tests of the catalog itself: both languages parse, hold the same message
//! ids with the same argument names, and every `tr!` and `msg!` (a report
//! text rendered later) in `src/` names a message that exists with exactly
//! the arguments it passes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::Lang;
use super::catalog::source;

/// Message id (and `id.attr`) -> the variables it uses.
type Shape = BTreeMap<String, BTreeSet<String>>;

fn shape(lang: Lang) -> Shape {
    let res = match fluent_syntax::parser::parse(source(lang)) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{lang:?} catalog does not parse: {errors:?}"),
    };
    let mut out = Shape::new();
    for entry in &res.body {
        if let ast::Entry::Message(m) = entry {
            let id = m.id.name.to_string();
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{lang:?}: message {id} is defined twice"
            );
            for a in &m.attributes {
                let mut vars = BTreeSet::new();
                pattern_vars(&a.value, &mut vars);
                out.insert(format!("{id}.{}", a.id.name), vars);
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_and_arguments() {
    let (es, en) = (shape(Lang::Es), shape(Lang::En));
    let only_es: Vec<_> = es.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !es.contains_key(*k)).collect();
    assert!(only_es.is_empty(), "only in es.ftl: {only_es:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (id, vars) in &es {
        assert_eq!(vars, &en[id], "message {id}: arguments differ (es vs en)");
    }
}

/// Every `tr!(lang, "id", a = …, b = …)` and `msg!("id", a = …)` found in
/// the sources.
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut found = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs")
                && !p.ends_with("i18n/catalog.rs")
                && !p.ends_with("i18n/catalog_check.rs")
            {
                let text = std::fs::read_to_string(&p).unwrap();
                for (id, args) in tr_calls(&text).into_iter().chain(msg_calls(&text)) {
                    found.push((p.display().to_string(), id, args));
                }
            }
        }
    }
    found
}

/// Parses the bodies of `tr!(...)` calls: the id literal and the argument
/// names. Calls whose id is not a literal are skipped (the macro rejects
/// them anyway).
fn tr_calls(text: &str) -> Vec<(String, BTreeSet<String>)> {
    calls(text, "tr!(", 1)
}

/// The same for `msg!("id", …)`, whose id comes first.
fn msg_calls(text: &str) -> Vec<(String, BTreeSet<String>)> {
    calls(text, "msg!(", 0)
}

/// Calls of the macro opening with `open`, the id literal at argument
/// `id_at`; calls nested in another's arguments are found too.
fn calls(text: &str, open: &str, id_at: usize) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        let body_start = i + open.len();
        let bytes = rest.as_bytes();
        let (mut depth, mut j, mut in_str) = (1usize, body_start, false);
        while j < bytes.len() && depth > 0 {
            match bytes[j] {
                b'\\' if in_str => j += 1,
                b'"' => in_str = !in_str,
                b'(' | b'[' | b'{' if !in_str => depth += 1,
                b')' | b']' | b'}' if !in_str => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        let body = &rest[body_start..j.saturating_sub(1)];
        rest = &rest[body_start..];
        let parts = split_top_level(body);
        let Some(id) = parts.get(id_at).map(|s| s.trim()) else {
            continue;
        };
        if !(id.starts_with('"') && id.ends_with('"') && id.len() > 2) {
            continue;
        }
        let id = id.trim_matches('"').to_string();
        let args = parts[id_at + 1..]
            .iter()
            .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_string()))
            .filter(|n| !n.is_empty())
            .collect();
        out.push((id, args));
    }
    out
}

fn split_top_level(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut in_str, mut escaped) = (0i32, 0usize, false, false);
    for (k, c) in body.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => depth -= 1,
            ',' if !in_str && depth == 0 => {
                parts.push(&body[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    parts
}

#[test]
fn every_tr_names_a_message_with_its_arguments() {
    let es = shape(Lang::Es);
    let mut problems = Vec::new();
    for (file, id, args) in uses() {
        match es.get(&id) {
            None => problems.push(format!("{file}: no message {id}")),
            Some(vars) if vars != &args => {
                problems.push(format!("{file}: {id} takes {vars:?} but is given {args:?}"))
            }
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(
        crate::tr!(Lang::Es, "catalog-selftest", count = 1),
        "1 paso"
    );
    assert_eq!(
        crate::tr!(Lang::Es, "catalog-selftest", count = 3),
        "3 pasos"
    );
    assert_eq!(
        crate::tr!(Lang::En, "catalog-selftest", count = 1),
        "1 step"
    );
    assert_eq!(
        crate::tr!(Lang::En, "catalog-selftest", count = 0),
        "0 steps"
    );
}

#[test]
fn the_call_parser_reads_names_and_nesting() {
    let calls = tr_calls(r#"let x = tr!(lang, "a-b", n = f(1, 2), who = "x,y"); tr!(l, "c");"#);
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].0, "a-b");
    assert_eq!(
        calls[0].1,
        ["n", "who"].iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(calls[1].0, "c");
    assert!(calls[1].1.is_empty());
    let calls = msg_calls(
        r#"r.mapped(l, msg!("a", step = StepNo(1), f = "x"), crate::msg!("b", w = msg!("c")));"#,
    );
    let ids: Vec<&str> = calls.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        calls[0].1,
        ["f", "step"].iter().map(|s| s.to_string()).collect()
    );
    assert_eq!(calls[1].1, ["w"].iter().map(|s| s.to_string()).collect());
}
