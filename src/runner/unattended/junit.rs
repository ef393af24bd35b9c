//! The JUnit XML of an unattended run, for CI systems: one test suite (the
//! procedure), one test case per step. A failed step carries its exit code
//! and the tail of its output (already redacted); a step that did not run
//! is skipped. The run id, the procedure and the outcome are properties.
//! Serialized by `quick-junit` (the format nextest writes), which escapes
//! the text and drops what XML cannot hold.

use super::results::{TestReport, Verdict};
use crate::i18n::Lang;
use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};
use std::time::Duration;

pub fn render(r: &TestReport, lang: Lang) -> Result<String, String> {
    let mut suite = TestSuite::new(format!("{} — {}", r.procedure_id, r.procedure_title));
    suite.set_timestamp(r.started.fixed_offset());
    suite.set_time(Duration::from_millis(r.duration_ms));
    let outcome = super::summary::outcome_name(r.outcome);
    suite.add_properties([
        Property::new("pasos.run_id", r.run_id.as_str()),
        Property::new("pasos.procedure", r.procedure_id.as_str()),
        Property::new("pasos.version", r.version.as_str()),
        Property::new("pasos.outcome", outcome),
        Property::new("pasos.journal", r.journal.as_str()),
    ]);
    if let Some(env) = &r.environment {
        suite.add_property(Property::new("pasos.environment", env.as_str()));
    }
    for s in &r.steps {
        let status = match &s.verdict {
            Verdict::Passed { .. } => TestCaseStatus::success(),
            Verdict::Failed {
                exit_code,
                cause,
                output,
            } => {
                let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
                let message = match exit_code {
                    Some(code) => crate::tr!(
                        lang,
                        "unattended-junit-failed-exit",
                        code = *code,
                        cause = cause.as_str()
                    ),
                    None => crate::tr!(lang, "unattended-junit-failed", cause = cause.as_str()),
                };
                st.set_message(message);
                st.set_type(match exit_code {
                    Some(_) => "exit-code",
                    None => "validation",
                });
                st.set_description(output.as_str());
                st
            }
            Verdict::NotRun => {
                let mut st = TestCaseStatus::skipped();
                st.set_message(crate::tr!(lang, "unattended-junit-not-run"));
                st
            }
            Verdict::LeftOut { by_condition } => {
                let mut st = TestCaseStatus::skipped();
                st.set_message(super::results::left_out(lang, *by_condition));
                st.set_type(if *by_condition {
                    "condition-no"
                } else {
                    "not-chosen"
                });
                st
            }
            Verdict::Skipped { why } => {
                let mut st = TestCaseStatus::skipped();
                st.set_message(why.as_str());
                st
            }
        };
        let mut case = TestCase::new(format!("{} — {}", s.name, s.title), status);
        case.set_classname(format!("{}.{}", r.procedure_id, s.group));
        case.set_time(Duration::from_millis(s.duration_ms));
        if let Verdict::Passed { rolled_back: true } = s.verdict {
            case.add_property(Property::new("pasos.rolled_back", "true"));
        }
        suite.add_test_case(case);
    }
    let mut report = Report::new("pasos");
    report.set_timestamp(r.started.fixed_offset());
    report.set_time(Duration::from_millis(r.duration_ms));
    report.add_test_suite(suite);
    report.to_string().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::RunOutcome;
    use crate::runner::unattended::StepResult;

    #[test]
    fn failures_carry_the_code_and_escaped_output_and_unrun_steps_are_skipped() {
        let step = |id: &str, verdict: Verdict| StepResult {
            id: id.into(),
            name: id.into(),
            title: "A <b> & \"c\"".into(),
            group: "deploy".into(),
            verdict,
            duration_ms: 1234,
        };
        let r = TestReport {
            run_id: "20261206T101010000Z-abcd".into(),
            procedure_id: "PROC-X".into(),
            procedure_title: "X & Y".into(),
            version: "1.0.0".into(),
            environment: None,
            outcome: Some(RunOutcome::Failed),
            started: chrono::DateTime::UNIX_EPOCH,
            duration_ms: 5000,
            journal: "j.jsonl".into(),
            steps: vec![
                step("1", Verdict::Passed { rolled_back: false }),
                step(
                    "2",
                    Verdict::Failed {
                        exit_code: Some(7),
                        cause: "exit 7".into(),
                        output: "</failure>\u{1b}[31mred\u{7}\n".into(),
                    },
                ),
                step("3", Verdict::NotRun),
            ],
        };
        let xml = render(&r, Lang::En).expect("serializes");
        assert!(xml.contains("tests=\"3\""), "{xml}");
        assert!(xml.contains("failures=\"1\""), "{xml}");
        assert!(xml.contains("skipped=\"1\""), "{xml}");
        assert!(xml.contains("&lt;/failure&gt;red"), "{xml}");
        assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}'), "{xml}");
        assert!(xml.contains("A &lt;b&gt; &amp; "), "{xml}");
        assert!(xml.contains("name=\"pasos.run_id\" value=\"20261206T101010000Z-abcd\""));
        assert!(xml.contains('7'));
    }
}
