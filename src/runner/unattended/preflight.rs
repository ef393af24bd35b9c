//! What an unattended run refuses before it starts (exit code 2, nothing
//! run, no journal): every question the run would ask must be answered by
//! a flag, every variable must have a value, and every flag must name
//! something the procedure asks.

use super::approvals::OnFile;
use super::flags::{Flags, PREREQUISITES};
use crate::i18n::Lang;
use crate::procedure::{Criticality, Procedure, Step};

/// One thing the run would have to ask, or a flag that answers nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    /// A step that needs a typed confirmation: `--yes-to ID`.
    Confirm { step: String, title: String },
    /// A step without commands, checked off by hand: `--yes-to ID`.
    Manual { step: String, title: String },
    /// A step whose command expects someone at the keyboard: no flag can
    /// answer it.
    Interactive { step: String, title: String },
    /// Prerequisites without a check command: `--yes-to prerequisites`.
    Prerequisites { count: usize },
    /// A variable with no value and no default: `PASOS_VAR_<NAME>`.
    Variable { name: String },
    /// A value that does not match the variable's pattern.
    BadValue { name: String, pattern: String },
    /// A flag names no step (or no question) of the procedure.
    UnknownId { flag: &'static str, id: String },
    /// A choice: `--answer ID=OPTION`.
    Choice {
        step: String,
        question: String,
        options: Vec<String>,
    },
    /// A condition: `--answer ID=yes|no`.
    Condition { step: String, question: String },
    /// `--answer` names an option the choice does not have.
    BadOption {
        step: String,
        given: String,
        options: Vec<String>,
    },
    /// `--answer` for a condition is neither yes nor no.
    BadCondition { step: String, given: String },
    /// `--answer` for a step that asks no question.
    NotAQuestion { step: String },
    /// Roles that must approve (the procedure itself when `step` is
    /// `None`) and no window approval on file covers: nobody can be
    /// waited for in an unattended run.
    Approval {
        step: Option<String>,
        roles: Vec<String>,
    },
}

/// Whether a procedure step needs a typed confirmation in this run, by the
/// engine's rule (its own `confirm`, or any step of a critical procedure
/// in production).
fn needs_confirmation(p: &Procedure, environment: Option<&str>, step: &Step) -> bool {
    let critical_prod = p.meta.criticality == Some(Criticality::Critical)
        && environment.is_some_and(crate::procedure::is_production_name);
    step.confirm || critical_prod
}

