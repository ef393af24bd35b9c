//! `[procedure]` (metadata) and `[purpose]`.

use super::reader::{Sink, Table};
use crate::diagnostic::Diagnostic;
use crate::procedure::model::{Impact, Metadata, Purpose};
use toml::de::DeValue;

pub fn metadata(t: &mut Table<'_, '_>, sink: &mut Sink) -> Metadata {
    let mut m = Metadata {
        span: t.anchor(),
        ..Metadata::default()
    };
    if let Some(id) = t.required_string(sink, "id", "\"PROC-BACKEND-001\"") {
        m.span = id.span;
        m.id = id.value;
    }
    m.title = t
        .required_string(sink, "title", "\"Despliegue a producción\"")
        .map(|t| t.value)
        .unwrap_or_default();
    m.category = t.keyword(sink, "category");
    if t.has("criticality") {
        m.criticality = t.keyword(sink, "criticality");
    } else {
        t.value("criticality");
        t.missing(sink, "criticality", "\"alta\"");
    }
    m.frequency = t.keyword(sink, "frequency");
    if let Some((e, span)) = t.estimate(sink, "estimate") {
        m.estimate = Some(e);
        m.estimate_span = Some(span);
    }
    if let Some(v) = t.required_string(sink, "version", "\"1.0.0\"") {
        if !v.value.trim().is_empty() && semver::Version::parse(v.value.trim()).is_err() {
            sink.push(
                Diagnostic::error(
                    "bad-version",
                    format!("`{}` is not a semantic version", v.value),
                    Some(v.span),
                )
                .with_hint("write MAJOR.MINOR.PATCH, e.g. `version = \"1.2.0\"`"),
            );
        }
        m.version = v.value.trim().to_string();
    }
    m.updated = updated(t, sink);
    m.author = t.text(sink, "author");
    m.reviewers = t.texts(sink, "reviewers");
    m.environment = t.text(sink, "environment");
    m.rto = t.estimate(sink, "rto").map(|(e, _)| e);
    m.rpo = t.estimate(sink, "rpo").map(|(e, _)| e);
    m.tags = t.texts(sink, "tags");
    m.allow = t.texts(sink, "allow");
    m.approval = t.texts(sink, "approval");
    m
}

/// `updated = 2026-11-01` (a TOML date) or `"2026-11-01"`.
fn updated(t: &mut Table<'_, '_>, sink: &mut Sink) -> Option<chrono::NaiveDate> {
    let v = t.value("updated")?;
    let text = match v.get_ref() {
        // `2026-11-23T10:00:00`: the day is what matters.
        DeValue::Datetime(d) => match d.date {
            Some(date) => date.to_string(),
            None => {
                sink.push(
                    Diagnostic::error(
                        "bad-date",
                        format!("`{d}` is a time, not a date (in {})", t.label),
                        Some(v.span()),
                    )
                    .with_hint("write the date as YYYY-MM-DD, e.g. `updated = 2026-11-01`"),
                );
                return None;
            }
        },
        DeValue::String(s) => s.to_string(),
        _ => {
            t.wrong_type(sink, "updated", v, "a date like 2026-11-01");
            return None;
        }
    };
    let text = text.trim();
    // A date with a time of day (`"2026-11-23 10:00"`): keep the day.
    let day = match text.get(10..11) {
        Some("T" | "t" | " ") => &text[..10],
        _ => text,
    };
    match chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            sink.push(
                Diagnostic::error(
                    "bad-date",
                    format!("`{text}` is not a date (in {})", t.label),
                    Some(v.span()),
                )
                .with_hint("write the date as YYYY-MM-DD, e.g. `updated = 2026-11-01`"),
            );
            None
        }
    }
}

pub fn purpose(t: &mut Table<'_, '_>, sink: &mut Sink) -> Purpose {
    let mut p = Purpose {
        what: t.text(sink, "what"),
        when: t.text(sink, "when"),
        when_not: t.text(sink, "when_not"),
        impact: Impact::default(),
    };
    if let Some(mut i) = t.table(sink, "impact", "[purpose.impact]") {
        p.impact = Impact {
            users: i.text(sink, "users"),
            systems: i.text(sink, "systems"),
            data: i.text(sink, "data"),
            sla: i.text(sink, "sla"),
        };
        i.finish(sink);
    }
    p
}
