//! The aligned plain-text report for people, fitted to 80 columns where
//! the content allows (long titles and notes are cut with `…`).

use super::columns::{Align, Columns};
use super::{abridge, notes_line, opt_duration, percent};
use crate::history::kpi::suggest::MIN_SAMPLES;
use crate::history::kpi::{Figures, GlobalKpi, Kpis, ProcedureKpi, Unverified};
use crate::history::local_time::{minute, minute_no_offset};
use crate::i18n::fill;
use crate::i18n::kpi::KpiTexts;
use crate::procedure::estimate::format_ms;
use chrono::Local;

/// The width the table is made to fit.
pub const WIDTH: usize = 80;

pub fn render(k: &Kpis, t: &KpiTexts) -> String {
    let mut out = Vec::new();
    out.extend(global(&k.global, t));
    for p in &k.procedures {
        out.push(String::new());
        out.extend(procedure(p, t));
    }
    if !k.unverified.is_empty() {
        out.push(String::new());
        out.extend(unverified(&k.unverified, t));
    }
    out.push(String::new());
    out.join("\n")
}

/// The warning lines about journals that do not verify.
pub fn unverified(list: &[Unverified], t: &KpiTexts) -> Vec<String> {
    let mut out = vec![if list.len() == 1 {
        t.unverified_one.to_string()
    } else {
        fill(t.unverified_many, &[&list.len().to_string()])
    }];
    for u in list {
        let text = format!("{}: {}", u.run_id, u.problem);
        for (i, line) in textwrap_plain(&text, WIDTH - 6).into_iter().enumerate() {
            out.push(format!("{}{line}", if i == 0 { "!   " } else { "!     " }));
        }
        out.push(format!("!     {}", fill(t.unverified_hint, &[&u.run_id])));
    }
    out
}

fn global(g: &GlobalKpi, t: &KpiTexts) -> Vec<String> {
    let mut first = format!(
        "{} · {} {} · {} {}",
        t.title, t.executions, g.executions, t.procedures, g.procedures_run
    );
    if g.rehearsals > 0 {
        first.push_str(&format!(" · {} {}", t.rehearsals_apart, g.rehearsals));
    }
    let mttr = match g.mttr_ms {
        Some(ms) => format!(
            "{} {} ({})",
            t.mttr,
            format_ms(ms),
            fill(t.mttr_of, &[&g.mttr_samples.to_string()])
        ),
        None => format!("{} {}", t.mttr, t.mttr_none),
    };
    let second = format!(
        "{} {} ({}) · {} {} · {}",
        t.success_rate,
        percent(g.success_rate, t.none),
        fill(
            t.of_finished,
            &[&g.successes.to_string(), &g.finished.to_string()]
        ),
        t.rollback_share,
        percent(g.rollback_share, t.none),
        mttr
    );
    vec![first, second]
}

fn counts(f: &Figures, t: &KpiTexts) -> String {
    let mut parts = vec![format!("{} {}", t.finished, f.finished)];
    if f.interrupted > 0 {
        parts.push(format!("{} {}", t.interrupted, f.interrupted));
    }
    if f.open > 0 {
        parts.push(format!("{} {}", t.open, f.open));
    }
    let mut s = format!("{} {}: {}", t.executions, f.executions, parts.join(", "));
    if f.rehearsals > 0 {
        s.push_str(&format!(" · {} {}", t.rehearsals, f.rehearsals));
    }
    s
}

fn procedure(p: &ProcedureKpi, t: &KpiTexts) -> Vec<String> {
    let f = &p.figures;
    let mut out = vec![abridge(&format!("{} — {}", p.procedure_id, p.title), WIDTH)];
    out.push(format!("  {}", counts(f, t)));
    let rollbacks = match f.rollback_avg_ms {
        Some(ms) => format!(
            "{} {} ({} {})",
            t.rollbacks,
            f.rollbacks,
            t.rollback_avg,
            format_ms(ms)
        ),
        None => format!("{} {}", t.rollbacks, f.rollbacks),
    };
    out.push(format!(
        "  {} {} ({}) · {} · {} {}",
        t.success_rate,
        percent(f.success_rate, t.none),
        fill(
            t.of_finished,
            &[&f.successes.to_string(), &f.finished.to_string()]
        ),
        rollbacks,
        t.deviations,
        f.deviations
    ));
    if let Some(d) = &f.duration {
        out.push(format!(
            "  {}: {} {} · {} {} · {} {} · {} {}",
            t.duration,
            t.average,
            format_ms(d.avg_ms),
            t.median,
            format_ms(d.median_ms),
            t.minimum,
            format_ms(d.min_ms),
            t.maximum,
            format_ms(d.max_ms)
        ));
    }
    if let Some(last) = f.last_execution {
        out.push(format!("  {} {}", t.last_execution, minute(last, &Local)));
    }
    if p.versions.len() > 1 {
        out.push(String::new());
        out.extend(versions(p, t));
    }
    if p.steps.iter().any(|s| s.actual.is_some()) {
        out.push(String::new());
        out.extend(steps(p, t));
    }
    if !p.history.is_empty() {
        out.push(String::new());
        out.extend(history(p, t));
    }
    out
}