/// Everything the run would ask that the flags leave unanswered, in the
/// procedure's order. `values` are the variables given before the start
/// (`--var`, `--var-file`, `PASOS_VAR_*`).
pub fn check(
    p: &Procedure,
    flags: &Flags,
    values: &[(String, zeroize::Zeroizing<String>)],
    environment: Option<&str>,
    approved: &[OnFile],
) -> Vec<Need> {
    let mut needs = Vec::new();
    let uncovered = |step: Option<&str>, roles: &[String]| -> Vec<String> {
        roles
            .iter()
            .filter(|r| {
                !approved
                    .iter()
                    .any(|a| a.step.as_deref() == step && a.role == **r)
            })
            .cloned()
            .collect()
    };
    let roles = uncovered(None, &p.meta.approval);
    if !roles.is_empty() {
        needs.push(Need::Approval { step: None, roles });
    }
    for v in &p.variables {
        let given = values.iter().find(|(n, _)| *n == v.name).map(|(_, x)| x);
        let value =
            given
                .map(|x| x.as_str())
                .or(if v.secret { None } else { v.default.as_deref() });
        match (value, &v.pattern) {
            (None, _) => needs.push(Need::Variable {
                name: v.name.clone(),
            }),
            (Some(x), Some(pat)) if !regex::Regex::new(pat).is_ok_and(|re| re.is_match(x)) => needs
                .push(Need::BadValue {
                    name: v.name.clone(),
                    pattern: pat.clone(),
                }),
            _ => {}
        }
    }
    let unchecked = p
        .prerequisites
        .iter()
        .flat_map(|g| &g.items)
        .filter(|i| i.check.is_none())
        .count();
    if unchecked > 0 && !flags.yes(PREREQUISITES) {
        needs.push(Need::Prerequisites { count: unchecked });
    }
    let forward = p.phases.iter().flat_map(|ph| &ph.steps);
    let rollback = p
        .rollback
        .steps
        .iter()
        .filter(|_| flags.rollback_on_failure);
    // Steps the answers leave out: other options of a choice, a condition
    // answered no. Nothing about them needs answering.
    let mut left_out: Vec<String> = Vec::new();
    for step in forward.clone().chain(p.rollback.steps.iter()) {
        if let (Some(choice), Some(picked)) = (&step.choice, flags.answer(&step.id))
            && choice.option(picked).is_some()
        {
            left_out.extend(choice.not_chosen(picked));
        }
        if step.condition.is_some() && flags.condition(&step.id) == Some(false) {
            left_out.push(step.id.clone());
        }
    }
    for step in forward.clone().chain(rollback.clone()) {
        let (id, title) = (step.id.clone(), step.title.clone());
        if left_out.contains(&id) {
            continue;
        }
        if let Some(choice) = &step.choice {
            let options: Vec<String> = choice.options.iter().map(|o| o.id.clone()).collect();
            match flags.answer(&id) {
                None => needs.push(Need::Choice {
                    step: id,
                    question: choice.question.clone(),
                    options,
                }),
                Some(given) if choice.option(given).is_none() => needs.push(Need::BadOption {
                    step: id,
                    given: given.to_string(),
                    options,
                }),
                Some(_) => {}
            }
            // A choice step runs nothing of its own.
            continue;
        }
        if let Some(question) = &step.condition {
            match flags.answer(&id) {
                None => needs.push(Need::Condition {
                    step: id.clone(),
                    question: question.clone(),
                }),
                Some(given) if flags.condition(&id).is_none() => needs.push(Need::BadCondition {
                    step: id.clone(),
                    given: given.to_string(),
                }),
                Some(_) => {}
            }
        }
        let roles = uncovered(Some(&id), &step.approval);
        if !roles.is_empty() {
            needs.push(Need::Approval {
                step: Some(id.clone()),
                roles,
            });
        }
        if step.commands.iter().any(|c| c.interactive) {
            needs.push(Need::Interactive { step: id, title });
        } else if step.commands.is_empty() && !flags.yes(&step.id) {
            needs.push(Need::Manual { step: id, title });
        } else if needs_confirmation(p, environment, step) && !flags.yes(&step.id) {
            needs.push(Need::Confirm { step: id, title });
        }
    }
    let known = |id: &str| {
        forward
            .clone()
            .chain(p.rollback.steps.iter())
            .any(|s| s.id == id)
    };
    for id in &flags.yes_to {
        if id != PREREQUISITES && !known(id) {
            needs.push(Need::UnknownId {
                flag: "--yes-to",
                id: id.clone(),
            });
        }
    }
    for id in flags.answers.keys() {
        if !known(id) {
            needs.push(Need::UnknownId {
                flag: "--answer",
                id: id.clone(),
            });
        } else if p
            .step(id)
            .is_some_and(|s| s.choice.is_none() && s.condition.is_none())
        {
            needs.push(Need::NotAQuestion { step: id.clone() });
        }
    }
    needs
}

