//! The second person's facts in words: approvals granted and refused, a
//! handoff, and what a held step waits for.

use super::timeline::Markup;
use crate::i18n::Lang;
use crate::journal::Event;
use crate::tr;

/// What a step (or the run, for `*`) waits for, with the command that
/// gives it.
pub fn awaiting(lang: Lang, step: &str, roles: &[String], run: &str) -> String {
    let roles = roles.join(", ");
    tr!(
        lang,
        "team-awaiting-approval",
        step = step,
        roles = roles,
        run = run
    )
}

/// The words of a problem word (`own-key`, …).
pub fn problem(lang: Lang, word: &str) -> String {
    tr!(lang, "team-problem", problem = word)
}

/// An approval, handoff or refusal event in words; empty for others.
pub fn describe(lang: Lang, m: &dyn Markup, e: &Event) -> String {
    match e {
        Event::ApprovalGranted(a) => {
            let mut s = match &a.step {
                Some(step) => tr!(
                    lang,
                    "team-ev-approval-granted",
                    step = m.step(step),
                    approver = m.text(&a.approver),
                    role = m.text(&a.role)
                ),
                None => tr!(
                    lang,
                    "team-ev-run-approval-granted",
                    approver = m.text(&a.approver),
                    role = m.text(&a.role)
                ),
            };
            s = m.strong(&s);
            if a.window {
                s.push(' ');
                s.push_str(&tr!(lang, "team-ev-approval-window"));
            }
            if let Some(n) = &a.note {
                s.push_str(&format!(": {}", m.text(n)));
            }
            s.push_str(&format!(" [{}]", m.code(&a.key, 60)));
            s
        }
        Event::ApprovalRefused(r) => {
            let who = r
                .approver
                .clone()
                .or_else(|| r.key.clone())
                .unwrap_or_else(|| tr!(lang, "team-unknown-person"));
            m.strong(&tr!(
                lang,
                "team-ev-approval-refused",
                who = m.text(&who),
                role = m.text(r.role.as_deref().unwrap_or("-")),
                problem = problem(lang, &r.problem)
            ))
        }
        Event::Handoff(h) => {
            let mut s = m.strong(&tr!(
                lang,
                "team-ev-handoff",
                to = m.text(&h.to),
                note = m.text(&h.note)
            ));
            if !h.open.is_empty() {
                s.push_str("; ");
                s.push_str(&tr!(
                    lang,
                    "team-ev-handoff-open",
                    open = m.text(&h.open.join("; "))
                ));
            }
            s
        }
        Event::Supervision(v) => match (&v.step, &v.by) {
            (Some(step), Some(by)) => tr!(
                lang,
                "team-ev-supervised-step",
                step = m.step(step),
                supervisor = m.text(&v.supervisor),
                by = by.as_str()
            ),
            _ => m.strong(&tr!(
                lang,
                "team-ev-supervised-run",
                supervisor = m.text(&v.supervisor)
            )),
        },
        _ => String::new(),
    }
}
