//! Alternatives become a `choice` and conditional steps a `condition`
//! (the format of `docs/procedure-format.md`): two or more steps in a row
//! labelled `Option A`, `Opción B`, `A.`, `Método 2` are the options of
//! one choice, so the operator picks one and only it runs; a step titled
//! `(si es necesario)`, `solo si…`, `si falla…`, `if needed`, `(optional)`
//! gets a question asked before it runs, and "no" is not a deviation.
//! Runs over the finished procedure, where step ids are final.

use super::alternative;
use super::report::Risks;
use crate::procedure::model::{Choice, ChoiceOption, Procedure, Step, StepRollback};
use std::collections::HashSet;

/// Applies both to every phase and to the full rollback.
pub fn apply(p: &mut Procedure, risks: &mut Risks) {
    let mut ids: HashSet<String> = p.all_steps().map(|s| s.id.clone()).collect();
    let lists = p
        .phases
        .iter_mut()
        .map(|ph| &mut ph.steps)
        .chain(std::iter::once(&mut p.rollback.steps));
    for steps in lists {
        choices(steps, &mut ids, risks);
        conditions(steps, risks);
    }
}

/// The label of an alternative, from the part of the title after the
/// parent step's (`Revertir — Option A: Helm`).
fn label(title: &str) -> Option<String> {
    let last = title.rsplit(" — ").next().unwrap_or(title);
    alternative::label(last)
}

/// The parent's title when the alternatives came from under one step
/// heading (`Revertir — Option A`, `Revertir — Option B`).
fn common_parent(steps: &[Step]) -> Option<&str> {
    let first = steps.first()?.title.rsplit_once(" — ")?.0;
    steps
        .iter()
        .all(|s| s.title.rsplit_once(" — ").is_some_and(|(p, _)| p == first))
        .then_some(first)
}

fn choices(steps: &mut Vec<Step>, ids: &mut HashSet<String>, risks: &mut Risks) {
    let labels: Vec<Option<String>> = steps.iter().map(|s| label(&s.title)).collect();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let mut j = i;
        while j < steps.len() && labels[j].is_some() && steps[j].choice.is_none() {
            j += 1;
        }
        if j - i >= 2 {
            runs.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    // From the end, so inserting a choice step keeps earlier indexes.
    for (i, j) in runs.into_iter().rev() {
        let parent = common_parent(&steps[i..j]).map(str::to_string);
        let options = options(&steps[i..j], &labels[i..j]);
        let question = match &parent {
            Some(t) => format!("¿Cómo se hace «{t}»?"),
            None => "¿Qué alternativa se aplica?".to_string(),
        };
        let listed: Vec<String> = steps[i..j].iter().map(|s| s.id.clone()).collect();
        // The step the alternatives came from asks the question itself
        // when it has nothing to run; otherwise a choice step comes first.
        let host = i
            .checked_sub(1)
            .filter(|&h| parent.as_deref() == Some(steps[h].title.as_str()) && can_host(&steps[h]));
        let choice_id = match host {
            Some(h) => {
                let s = &mut steps[h];
                s.manual = false;
                s.choice = Some(Choice {
                    question,
                    options,
                    span: 0..0,
                });
                s.id.clone()
            }
            None => {
                let id = fresh_id(&steps[i].id, ids);
                let title = parent
                    .clone()
                    .unwrap_or_else(|| "Elegir una alternativa".into());
                steps.insert(
                    i,
                    Step {
                        id: id.clone(),
                        title,
                        choice: Some(Choice {
                            question,
                            options,
                            span: 0..0,
                        }),
                        rollback: StepRollback::None,
                        ..Step::default()
                    },
                );
                id
            }
        };
        risks.choices.push(crate::msg!(
            "import-risk-alternatives",
            steps = listed.join(", "),
            choice = choice_id.clone()
        ));
    }
}

/// A step may carry the choice when it has no commands, no validation and
/// no condition of its own.
fn can_host(s: &Step) -> bool {
    s.commands.is_empty() && s.validation.is_none() && s.condition.is_none() && s.choice.is_none()
}

fn options(steps: &[Step], labels: &[Option<String>]) -> Vec<ChoiceOption> {
    let mut used: HashSet<String> = HashSet::new();
    steps
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(n, (s, l))| {
            let base = l.as_deref().unwrap_or("x").to_lowercase();
            let id = if used.insert(base.clone()) {
                base
            } else {
                let id = format!("{base}{}", n + 1);
                used.insert(id.clone());
                id
            };
            let title = s.title.rsplit(" — ").next().unwrap_or(&s.title).to_string();
            ChoiceOption {
                id,
                title,
                steps: vec![s.id.clone()],
                span: 0..0,
            }
        })
        .collect()
}