/// The refusal, in the operator's language: one line per need, each
/// naming the flag that answers it. `procedure` is the procedure's id.
pub fn describe(lang: Lang, needs: &[Need], procedure: &str) -> String {
    let mut out = crate::tr!(lang, "unattended-refused", count = needs.len());
    for n in needs {
        let line = match n {
            Need::Confirm { step, title } => crate::tr!(
                lang,
                "unattended-need-confirm",
                step = step.as_str(),
                title = title.as_str()
            ),
            Need::Manual { step, title } => crate::tr!(
                lang,
                "unattended-need-manual",
                step = step.as_str(),
                title = title.as_str()
            ),
            Need::Interactive { step, title } => crate::tr!(
                lang,
                "unattended-need-interactive",
                step = step.as_str(),
                title = title.as_str()
            ),
            Need::Prerequisites { count } => {
                crate::tr!(lang, "unattended-need-prerequisites", count = *count)
            }
            Need::Variable { name } => {
                crate::tr!(lang, "unattended-need-variable", name = name.as_str())
            }
            Need::BadValue { name, pattern } => crate::tr!(
                lang,
                "unattended-need-bad-value",
                name = name.as_str(),
                pattern = pattern.as_str()
            ),
            Need::UnknownId { flag, id } => crate::tr!(
                lang,
                "unattended-need-unknown-id",
                flag = *flag,
                id = id.as_str()
            ),
            Need::Choice {
                step,
                question,
                options,
            } => crate::tr!(
                lang,
                "unattended-need-choice",
                step = step.as_str(),
                question = question.as_str(),
                options = options.join(", "),
                example = options.first().map(String::as_str).unwrap_or("")
            ),
            Need::Condition { step, question } => crate::tr!(
                lang,
                "unattended-need-condition",
                step = step.as_str(),
                question = question.as_str()
            ),
            Need::BadOption {
                step,
                given,
                options,
            } => crate::tr!(
                lang,
                "unattended-need-bad-option",
                step = step.as_str(),
                given = given.as_str(),
                options = options.join(", ")
            ),
            Need::BadCondition { step, given } => crate::tr!(
                lang,
                "unattended-need-bad-condition",
                step = step.as_str(),
                given = given.as_str()
            ),
            Need::NotAQuestion { step } => {
                crate::tr!(lang, "unattended-need-not-a-question", step = step.as_str())
            }
            Need::Approval {
                step: Some(step),
                roles,
            } => crate::tr!(
                lang,
                "unattended-need-step-approval",
                step = step.as_str(),
                roles = roles.join(", "),
                procedure = procedure
            ),
            Need::Approval { step: None, roles } => crate::tr!(
                lang,
                "unattended-need-run-approval",
                roles = roles.join(", "),
                procedure = procedure
            ),
        };
        out.push_str("\n  - ");
        out.push_str(&line);
    }
    out.push('\n');
    out.push_str(&crate::tr!(lang, "unattended-refused-nothing-run"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use zeroize::Zeroizing;

    fn demo() -> Procedure {
        crate::procedure::load_str(include_str!("../../../procedures/demo.toml"))
            .procedure
            .expect("the demo loads")
    }

    fn token() -> Vec<(String, Zeroizing<String>)> {
        vec![(
            "NOTIFY_TOKEN".to_string(),
            Zeroizing::new("tok-0123456789abcdef".to_string()),
        )]
    }

    fn flags(yes: &[&str], answers: &[&str], rollback: bool) -> Flags {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Flags::parse(&s(answers), &s(yes), rollback, Lang::En).expect("flags")
    }

    #[test]
    fn the_demo_needs_its_confirmation_prerequisites_and_secret() {
        let needs = check(&demo(), &Flags::default(), &[], Some("demo"), &[]);
        assert_eq!(
            needs,
            vec![
                Need::Variable {
                    name: "NOTIFY_TOKEN".into()
                },
                Need::Prerequisites { count: 1 },
                Need::Confirm {
                    step: "3".into(),
                    title: "Deploy version 2.0.0".into()
                },
            ]
        );
        let text = describe(Lang::En, &needs, "PROC-DEMO-001");
        assert!(text.contains("--yes-to 3"), "{text}");
        assert!(text.contains("--yes-to prerequisites"), "{text}");
        assert!(text.contains("PASOS_VAR_NOTIFY_TOKEN"), "{text}");
    }

    #[test]
    fn answered_by_flags_nothing_is_left() {
        let f = flags(&["3", "prerequisites"], &[], true);
        assert_eq!(check(&demo(), &f, &token(), Some("demo"), &[]), vec![]);
    }

    #[test]
    fn flags_for_unknown_steps_and_bad_values_are_refused() {
        let f = flags(&["3", "prerequisites", "33"], &["nope=yes"], false);
        let mut values = token();
        values.push(("WORKDIR".into(), Zeroizing::new("/var/lib".into())));
        let needs = check(&demo(), &f, &values, None, &[]);
        assert_eq!(
            needs,
            vec![
                Need::BadValue {
                    name: "WORKDIR".into(),
                    pattern: "^/tmp/".into()
                },
                Need::UnknownId {
                    flag: "--yes-to",
                    id: "33".into()
                },
                Need::UnknownId {
                    flag: "--answer",
                    id: "nope".into()
                },
            ]
        );
        let es = describe(Lang::Es, &needs, "PROC-DEMO-001");
        assert!(es.contains("--answer") && es.contains("nope"), "{es}");
    }

    #[test]
    fn critical_procedures_in_production_confirm_every_step() {
        let mut p = demo();
        p.meta.criticality = Some(Criticality::Critical);
        let f = flags(&["prerequisites", "3"], &[], false);
        let needs = check(&p, &f, &token(), Some("production"), &[]);
        let steps: Vec<&str> = needs
            .iter()
            .filter_map(|n| match n {
                Need::Confirm { step, .. } => Some(step.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(steps, ["P1", "P2", "1", "2", "4", "5", "V1", "6"]);
        assert!(check(&p, &f, &token(), Some("staging"), &[]).is_empty());
    }

    #[test]
    fn choices_and_conditions_need_valid_answers_and_leave_steps_out() {
        let p = crate::procedure::load_str(include_str!("../../../procedures/demo-drill.toml"))
            .procedure
            .expect("the drill loads");
        let needs = check(&p, &flags(&["3"], &[], false), &token(), None, &[]);
        assert!(needs.contains(&Need::Condition {
            step: "M1".into(),
            question: "Is the schema migration part of this window?".into()
        }));
        assert!(needs.contains(&Need::Choice {
            step: "6".into(),
            question: "How is the team told?".into(),
            options: vec!["log".into(), "none".into()]
        }));
        assert_eq!(needs.len(), 2, "{needs:?}");
        let answered = flags(&["3"], &["M1=Sí", "6=none"], false);
        assert_eq!(check(&p, &answered, &token(), None, &[]), vec![]);
        // A condition answered no needs nothing else: its confirmation
        // (here step 3's) is not asked.
        let mut p3 = p.clone();
        p3.phases[1].steps[2].condition = Some("Deploy now?".into());
        let no = flags(&[], &["3=no", "M1=no", "6=log"], false);
        assert_eq!(check(&p3, &no, &token(), None, &[]), vec![]);
        let bad = flags(&["3"], &["M1=later", "6=sms", "4=yes"], false);
        assert_eq!(
            check(&p, &bad, &token(), None, &[]),
            vec![
                Need::BadCondition {
                    step: "M1".into(),
                    given: "later".into()
                },
                Need::BadOption {
                    step: "6".into(),
                    given: "sms".into(),
                    options: vec!["log".into(), "none".into()]
                },
                Need::NotAQuestion { step: "4".into() },
            ]
        );
    }

    #[test]
    fn approvals_need_a_window_approval_on_file() {
        let mut p = demo();
        p.meta.approval = vec!["tech-lead".into()];
        p.phases[1].steps[2].approval = vec!["dba".into(), "tech-lead".into()];
        let f = flags(&["3", "prerequisites"], &[], false);
        let needs = check(&p, &f, &token(), None, &[]);
        assert_eq!(
            needs,
            vec![
                Need::Approval {
                    step: None,
                    roles: vec!["tech-lead".into()]
                },
                Need::Approval {
                    step: Some("3".into()),
                    roles: vec!["dba".into(), "tech-lead".into()]
                },
            ]
        );
        let text = describe(Lang::En, &needs, "PROC-DEMO-001");
        assert!(
            text.contains("pasos approve --procedure PROC-DEMO-001 3 --from"),
            "{text}"
        );
        let on_file = |step: Option<&str>, role: &str| OnFile {
            step: step.map(String::from),
            role: role.into(),
        };
        let approved = [
            on_file(None, "tech-lead"),
            on_file(Some("3"), "dba"),
            on_file(Some("3"), "tech-lead"),
        ];
        assert_eq!(check(&p, &f, &token(), None, &approved), vec![]);
        // A window approval of another step does not count.
        let elsewhere = [on_file(None, "tech-lead"), on_file(Some("4"), "dba")];
        assert_eq!(check(&p, &f, &token(), None, &elsewhere).len(), 1);
    }
}
