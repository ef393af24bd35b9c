//! The KPI screen: one procedure's figures, the overall ones, the duration
//! of every execution over time, the outcomes, and each step's actual
//! median against its estimate with a suggested new one.

use crate::history::kpi::{DurationStats, ProcedureKpi, StepKpi};
use crate::history::local_time::minute_no_offset;
use crate::procedure::estimate::{format_ms, format_secs};
use crate::tui::review::app::ReviewApp;
use crate::tui::review::kpi::KpiView;
use crate::tui::view::style::{Look, cell, fit};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

fn opt_dur(ms: Option<u64>) -> String {
    ms.map(format_ms).unwrap_or_else(|| "-".into())
}

fn percent(r: Option<f64>) -> String {
    r.map(|r| format!("{:.0}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

pub fn draw(f: &mut Frame, area: Rect, app: &ReviewApp, k: &KpiView, look: &Look) {
    let t = app.t();
    let w = area.width as usize;
    let Some(p) = k.current() else {
        let lines = vec![
            Line::styled(crate::tr!(t, "review-kpi-title"), look.title()),
            Line::raw(""),
            Line::raw(crate::tr!(t, "review-no-kpis")),
        ];
        f.render_widget(Paragraph::new(lines), area);
        return;
    };
    let mut text = figures(t, k, p, w, look);
    let narrow = area.width < 100;
    if narrow {
        text.push(Line::raw(fit(&outcomes_line(app, p), w)));
    }
    let [top, charts, steps] = Layout::vertical([
        Constraint::Length(text.len() as u16),
        Constraint::Length(5),
        Constraint::Min(3),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(text), top);
    if narrow {
        durations(f, charts, t, p, look);
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(charts);
        durations(f, left, t, p, look);
        outcomes(f, right, app, p, look);
    }
    steps_table(f, steps, t, k, p, look);
}

fn figures(
    t: crate::i18n::Lang,
    k: &KpiView,
    p: &ProcedureKpi,
    w: usize,
    look: &Look,
) -> Vec<Line<'static>> {
    let g = &k.kpis.global;
    let fig = &p.figures;
    let d = fig.duration.as_ref();
    let last = fig
        .last_execution
        .map(|t| minute_no_offset(t, &chrono::Local))
        .unwrap_or_else(|| "-".into());
    let of = format!(
        "  ·  {}",
        crate::tr!(
            t,
            "review-kpi-of",
            shown = (k.procedure + 1).to_string(),
            total = k.kpis.procedures.len().to_string()
        )
    );
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                fit(
                    &format!(
                        "{} — {} — {}",
                        crate::tr!(t, "review-kpi-title"),
                        p.procedure_id,
                        p.title
                    ),
                    w.saturating_sub(of.chars().count()),
                ),
                look.title(),
            ),
            Span::raw(of),
        ]),
        Line::raw(fit(
            &{
                let mut line = crate::tr!(
                    t,
                    "review-executions-line",
                    executions = fig.executions.to_string(),
                    finished = fig.finished.to_string(),
                    rehearsals = fig.rehearsals.to_string(),
                    last = last.to_string()
                );
                if fig.tests > 0 {
                    line.push_str(" · ");
                    line.push_str(&crate::tr!(t, "unattended-kpi-tests", count = fig.tests));
                }
                line
            },
            w,
        )),
        Line::raw(fit(
            &crate::tr!(
                t,
                "review-success-line",
                rate = percent(fig.success_rate).to_string(),
                successes = fig.successes.to_string(),
                finished = fig.finished.to_string(),
                rolled_back = fig.rollbacks.to_string(),
                rollback_avg = opt_dur(fig.rollback_avg_ms).to_string(),
                deviations = fig.deviations.to_string()
            ),
            w,
        )),
        Line::raw(fit(
            &crate::tr!(
                t,
                "review-duration-line",
                mean = opt_dur(d.map(|d| d.avg_ms)).to_string(),
                median = opt_dur(d.map(|d| d.median_ms)).to_string(),
                min = opt_dur(d.map(|d| d.min_ms)).to_string(),
                max = opt_dur(d.map(|d| d.max_ms)).to_string()
            ),
            w,
        )),
        Line::styled(
            fit(
                &crate::tr!(
                    t,
                    "review-global-line",
                    procedures = g.procedures_run.to_string(),
                    executions = g.executions.to_string(),
                    rate = percent(g.success_rate).to_string(),
                    rolled_back = percent(g.rollback_share).to_string(),
                    mttr = opt_dur(g.mttr_ms).to_string(),
                    incidents = g.mttr_samples.to_string()
                ),
                w,
            ),
            look.dim(),
        ),
    ];
    if p.versions.len() > 1 {
        let items: Vec<String> = p
            .versions
            .iter()
            .map(|v| {
                crate::tr!(
                    t,
                    "review-version-item",
                    version = v.version.to_string(),
                    count = v.figures.executions,
                    rate = percent(v.figures.success_rate).to_string()
                )
            })
            .collect();
        lines.push(Line::raw(fit(
            &format!(
                "{}: {}",
                crate::tr!(t, "review-versions"),
                items.join(" · ")
            ),
            w,
        )));
    }
    if !k.kpis.unverified.is_empty() {
        let ids: Vec<&str> = k
            .kpis
            .unverified
            .iter()
            .map(|u| u.run_id.as_str())
            .collect();
        lines.push(Line::styled(
            fit(
                &crate::tr!(
                    t,
                    "review-unverified-line",
                    count = ids.len(),
                    runs = ids.join(", ").to_string()
                ),
                w,
            ),
            look.alert(),
        ));
    }
    lines
}

