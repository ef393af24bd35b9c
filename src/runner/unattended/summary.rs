//! The summary an unattended run prints at its end: one line per step
//! (passed, failed, not run, with its time), the counts and the outcome.

use super::results::{TestReport, Verdict};
use crate::i18n::Lang;
use crate::journal::RunOutcome;
use crate::procedure::estimate::format_ms;

pub fn render(r: &TestReport, lang: Lang) -> String {
    let (passed, failed, not_run) = r.counts();
    let mut out = vec![crate::tr!(
        lang,
        "unattended-summary-title",
        procedure = r.procedure_id.as_str(),
        run = r.run_id.as_str()
    )];
    let width = r
        .steps
        .iter()
        .map(|s| s.name.chars().count())
        .max()
        .unwrap_or(0);
    for s in &r.steps {
        let (mark, what) = match &s.verdict {
            Verdict::Passed { rolled_back: false } => ("✓", format_ms(s.duration_ms)),
            Verdict::Passed { rolled_back: true } => (
                "✓",
                format!(
                    "{} · {}",
                    format_ms(s.duration_ms),
                    crate::tr!(lang, "unattended-summary-undone")
                ),
            ),
            Verdict::Failed { exit_code, .. } => (
                "✗",
                match exit_code {
                    Some(code) => format!(
                        "{} · {}",
                        format_ms(s.duration_ms),
                        crate::tr!(lang, "unattended-summary-exit", code = *code)
                    ),
                    None => format_ms(s.duration_ms),
                },
            ),
            Verdict::NotRun => ("-", crate::tr!(lang, "unattended-summary-not-run")),
            Verdict::LeftOut { by_condition } => {
                ("-", super::results::left_out(lang, *by_condition))
            }
            Verdict::Skipped { .. } => ("-", crate::tr!(lang, "unattended-summary-skipped")),
        };
        out.push(format!(
            "  {mark} {:<width$}  {}  ({what})",
            s.name,
            s.title,
            width = width
        ));
    }
    out.push(crate::tr!(
        lang,
        "unattended-summary-counts",
        passed = passed,
        failed = failed,
        skipped = not_run,
        took = format_ms(r.duration_ms)
    ));
    let outcome = outcome_name(r.outcome);
    out.push(crate::tr!(
        lang,
        "unattended-summary-outcome",
        outcome = outcome,
        journal = r.journal.as_str()
    ));
    out.join("\n")
}

/// The outcome as the journal names it (`rolled-back`), `interrupted`
/// when the run did not finish.
pub fn outcome_name(o: Option<RunOutcome>) -> &'static str {
    match o {
        Some(RunOutcome::Success) => "success",
        Some(RunOutcome::Failed) => "failed",
        Some(RunOutcome::RolledBack) => "rolled-back",
        Some(RunOutcome::Aborted) => "aborted",
        None => "interrupted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::unattended::StepResult;

    fn report() -> TestReport {
        let step = |id: &str, verdict: Verdict, ms: u64| StepResult {
            id: id.into(),
            name: id.into(),
            title: format!("Step {id}"),
            group: "deploy".into(),
            verdict,
            duration_ms: ms,
        };
        TestReport {
            run_id: "20261206T101010000Z-abcd".into(),
            procedure_id: "PROC-X".into(),
            procedure_title: "X".into(),
            version: "1.0.0".into(),
            environment: Some("staging".into()),
            outcome: Some(RunOutcome::RolledBack),
            started: chrono::DateTime::UNIX_EPOCH,
            duration_ms: 12_300,
            journal: "/data/runs/x.jsonl".into(),
            steps: vec![
                step("1", Verdict::Passed { rolled_back: true }, 1500),
                step(
                    "2",
                    Verdict::Failed {
                        exit_code: Some(3),
                        cause: "exit 3".into(),
                        output: "boom".into(),
                    },
                    200,
                ),
                step("3", Verdict::NotRun, 0),
            ],
        }
    }

    #[test]
    fn one_line_per_step_then_counts_and_outcome() {
        let en = render(&report(), Lang::En);
        let lines: Vec<&str> = en.lines().collect();
        assert_eq!(lines.len(), 6, "{en}");
        assert!(lines[1].starts_with("  ✓ 1  Step 1"), "{en}");
        assert!(lines[2].contains("✗ 2") && lines[2].contains('3'), "{en}");
        assert!(lines[3].contains("- 3"), "{en}");
        assert!(lines[4].contains('1') && lines[4].contains("12s"), "{en}");
        assert!(lines[5].contains("/data/runs/x.jsonl"), "{en}");
        let es = render(&report(), Lang::Es);
        assert_ne!(en, es);
    }
}
