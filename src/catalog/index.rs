//! `pasos index`: the index of seed 001 ("Índice de Procedimientos"),
//! generated: by criticality (a table per level, with 001's columns and
//! then the figures from history), then by type (a list per category,
//! "Ninguno aún" when empty). Also as JSON with stable field names.

use super::entry::{CATEGORIES, Entry};
use super::{Catalog, CatalogKpi};
use crate::i18n::Lang;
use crate::procedure::{Category, Criticality};
use crate::tr;
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde::Serialize;

/// The levels 001's index always shows, even empty; BAJA and procedures
/// without a criticality get a section only when there are some.
const ALWAYS: [Criticality; 3] = [
    Criticality::Critical,
    Criticality::High,
    Criticality::Medium,
];

/// The index as Markdown, in `lang`.
pub fn markdown(c: &Catalog, lang: Lang) -> String {
    let mut out = String::new();
    out.push_str(&format!("## {}\n\n", tr!(lang, "catalog-index-title")));
    out.push_str(&format!(
        "### {}\n\n",
        tr!(lang, "catalog-index-by-criticality")
    ));
    for level in criticality_sections(c) {
        out.push_str(&format!("#### {}\n", criticality_word(lang, level)));
        out.push_str(&table_head(lang));
        for e in c.entries.iter().filter(|e| e.criticality == level) {
            out.push_str(&row(c, e, lang));
        }
        out.push('\n');
    }
    out.push_str(&format!("### {}\n\n", tr!(lang, "catalog-index-by-type")));
    for category in category_sections(c) {
        out.push_str(&format!("#### {}\n", category_word(lang, category)));
        let mut any = false;
        for e in c.entries.iter().filter(|e| e.category == category) {
            any = true;
            out.push_str(&format!("- {} - {}\n", link(c, e), cell(&e.title)));
        }
        if !any {
            out.push_str(&format!("- {}\n", tr!(lang, "catalog-index-none-yet")));
        }
        out.push('\n');
    }
    let k = c.kpi();
    out.push_str(&format!("### {}\n\n", tr!(lang, "catalog-kpi-title")));
    for line in kpi_lines(&k, lang) {
        out.push_str(&format!("- {line}\n"));
    }
    if !c.broken.is_empty() {
        out.push('\n');
        out.push_str(&format!(
            "> {}\n",
            tr!(lang, "catalog-broken", count = c.broken.len())
        ));
        for b in &c.broken {
            out.push_str(&format!(
                "> - `{}`: {}\n",
                b.path.display(),
                cell(&b.problem)
            ));
        }
    }
    out
}

/// Seed 001's global figures, one line each, in `lang`.
pub fn kpi_lines(k: &CatalogKpi, lang: Lang) -> Vec<String> {
    let pct = |share: Option<f64>| share.map_or("-".to_string(), percent);
    vec![
        tr!(lang, "catalog-kpi-documented", count = k.documented),
        tr!(
            lang,
            "catalog-kpi-tested",
            share = pct(k.tested_share),
            count = k.tested_last_quarter,
            total = k.documented,
            since = k.quarter_start.to_string()
        ),
        tr!(
            lang,
            "catalog-kpi-reviewed",
            share = pct(k.reviewed_share),
            count = k.reviewed_within_cadence,
            total = k.documented
        ),
    ]
}

fn criticality_sections(c: &Catalog) -> Vec<Option<Criticality>> {
    let mut out: Vec<Option<Criticality>> = ALWAYS.iter().map(|l| Some(*l)).collect();
    for extra in [Some(Criticality::Low), None] {
        if c.entries.iter().any(|e| e.criticality == extra) {
            out.push(extra);
        }
    }
    out
}

fn category_sections(c: &Catalog) -> Vec<Option<Category>> {
    let mut out: Vec<Option<Category>> = CATEGORIES.iter().map(|c| Some(*c)).collect();
    if c.entries.iter().any(|e| e.category.is_none()) {
        out.push(None);
    }
    out
}

