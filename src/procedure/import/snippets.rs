//! A reference document (a cheat sheet, a command collection) is not a
//! run: its commands become `[[snippets]]` the operator opens and sends
//! to the shell one at a time, never steps run in a row. Text without
//! commands goes to the procedure's notes; one manual step remains so the
//! procedure loads and tells the operator where the commands are.

use super::report::Risks;
use crate::procedure::keyword::PhaseKind;
use crate::procedure::model::{Phase, Procedure, Snippet, Step, StepRollback};
use std::collections::HashSet;

/// Moves every step of `p` into snippets (or notes).
pub fn from_reference(p: &mut Procedure, risks: &mut Risks) {
    // A section's title names what its snippets are about: `Docker`
    // under `Logs` and under `Backups` are two different things.
    let doc_title = p.meta.title.clone();
    let steps: Vec<Step> = std::mem::take(&mut p.phases)
        .into_iter()
        .flat_map(|ph| {
            let context = (ph.title != doc_title).then_some(ph.title);
            ph.steps.into_iter().map(move |mut s| {
                if let Some(c) = &context
                    && !s.title.contains(c.as_str())
                {
                    s.title = format!("{c} — {}", s.title);
                }
                s
            })
        })
        .chain(std::mem::take(&mut p.rollback.steps))
        .collect();
    let mut used: HashSet<String> = p.snippets.iter().map(|s| s.id.clone()).collect();
    for s in steps {
        if s.commands.is_empty() {
            if let Some(text) = step_text(&s) {
                p.notes.push(format!("{}\n\n{text}", s.title));
            }
            continue;
        }
        let id = unique(&s.title, &s.id, &mut used);
        let danger = s
            .commands
            .iter()
            .find_map(|c| crate::procedure::danger::destructive(&c.run))
            .map(|d| d.name);
        let n = s.commands.len();
        let command = first_line(&s.commands[0].run);
        risks.snippets.push(match danger {
            Some(pattern) => crate::msg!(
                "import-risk-snippet-destructive",
                snippet = id.clone(),
                command = command,
                count = n,
                pattern = pattern
            ),
            None => crate::msg!(
                "import-risk-snippet",
                snippet = id.clone(),
                command = command,
                count = n
            ),
        });
        p.snippets.push(Snippet {
            id,
            text: step_text(&s),
            title: s.title,
            commands: s.commands,
            span: 0..0,
        });
    }
    // Decision nodes may point at steps that are gone.
    for node in &mut p.decision_tree {
        node.step = None;
    }
    p.phases.push(Phase {
        id: "referencia".into(),
        kind: PhaseKind::Execution,
        title: "Referencia".into(),
        budget: None,
        steps: vec![Step {
            id: "1".into(),
            title: "Consultar la referencia".into(),
            manual: true,
            instructions: Some(format!(
                "Este documento es una referencia, no un procedimiento: sus {} están en los snippets. Abre el que necesites y envíalo a la shell; ninguno se ejecuta como paso.",
                plural_commands(p.snippets.iter().map(|s| s.commands.len()).sum())
            )),
            rollback: StepRollback::None,
            ..Step::default()
        }],
        span: 0..0,
    });
}

/// The step's text that explains its commands: instructions, expected
/// result and notes.
fn step_text(s: &Step) -> Option<String> {
    let parts: Vec<&str> = s
        .warning
        .iter()
        .chain(s.instructions.iter())
        .chain(s.expected.iter())
        .chain(s.notes.iter())
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

fn plural_commands(n: usize) -> String {
    if n == 1 {
        "1 comando".into()
    } else {
        format!("{n} comandos")
    }
}

/// A snippet id from the title (`ver-logs-del-backend`), else from the
/// step id; unique among the snippets.
fn unique(title: &str, step_id: &str, used: &mut HashSet<String>) -> String {
    let base = match super::finish::slug(title) {
        s if s.is_empty() => format!("s{step_id}"),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn first_line(run: &str) -> String {
    run.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or(run)
        .chars()
        .take(80)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procedure::model::{Command, DecisionNode};

    fn step(id: &str, title: &str, runs: &[&str], text: Option<&str>) -> Step {
        Step {
            id: id.into(),
            title: title.into(),
            commands: runs
                .iter()
                .map(|r| Command {
                    run: r.to_string(),
                    ..Command::default()
                })
                .collect(),
            instructions: text.map(str::to_string),
            manual: runs.is_empty(),
            ..Step::default()
        }
    }

    #[test]
    fn commands_become_snippets_and_nothing_runs() {
        let mut p = Procedure::default();
        p.phases.push(Phase {
            id: "docker".into(),
            kind: PhaseKind::Execution,
            title: "Docker".into(),
            budget: None,
            steps: vec![
                step(
                    "1",
                    "Ver logs",
                    &["docker compose logs -f app"],
                    Some("Útil si falla."),
                ),
                step("2", "Ver logs", &["docker logs x"], None),
                step("3", "Sobre este documento", &[], Some("Notas de uso.")),
            ],
            span: 0..0,
        });
        p.rollback.steps.push(step(
            "R1",
            "Destruir el clúster",
            &["./destroy-cluster.sh"],
            None,
        ));
        p.decision_tree.push(DecisionNode {
            id: "d".into(),
            step: Some("R1".into()),
            ..DecisionNode::default()
        });
        let mut risks = Risks::default();
        from_reference(&mut p, &mut risks);
        let ids: Vec<&str> = p.snippets.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "docker-ver-logs",
                "docker-ver-logs-2",
                "destruir-el-cluster"
            ]
        );
        assert_eq!(p.snippets[0].title, "Docker — Ver logs");
        assert_eq!(p.snippets[0].text.as_deref(), Some("Útil si falla."));
        assert_eq!(p.snippets[2].commands[0].run, "./destroy-cluster.sh");
        assert!(p.rollback.steps.is_empty());
        let steps: Vec<&Step> = p.all_steps().collect();
        assert_eq!(steps.len(), 1);
        assert!(steps[0].manual && steps[0].commands.is_empty());
        assert!(
            steps[0]
                .instructions
                .as_deref()
                .unwrap_or("")
                .contains("3 comandos")
        );
        assert_eq!(p.notes, ["Docker — Sobre este documento\n\nNotas de uso."]);
        assert_eq!(p.decision_tree[0].step, None);
        assert_eq!(risks.snippets.len(), 3);
        let said = risks.snippets[2].render(crate::i18n::Lang::En);
        assert!(said.contains("destructive"), "{said}");
    }
}