fn outcomes_line(app: &ReviewApp, p: &ProcedureKpi) -> String {
    counts(app, p)
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn counts(app: &ReviewApp, p: &ProcedureKpi) -> Vec<(String, usize)> {
    let t = app.t();
    let f = &p.figures;
    use crate::history::RunStatus;
    [
        (RunStatus::SUCCESS, f.successes),
        (RunStatus::FAILED, f.failed),
        (RunStatus::ROLLED_BACK, f.rolled_back),
        (RunStatus::ABORTED, f.aborted),
        (RunStatus::Interrupted, f.interrupted),
        (RunStatus::Open, f.open),
    ]
    .into_iter()
    .map(|(s, n)| (s.word(t), n))
    .collect()
}

/// The duration of each execution, oldest first, as a sparkline whose
/// tallest bar is the longest run.
fn durations(f: &mut Frame, area: Rect, t: crate::i18n::Lang, p: &ProcedureKpi, look: &Look) {
    let [title, chart] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let data: Vec<u64> = p.history.iter().map(|h| h.duration_ms / 1000).collect();
    let max = data.iter().copied().max().unwrap_or(0);
    f.render_widget(
        Paragraph::new(Line::styled(
            fit(
                &crate::tr!(
                    t,
                    "review-chart-durations",
                    longest = format_secs(max).to_string()
                ),
                area.width as usize,
            ),
            look.title(),
        )),
        title,
    );
    // The newest executions when there are more than columns; each one
    // up to three columns wide when there is room.
    let cols = chart.width as usize;
    let from = data.len().saturating_sub(cols);
    let widen = (cols / data.len().max(1)).clamp(1, 3);
    let data: Vec<u64> = data[from..]
        .iter()
        .flat_map(|v| std::iter::repeat_n(*v, widen))
        .collect();
    let bar_set = if look.ascii {
        symbols::bar::Set {
            full: "#",
            seven_eighths: "#",
            three_quarters: "=",
            five_eighths: "=",
            half: "-",
            three_eighths: "-",
            one_quarter: ".",
            one_eighth: ".",
            empty: " ",
        }
    } else {
        symbols::bar::NINE_LEVELS
    };
    f.render_widget(
        Sparkline::default()
            .data(&data)
            .max(max.max(1))
            .bar_set(bar_set)
            .style(look.fg(Color::Cyan)),
        chart,
    );
}

fn outcomes(f: &mut Frame, area: Rect, app: &ReviewApp, p: &ProcedureKpi, look: &Look) {
    let t = app.t();
    let w = area.width as usize;
    let rows = counts(app, p);
    let most = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let label_w = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(6);
    let bar_w = w.saturating_sub(label_w + 6).clamp(4, 30);
    let mut lines = vec![Line::styled(
        crate::tr!(t, "review-chart-outcomes"),
        look.title(),
    )];
    for (name, n) in rows.into_iter().filter(|(_, n)| *n > 0).take(4) {
        let ratio = n as f64 / most as f64;
        let cells = ((ratio * bar_w as f64).round() as usize).max(1);
        let bar = (if look.ascii { "#" } else { "█" }).repeat(cells);
        use crate::history::RunStatus;
        let style = if name == RunStatus::SUCCESS.word(t) {
            look.fg(Color::Green)
        } else if name == RunStatus::FAILED.word(t) || name == RunStatus::ABORTED.word(t) {
            look.fg(Color::Red)
        } else {
            look.fg(Color::Yellow)
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{} ", cell(&name, label_w))),
            Span::styled(bar, style),
            Span::raw(format!(" {n}")),
        ]));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn steps_table(
    f: &mut Frame,
    area: Rect,
    t: crate::i18n::Lang,
    k: &KpiView,
    p: &ProcedureKpi,
    look: &Look,
) {
    let w = area.width as usize;
    let id_w = p
        .steps
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(2)
        .clamp(crate::tr!(t, "review-step").chars().count(), 8);
    // id median p90 estimate bar suggested
    let fixed = id_w + 1 + 7 + 1 + 7 + 1 + 9 + 2 + 1 + 10;
    let bar_w = w.saturating_sub(fixed).clamp(6, 60);
    let scale = p
        .steps
        .iter()
        .map(|s| {
            let actual = s.actual.map(|a| a.p90_ms).unwrap_or(0);
            actual.max(s.estimate_max_ms.unwrap_or(0))
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let mut lines = vec![
        Line::styled(fit(&crate::tr!(t, "review-steps-title"), w), look.title()),
        Line::styled(
            fit(
                &format!(
                    "{} {:>7} {:>7} {:>9}  {} {}",
                    cell(&crate::tr!(t, "review-step"), id_w),
                    crate::tr!(t, "review-col-median"),
                    crate::tr!(t, "review-col-p90"),
                    crate::tr!(t, "review-estimate"),
                    cell("", bar_w),
                    crate::tr!(t, "review-col-suggested")
                ),
                w,
            ),
            look.title(),
        ),
    ];
    let h = (area.height as usize).saturating_sub(lines.len() + 1);
    let first = super::window(k.step_row, h);
    for (i, s) in p.steps.iter().enumerate().skip(first).take(h) {
        let over = s.overrun_ratio.is_some_and(|r| r > 1.0);
        let (median, p90) = match &s.actual {
            Some(DurationStats {
                median_ms, p90_ms, ..
            }) => (format_ms(*median_ms), format_ms(*p90_ms)),
            None => ("-".into(), "-".into()),
        };
        let text = format!(
            "{} {:>7} {:>7} {:>9}  {} {}",
            cell(&s.id, id_w),
            median,
            p90,
            s.estimate.as_deref().unwrap_or("-"),
            step_bar(s, scale, bar_w, look),
            suggested(s)
        );
        let style = if i == k.step_row {
            look.selected()
        } else if over {
            look.fg(Color::Yellow)
        } else {
            Style::default()
        };
        lines.push(Line::styled(fit(&text, w), style));
    }
    if !p.over_runs.is_empty() {
        lines.push(Line::styled(
            fit(
                &crate::tr!(
                    t,
                    "review-over-runs",
                    steps = p.over_runs.join(", ").to_string()
                ),
                w,
            ),
            look.fg(Color::Yellow),
        ));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The median as a filled bar, the estimate's upper end as `|`.
fn step_bar(s: &StepKpi, scale: u64, width: usize, look: &Look) -> String {
    let cells = |ms: u64| ((ms as f64 / scale as f64) * width as f64).round() as usize;
    let filled = s.actual.map(|a| cells(a.median_ms)).unwrap_or(0).min(width);
    let mark = s
        .estimate_max_ms
        .map(|m| cells(m).min(width.saturating_sub(1)));
    let (full, empty) = if look.ascii { ('#', ' ') } else { ('█', ' ') };
    (0..width)
        .map(|i| {
            if Some(i) == mark {
                '|'
            } else if i < filled {
                full
            } else {
                empty
            }
        })
        .collect()
}

fn suggested(s: &StepKpi) -> String {
    match &s.suggestion {
        Some(sg) if sg.proposed => format!("→ {}", sg.estimate),
        Some(_) => "=".into(),
        None => String::new(),
    }
}