fn versions(p: &ProcedureKpi, t: &KpiTexts) -> Vec<String> {
    use Align::{Left, Right};
    let mut c = Columns::new(
        &[
            t.col_version,
            t.col_executions,
            t.col_success,
            t.col_average,
            t.col_median,
            t.col_min,
            t.col_max,
            t.col_rollbacks,
            t.col_deviations,
        ],
        &[Left, Right, Right, Right, Right, Right, Right, Right, Right],
    );
    for v in &p.versions {
        let f = &v.figures;
        let d = f.duration.as_ref();
        c.push(vec![
            v.version.clone(),
            f.executions.to_string(),
            percent(f.success_rate, t.none),
            opt_duration(d.map(|d| d.avg_ms), t.none),
            opt_duration(d.map(|d| d.median_ms), t.none),
            opt_duration(d.map(|d| d.min_ms), t.none),
            opt_duration(d.map(|d| d.max_ms), t.none),
            f.rollbacks.to_string(),
            f.deviations.to_string(),
        ]);
    }
    c.render("  ", WIDTH)
}

fn steps(p: &ProcedureKpi, t: &KpiTexts) -> Vec<String> {
    use Align::{Left, Right};
    let mut out = vec![format!("  {}", t.steps_title)];
    let mut c = Columns::new(
        &[
            t.col_step,
            t.col_estimate,
            t.col_median,
            t.col_p90,
            t.col_over,
            t.col_suggested,
            t.col_title,
        ],
        &[Left, Right, Right, Right, Right, Left, Left],
    );
    for s in p.steps.iter().filter(|s| s.actual.is_some()) {
        let a = s.actual.as_ref();
        let over = match (a, s.estimate_max_ms) {
            (Some(a), Some(_)) => format!("{}/{}", s.over_estimate, a.samples),
            _ => t.none.to_string(),
        };
        let suggested = match &s.suggestion {
            Some(sg) if sg.proposed => format!("{} *", sg.estimate),
            Some(sg) => sg.estimate.clone(),
            None => t.none.to_string(),
        };
        c.push(vec![
            s.id.clone(),
            s.estimate.clone().unwrap_or_else(|| t.none.to_string()),
            opt_duration(a.map(|a| a.median_ms), t.none),
            opt_duration(a.map(|a| a.p90_ms), t.none),
            over,
            suggested,
            s.title.clone(),
        ]);
    }
    out.extend(c.render("  ", WIDTH));
    if !p.over_runs.is_empty() {
        let worst: Vec<String> = p
            .over_runs
            .iter()
            .take(5)
            .filter_map(|id| p.steps.iter().find(|s| &s.id == id))
            .map(|s| format!("{} (×{:.1})", s.id, s.overrun_ratio.unwrap_or(0.0)))
            .collect();
        out.push(abridge(
            &format!("  {}: {}", t.over_runs, worst.join(", ")),
            WIDTH,
        ));
    }
    for line in textwrap_plain(&fill(t.steps_note, &[&MIN_SAMPLES.to_string()]), WIDTH - 2) {
        out.push(format!("  {line}"));
    }
    out
}

/// Words wrapped to `width` characters (a word longer than that stays whole).
fn textwrap_plain(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn history(p: &ProcedureKpi, t: &KpiTexts) -> Vec<String> {
    use Align::{Left, Right};
    let mut out = vec![format!("  {}", t.history_title)];
    let mut c = Columns::new(
        &[
            &t.col_date.to_uppercase(),
            &t.col_operator.to_uppercase(),
            &t.col_duration.to_uppercase(),
            t.col_result,
            &t.col_notes.to_uppercase(),
        ],
        &[Left, Left, Right, Left, Left],
    );
    for h in &p.history {
        let notes = notes_line(h, t);
        c.push(vec![
            minute_no_offset(h.started, &Local),
            abridge(&h.operator, 16),
            format_ms(h.duration_ms),
            t.status(h.status).to_string(),
            notes,
        ]);
    }
    out.extend(c.render("  ", WIDTH));
    out
}