fn table_head(lang: Lang) -> String {
    let cols = [
        tr!(lang, "catalog-col-id"),
        tr!(lang, "catalog-col-title"),
        tr!(lang, "catalog-col-type"),
        tr!(lang, "catalog-col-frequency"),
        tr!(lang, "catalog-col-duration"),
        tr!(lang, "catalog-col-executions"),
        tr!(lang, "catalog-col-success"),
        tr!(lang, "catalog-col-last-execution"),
        tr!(lang, "catalog-col-last-test"),
        tr!(lang, "catalog-col-review"),
    ];
    let head: Vec<String> = cols.iter().map(|c| format!(" {c} ")).collect();
    let rule: Vec<String> = cols
        .iter()
        .map(|c| "-".repeat(c.chars().count() + 2))
        .collect();
    format!("|{}|\n|{}|\n", head.join("|"), rule.join("|"))
}

fn row(c: &Catalog, e: &Entry, lang: Lang) -> String {
    let h = &e.history;
    let cells = [
        link(c, e),
        cell(&e.title),
        category_word(lang, e.category),
        frequency_word(lang, e.frequency),
        e.estimate.map_or("-".into(), |e| e.to_string()),
        h.executions.to_string(),
        h.success_rate.map_or("-".into(), percent),
        date_of(h.last_execution),
        date_of(h.last_test),
        review_cell(e, c.today, lang),
    ];
    format!("| {} |\n", cells.join(" | "))
}

/// `[ID](./file.toml)`: relative to the procedures directory when there is
/// one, else the path as found.
fn link(c: &Catalog, e: &Entry) -> String {
    let target = if c.dirs.len() == 1 {
        format!("./{}", e.relative)
    } else {
        e.path.display().to_string()
    };
    format!("[{}]({})", cell(&e.id), target.replace(' ', "%20"))
}

fn review_cell(e: &Entry, today: NaiveDate, lang: Lang) -> String {
    match e.review.due {
        None => tr!(lang, "catalog-review-never"),
        Some(d) if d < today => tr!(lang, "catalog-review-overdue-on", date = d.to_string()),
        Some(d) => d.to_string(),
    }
}

/// Text in a table cell: no pipe or line break may end it early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn percent(share: f64) -> String {
    format!("{}%", (share * 100.0).round() as i64)
}

/// The local date of an instant, `-` when there is none.
pub fn date_of(at: Option<DateTime<Utc>>) -> String {
    at.map_or("-".into(), |t| {
        t.with_timezone(&Local).format("%Y-%m-%d").to_string()
    })
}

pub fn criticality_word(lang: Lang, c: Option<Criticality>) -> String {
    tr!(
        lang,
        "catalog-criticality",
        level = c.map_or("none".to_string(), |c| c.to_string())
    )
}

pub fn category_word(lang: Lang, c: Option<Category>) -> String {
    tr!(
        lang,
        "catalog-category",
        category = c.map_or("none".to_string(), |c| c.to_string())
    )
}

pub fn frequency_word(lang: Lang, f: Option<crate::procedure::Frequency>) -> String {
    tr!(
        lang,
        "catalog-frequency",
        frequency = f.map_or("none".to_string(), |f| f.to_string())
    )
}

#[derive(Serialize)]
struct Json<'a> {
    today: NaiveDate,
    dirs: &'a [std::path::PathBuf],
    kpi: CatalogKpi,
    by_criticality: Vec<Group>,
    by_type: Vec<Group>,
    procedures: &'a [Entry],
    broken: &'a [super::Broken],
    unverified_journals: usize,
}

#[derive(Serialize)]
struct Group {
    /// The keyword as the format spells it (`critica`, `deployment`), or
    /// `null` for procedures without one.
    key: Option<String>,
    procedures: Vec<String>,
}

/// The index as one JSON document (stable field names).
pub fn json(c: &Catalog) -> String {
    let ids = |keep: &dyn Fn(&Entry) -> bool| -> Vec<String> {
        c.entries
            .iter()
            .filter(|e| keep(e))
            .map(|e| e.id.clone())
            .collect()
    };
    let doc = Json {
        today: c.today,
        dirs: &c.dirs,
        kpi: c.kpi(),
        by_criticality: criticality_sections(c)
            .into_iter()
            .map(|l| Group {
                key: l.map(|l| l.to_string()),
                procedures: ids(&|e| e.criticality == l),
            })
            .collect(),
        by_type: category_sections(c)
            .into_iter()
            .map(|k| Group {
                key: k.map(|k| k.to_string()),
                procedures: ids(&|e| e.category == k),
            })
            .collect(),
        procedures: &c.entries,
        broken: &c.broken,
        unverified_journals: c.unverified,
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
