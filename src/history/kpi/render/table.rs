//! The aligned plain-text report for people, fitted to 80 columns where
//! the content allows (long titles and notes are cut with `…`).

use super::columns::{Align, Columns};
use super::{abridge, notes_line, opt_duration, percent};
use crate::history::kpi::suggest::MIN_SAMPLES;
use crate::history::kpi::{Figures, GlobalKpi, Kpis, ProcedureKpi, Unverified};
use crate::history::local_time::{minute, minute_no_offset};

use crate::procedure::estimate::format_ms;
use chrono::Local;

/// The width the table is made to fit.
pub const WIDTH: usize = 80;

pub fn render(k: &Kpis, t: crate::i18n::Lang) -> String {
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
pub fn unverified(list: &[Unverified], t: crate::i18n::Lang) -> Vec<String> {
    let mut out = vec![crate::tr!(t, "kpi-unverified", count = list.len())];
    for u in list {
        let text = format!("{}: {}", u.run_id, u.problem);
        for (i, line) in textwrap_plain(&text, WIDTH - 6).into_iter().enumerate() {
            out.push(format!("{}{line}", if i == 0 { "!   " } else { "!     " }));
        }
        out.push(format!(
            "!     {}",
            crate::tr!(t, "kpi-unverified-hint", run = u.run_id.to_string())
        ));
    }
    out
}

fn global(g: &GlobalKpi, t: crate::i18n::Lang) -> Vec<String> {
    let mut first = format!(
        "{} · {} {} · {} {}",
        crate::tr!(t, "kpi-title"),
        crate::tr!(t, "kpi-executions"),
        g.executions,
        crate::tr!(t, "kpi-procedures"),
        g.procedures_run
    );
    if g.rehearsals > 0 {
        first.push_str(&format!(
            " · {} {}",
            crate::tr!(t, "kpi-rehearsals-apart"),
            g.rehearsals
        ));
    }
    if g.tests > 0 {
        first.push_str(&format!(
            " · {} {}",
            crate::tr!(t, "unattended-kpi-tests-apart", count = g.tests),
            g.tests
        ));
    }
    let mttr = match g.mttr_ms {
        Some(ms) => format!(
            "{} {} ({})",
            crate::tr!(t, "kpi-mttr"),
            format_ms(ms),
            crate::tr!(t, "kpi-mttr-of", count = g.mttr_samples)
        ),
        None => format!(
            "{} {}",
            crate::tr!(t, "kpi-mttr"),
            crate::tr!(t, "kpi-mttr-none")
        ),
    };
    let second = format!(
        "{} {} ({}) · {} {} · {}",
        crate::tr!(t, "kpi-success-rate"),
        percent(g.success_rate, &crate::tr!(t, "kpi-none")),
        crate::tr!(
            t,
            "kpi-of-finished",
            count = g.successes,
            finished = g.finished.to_string()
        ),
        crate::tr!(t, "kpi-rollback-share"),
        percent(g.rollback_share, &crate::tr!(t, "kpi-none")),
        mttr
    );
    vec![first, second]
}

fn counts(f: &Figures, t: crate::i18n::Lang) -> String {
    let mut parts = vec![format!("{} {}", crate::tr!(t, "kpi-finished"), f.finished)];
    if f.interrupted > 0 {
        parts.push(format!(
            "{} {}",
            crate::tr!(t, "kpi-interrupted"),
            f.interrupted
        ));
    }
    if f.open > 0 {
        parts.push(format!("{} {}", crate::tr!(t, "kpi-open"), f.open));
    }
    let mut s = format!(
        "{} {}: {}",
        crate::tr!(t, "kpi-executions"),
        f.executions,
        parts.join(", ")
    );
    if f.rehearsals > 0 {
        s.push_str(&format!(
            " · {} {}",
            crate::tr!(t, "kpi-rehearsals"),
            f.rehearsals
        ));
    }
    if f.tests > 0 {
        s.push_str(&format!(
            " · {}",
            crate::tr!(t, "unattended-kpi-tests", count = f.tests)
        ));
    }
    if f.supervised > 0 {
        s.push_str(&format!(
            " · {}",
            crate::tr!(t, "team-kpi-supervised", count = f.supervised)
        ));
    }
    s
}

fn procedure(p: &ProcedureKpi, t: crate::i18n::Lang) -> Vec<String> {
    let f = &p.figures;
    let mut out = vec![abridge(&format!("{} — {}", p.procedure_id, p.title), WIDTH)];
    out.push(format!("  {}", counts(f, t)));
    let rollbacks = match f.rollback_avg_ms {
        Some(ms) => format!(
            "{} {} ({} {})",
            crate::tr!(t, "kpi-rollbacks"),
            f.rollbacks,
            crate::tr!(t, "kpi-rollback-avg"),
            format_ms(ms)
        ),
        None => format!("{} {}", crate::tr!(t, "kpi-rollbacks"), f.rollbacks),
    };
    out.push(format!(
        "  {} {} ({}) · {} · {} {}",
        crate::tr!(t, "kpi-success-rate"),
        percent(f.success_rate, &crate::tr!(t, "kpi-none")),
        crate::tr!(
            t,
            "kpi-of-finished",
            count = f.successes,
            finished = f.finished.to_string()
        ),
        rollbacks,
        crate::tr!(t, "kpi-deviations"),
        f.deviations
    ));
    if let Some(d) = &f.duration {
        out.push(format!(
            "  {}: {} {} · {} {} · {} {} · {} {}",
            crate::tr!(t, "kpi-duration"),
            crate::tr!(t, "kpi-average"),
            format_ms(d.avg_ms),
            crate::tr!(t, "kpi-median"),
            format_ms(d.median_ms),
            crate::tr!(t, "kpi-minimum"),
            format_ms(d.min_ms),
            crate::tr!(t, "kpi-maximum"),
            format_ms(d.max_ms)
        ));
    }
    if let Some(last) = f.last_execution {
        out.push(format!(
            "  {} {}",
            crate::tr!(t, "kpi-last-execution"),
            minute(last, &Local)
        ));
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

fn versions(p: &ProcedureKpi, t: crate::i18n::Lang) -> Vec<String> {
    use Align::{Left, Right};
    let mut c = Columns::new(
        &[
            crate::tr!(t, "kpi-col-version"),
            crate::tr!(t, "kpi-col-executions"),
            crate::tr!(t, "kpi-col-success"),
            crate::tr!(t, "kpi-col-average"),
            crate::tr!(t, "kpi-col-median"),
            crate::tr!(t, "kpi-col-min"),
            crate::tr!(t, "kpi-col-max"),
            crate::tr!(t, "kpi-col-rollbacks"),
            crate::tr!(t, "kpi-col-deviations"),
        ],
        &[Left, Right, Right, Right, Right, Right, Right, Right, Right],
    );
    for v in &p.versions {
        let f = &v.figures;
        let d = f.duration.as_ref();
        c.push(vec![
            v.version.clone(),
            f.executions.to_string(),
            percent(f.success_rate, &crate::tr!(t, "kpi-none")),
            opt_duration(d.map(|d| d.avg_ms), &crate::tr!(t, "kpi-none")),
            opt_duration(d.map(|d| d.median_ms), &crate::tr!(t, "kpi-none")),
            opt_duration(d.map(|d| d.min_ms), &crate::tr!(t, "kpi-none")),
            opt_duration(d.map(|d| d.max_ms), &crate::tr!(t, "kpi-none")),
            f.rollbacks.to_string(),
            f.deviations.to_string(),
        ]);
    }
    c.render("  ", WIDTH)
}

fn steps(p: &ProcedureKpi, t: crate::i18n::Lang) -> Vec<String> {
    use Align::{Left, Right};
    let mut out = vec![format!("  {}", crate::tr!(t, "kpi-steps-title"))];
    let mut c = Columns::new(
        &[
            crate::tr!(t, "kpi-col-step"),
            crate::tr!(t, "kpi-col-estimate"),
            crate::tr!(t, "kpi-col-median"),
            crate::tr!(t, "kpi-col-p90"),
            crate::tr!(t, "kpi-col-over"),
            crate::tr!(t, "kpi-col-suggested"),
            crate::tr!(t, "kpi-col-title"),
        ],
        &[Left, Right, Right, Right, Right, Left, Left],
    );
    for s in p.steps.iter().filter(|s| s.actual.is_some()) {
        let a = s.actual.as_ref();
        let over = match (a, s.estimate_max_ms) {
            (Some(a), Some(_)) => format!("{}/{}", s.over_estimate, a.samples),
            _ => crate::tr!(t, "kpi-none").to_string(),
        };
        let suggested = match &s.suggestion {
            Some(sg) if sg.proposed => format!("{} *", sg.estimate),
            Some(sg) => sg.estimate.clone(),
            None => crate::tr!(t, "kpi-none").to_string(),
        };
        c.push(vec![
            s.id.clone(),
            s.estimate
                .clone()
                .unwrap_or_else(|| crate::tr!(t, "kpi-none").to_string()),
            opt_duration(a.map(|a| a.median_ms), &crate::tr!(t, "kpi-none")),
            opt_duration(a.map(|a| a.p90_ms), &crate::tr!(t, "kpi-none")),
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
            &format!("  {}: {}", crate::tr!(t, "kpi-over-runs"), worst.join(", ")),
            WIDTH,
        ));
    }
    for line in textwrap_plain(
        &crate::tr!(t, "kpi-steps-note", count = MIN_SAMPLES),
        WIDTH - 2,
    ) {
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

fn history(p: &ProcedureKpi, t: crate::i18n::Lang) -> Vec<String> {
    use Align::{Left, Right};
    let mut out = vec![format!("  {}", crate::tr!(t, "kpi-history-title"))];
    let mut c = Columns::new(
        &[
            crate::tr!(t, "kpi-col-date").to_uppercase(),
            crate::tr!(t, "kpi-col-operator").to_uppercase(),
            crate::tr!(t, "kpi-col-duration").to_uppercase(),
            crate::tr!(t, "kpi-col-result"),
            crate::tr!(t, "kpi-col-notes").to_uppercase(),
        ],
        &[Left, Left, Right, Left, Left],
    );
    for h in &p.history {
        let notes = notes_line(h, t);
        c.push(vec![
            minute_no_offset(h.started, &Local),
            abridge(&h.operator, 16),
            format_ms(h.duration_ms),
            h.status.word(t).to_string(),
            notes,
        ]);
    }
    out.extend(c.render("  ", WIDTH));
    out
}