/// An id no step has: `4-elegir`, `4-elegir-2`, ...
fn fresh_id(near: &str, ids: &mut HashSet<String>) -> String {
    let base = format!("{near}-elegir");
    let mut id = base.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn conditions(steps: &mut [Step], risks: &mut Risks) {
    for s in steps.iter_mut() {
        if s.choice.is_some() || s.condition.is_some() || !alternative::is_conditional(&s.title) {
            continue;
        }
        s.condition = Some(format!("¿Hay que hacer «{}»?", s.title.trim()));
        risks.choices.push(crate::msg!(
            "import-risk-condition",
            step = s.id.clone(),
            title = s.title.clone()
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::keyword::PhaseKind;
    use crate::procedure::model::{Command, Phase};

    fn step(id: &str, title: &str, run: Option<&str>) -> Step {
        Step {
            id: id.into(),
            title: title.into(),
            commands: run
                .map(|r| {
                    vec![Command {
                        run: r.into(),
                        ..Command::default()
                    }]
                })
                .unwrap_or_default(),
            manual: run.is_none(),
            ..Step::default()
        }
    }

    fn procedure(steps: Vec<Step>) -> Procedure {
        let mut p = Procedure::default();
        p.phases.push(Phase {
            id: "f".into(),
            kind: PhaseKind::Execution,
            title: "F".into(),
            budget: None,
            steps,
            span: 0..0,
        });
        p
    }

    #[test]
    fn alternatives_under_a_step_make_that_step_a_choice() {
        let mut p = procedure(vec![
            step("4", "Revertir", None),
            step(
                "4a",
                "Revertir — Option A: Helm",
                Some("helm rollback app 0"),
            ),
            step(
                "4b",
                "Revertir — Option B: kubectl",
                Some("kubectl rollout undo deploy/app"),
            ),
            step("5", "Verificar", Some("curl -f x")),
        ]);
        let mut risks = Risks::default();
        apply(&mut p, &mut risks);
        let steps = &p.phases[0].steps;
        assert_eq!(steps.len(), 4);
        let c = steps[0].choice.as_ref().expect("choice");
        assert_eq!(c.question, "¿Cómo se hace «Revertir»?");
        let ids: Vec<(&str, &str, &[String])> = c
            .options
            .iter()
            .map(|o| (o.id.as_str(), o.title.as_str(), o.steps.as_slice()))
            .collect();
        assert_eq!(
            ids,
            [
                ("a", "Option A: Helm", &["4a".to_string()][..]),
                ("b", "Option B: kubectl", &["4b".to_string()][..])
            ]
        );
        assert!(!steps[0].manual);
        assert!(!steps[1].confirm, "an option no longer asks by itself");
        assert_eq!(risks.choices.len(), 1);
        let said = risks.choices[0].render(crate::i18n::Lang::En);
        assert!(said.contains("step 4 asks"), "{said}");
        let dicho = risks.choices[0].render(crate::i18n::Lang::Es);
        assert!(dicho.contains("el paso 4 pregunta"), "{dicho}");
    }

    #[test]
    fn a_parent_with_commands_gets_a_choice_step_after_it() {
        let mut p = procedure(vec![
            step("1", "Preparar", Some("make prep")),
            step("2", "Option A: Helm", Some("helm rollback app 0")),
            step(
                "3",
                "Option B: kubectl",
                Some("kubectl rollout undo deploy/app"),
            ),
        ]);
        let mut risks = Risks::default();
        apply(&mut p, &mut risks);
        let steps = &p.phases[0].steps;
        assert_eq!(steps.len(), 4);
        assert_eq!(steps[1].id, "2-elegir");
        assert_eq!(steps[1].title, "Elegir una alternativa");
        assert!(steps[1].commands.is_empty());
        let c = steps[1].choice.as_ref().expect("choice");
        assert_eq!(c.question, "¿Qué alternativa se aplica?");
        assert_eq!(c.options[1].steps, ["3"]);
        assert!(steps[0].choice.is_none());
    }

    #[test]
    fn one_alternative_alone_is_no_choice() {
        let mut p = procedure(vec![
            step("1", "Option A: Helm", Some("helm rollback app 0")),
            step("2", "Verificar", Some("curl -f x")),
        ]);
        let mut risks = Risks::default();
        apply(&mut p, &mut risks);
        assert!(p.all_steps().all(|s| s.choice.is_none()));
        assert!(risks.choices.is_empty());
    }

    #[test]
    fn repeated_labels_get_distinct_option_ids() {
        let steps = [
            step("1", "Option A: x", Some("x")),
            step("2", "Opción A: y", Some("y")),
        ];
        let labels: Vec<_> = steps.iter().map(|s| label(&s.title)).collect();
        let o = options(&steps, &labels);
        assert_eq!(o[0].id, "a");
        assert_eq!(o[1].id, "a2");
    }

    #[test]
    fn conditional_titles_get_a_condition() {
        let mut p = procedure(vec![
            step(
                "1",
                "Terminar conexiones (Si es necesario)",
                Some("psql -c x"),
            ),
            step("2", "Enable debug logs (optional)", None),
            step("3", "Parar la app", Some("systemctl stop app")),
        ]);
        p.rollback.steps.push(step(
            "R1",
            "Si falla, restaurar el backup",
            Some("./restore.sh"),
        ));
        let mut risks = Risks::default();
        apply(&mut p, &mut risks);
        let s = &p.phases[0].steps;
        assert_eq!(
            s[0].condition.as_deref(),
            Some("¿Hay que hacer «Terminar conexiones (Si es necesario)»?")
        );
        assert!(s[1].condition.is_some());
        assert!(s[2].condition.is_none());
        assert!(p.rollback.steps[0].condition.is_some());
        assert_eq!(risks.choices.len(), 3);
    }

    #[test]
    fn fresh_ids_never_collide() {
        let mut ids: HashSet<String> = ["4-elegir".to_string()].into_iter().collect();
        assert_eq!(fresh_id("4", &mut ids), "4-elegir-2");
        assert_eq!(fresh_id("5", &mut ids), "5-elegir");
    }
}
