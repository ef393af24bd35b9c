//! The last pass of an import, over every step whatever layout it came
//! from: nothing runs that the author did not mean to run.
//!
//! - [`shape`]: text that is not a shell command (output, `...`, prose,
//!   slash commands, crontab lines, SQL for a prompt) leaves the commands
//!   and is kept as the step's text.
//! - [`placeholder`]: `<x>`, `[X]`, `YOUR_X`, `XXX`, `REPLICAS=n`, prompt
//!   cells become `${NAME}` and a `[[variables]]` entry with a prompt.
//! - destructive commands ([`crate::procedure::danger`]) make the step ask
//!   first (`confirm = true`); commands that never end are `interactive`.

pub mod placeholder;
pub mod shape;

use super::document::Kind;
use super::report::{Gated, Report, Risks};
use super::shell;
use crate::procedure::danger;
use crate::procedure::model::{Command, Procedure, Step, Variable};

/// Applies the pass to every step; what it did goes to `report.risks`.
pub fn apply(p: &mut Procedure, report: &mut Report) {
    let mut risks = std::mem::take(&mut report.risks);
    let mut found: Vec<placeholder::Found> = Vec::new();
    let steps = p
        .phases
        .iter_mut()
        .flat_map(|ph| ph.steps.iter_mut())
        .chain(p.rollback.steps.iter_mut());
    let document = risks.document.unwrap_or(Kind::Procedure);
    for step in steps {
        if document == Kind::Index {
            index_step(step, &mut risks);
        }
        step_pass(step, &mut risks, &mut found);
    }
    for f in found {
        if p.variables.iter().any(|v| v.name == f.name) {
            continue;
        }
        report.guess(
            None,
            crate::msg!("import-target-variable", name = f.name.clone()),
            if f.secret {
                crate::msg!(
                    "import-detail-placeholder-secret",
                    written = f.written.clone()
                )
            } else {
                crate::msg!("import-detail-placeholder", written = f.written.clone())
            },
        );
        risks.placeholders.push(f.written.clone());
        p.variables.push(Variable {
            name: f.name,
            prompt: Some(f.prompt),
            default: None,
            secret: f.secret,
            pattern: None,
            span: 0..0,
        });
    }
    if document == Kind::Reference {
        // Nothing runs as a step, so nothing is gated: the snippets list
        // says which commands are destructive.
        risks.gated.clear();
        super::snippets::from_reference(p, &mut risks);
    } else {
        super::branches::apply(p, &mut risks);
    }
    report.risks = risks;
}

fn step_pass(step: &mut Step, risks: &mut Risks, found: &mut Vec<placeholder::Found>) {
    let mut kept: Vec<Command> = Vec::with_capacity(step.commands.len());
    let mut texts: Vec<String> = Vec::new();
    for c in std::mem::take(&mut step.commands) {
        if let Some(reason) = shape::not_a_command(&c.run) {
            risks.demoted.push(crate::msg!(
                "import-risk-demoted",
                step = step.id.clone(),
                command = first_line(&c.run),
                reason = reason.describe()
            ));
            texts.push(c.run);
            continue;
        }
        kept.push(c);
    }
    if !texts.is_empty() {
        let block = texts.join("\n");
        step.instructions = Some(match step.instructions.take() {
            Some(i) if !i.trim().is_empty() => format!("{i}\n\n{block}"),
            _ => block,
        });
    }
    step.commands = kept;
    for c in step.commands.iter_mut() {
        rewrite(c, found);
        if shell::is_interactive(&c.run) {
            c.interactive = true;
            risks.streaming.push(crate::msg!(
                "import-risk-streaming",
                step = step.id.clone(),
                command = first_line(&c.run)
            ));
        }
    }
    if let Some(c) = step.validation.as_mut().and_then(|v| v.command.as_mut()) {
        rewrite(c, found);
    }
    if let crate::procedure::model::StepRollback::Some(undo) = &mut step.rollback {
        let (kept, text): (Vec<Command>, Vec<Command>) = std::mem::take(&mut undo.commands)
            .into_iter()
            .partition(|c| shape::not_a_command(&c.run).is_none());
        undo.commands = kept;
        if !text.is_empty() {
            let block: Vec<String> = text.into_iter().map(|c| c.run).collect();
            let block = block.join("\n");
            undo.instructions = Some(match undo.instructions.take() {
                Some(i) if !i.trim().is_empty() => format!("{i}\n{block}"),
                _ => block,
            });
        }
        for c in undo.commands.iter_mut() {
            rewrite(c, found);
        }
    }
    let danger = step
        .commands
        .iter()
        .find_map(|c| danger::destructive(&c.run).map(|d| (d, first_line(&c.run))));
    if let Some((pattern, cmd)) = danger {
        risks.gated.push(Gated {
            step: step.id.clone(),
            command: cmd,
            pattern: pattern.name,
            already: step.confirm,
        });
        step.confirm = true;
    }
    step.manual = step.commands.is_empty();
}

/// In an index nothing runs: its commands become the step's text.
fn index_step(step: &mut Step, risks: &mut Risks) {
    if step.commands.is_empty() {
        return;
    }
    let cmds: Vec<String> = std::mem::take(&mut step.commands)
        .into_iter()
        .map(|c| c.run)
        .collect();
    for c in &cmds {
        risks.demoted.push(crate::msg!(
            "import-risk-index-command",
            step = step.id.clone(),
            command = first_line(c)
        ));
    }
    let block = cmds.join("\n");
    step.instructions = Some(match step.instructions.take() {
        Some(i) if !i.trim().is_empty() => format!("{i}\n\n{block}"),
        _ => block,
    });
}

fn rewrite(c: &mut Command, found: &mut Vec<placeholder::Found>) {
    let (run, f) = placeholder::rewrite(&c.run);
    if f.is_empty() {
        return;
    }
    c.run = run;
    for f in f {
        if !found.iter().any(|g| g.name == f.name) {
            found.push(f);
        }
    }
}

fn first_line(run: &str) -> String {
    run.lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .unwrap_or(run)
        .trim()
        .chars()
        .take(80)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::model::Phase;

    fn cmd(run: &str) -> Command {
        Command {
            run: run.into(),
            ..Command::default()
        }
    }

    #[test]
    fn a_step_loses_what_is_not_a_command_and_asks_before_destroying() {
        let mut p = Procedure::default();
        p.phases.push(Phase {
            id: "x".into(),
            kind: crate::procedure::keyword::PhaseKind::Execution,
            title: "x".into(),
            budget: None,
            span: 0..0,
            steps: vec![Step {
                id: "1".into(),
                commands: vec![
                    cmd("kubectl -n <ns> delete pod x"),
                    cmd("SELECT COUNT(*) FROM users;"),
                    cmd("kubectl get pods -w"),
                ],
                ..Step::default()
            }],
        });
        let mut report = Report::default();
        apply(&mut p, &mut report);
        let s = &p.phases[0].steps[0];
        assert_eq!(s.commands.len(), 2);
        assert_eq!(s.commands[0].run, "kubectl -n ${NS} delete pod x");
        assert!(s.commands[1].interactive);
        assert!(s.confirm);
        assert_eq!(
            s.instructions.as_deref(),
            Some("SELECT COUNT(*) FROM users;")
        );
        assert_eq!(p.variables[0].name, "NS");
        assert_eq!(report.risks.gated.len(), 1);
        assert_eq!(report.risks.demoted.len(), 1);
    }
}
