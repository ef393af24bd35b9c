//! The sections around the steps: prerequisites, variables, triggers,
//! severity levels, the decision tree, troubleshooting and contacts.

use super::reader::{Sink, Table};
use crate::diagnostic::Diagnostic;
use crate::procedure::keyword::TriggerKind;
use crate::procedure::model::{
    Contact, DecisionNode, Prerequisite, PrerequisiteGroup, SeverityLevel, Trigger,
    Troubleshooting, Variable,
};
use toml::de::DeValue;

pub fn prerequisites(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<PrerequisiteGroup> {
    let mut out = Vec::new();
    for (n, (mut t, _)) in top.tables(sink, "prerequisites").into_iter().enumerate() {
        t.relabel(format!("prerequisite group #{}", n + 1));
        let group = t
            .required_string(sink, "group", "\"Permisos y accesos\"")
            .map(|g| g.value)
            .unwrap_or_default();
        let mut items = Vec::new();
        match t.value("items") {
            None => t.missing(sink, "items", "[\"Acceso SSH al bastión\"]"),
            Some(v) => match v.get_ref() {
                DeValue::Array(arr) => {
                    for item in arr.iter() {
                        match item.get_ref() {
                            DeValue::String(s) => items.push(Prerequisite {
                                text: s.to_string(),
                                check: None,
                            }),
                            DeValue::Table(inner) => {
                                let mut it = Table::new(
                                    inner,
                                    Some(item.span()),
                                    format!("an item of {}", t.label),
                                );
                                let text =
                                    it.required_string(sink, "text", "\"kubectl instalado\"");
                                let check = it.command(sink, "check");
                                it.finish(sink);
                                items.push(Prerequisite {
                                    text: text.map(|t| t.value).unwrap_or_default(),
                                    check,
                                });
                            }
                            _ => t.wrong_type(
                                sink,
                                "items",
                                item,
                                "a string or a table with `text` and `check`",
                            ),
                        }
                    }
                }
                _ => t.wrong_type(sink, "items", v, "an array"),
            },
        }
        t.finish(sink);
        out.push(PrerequisiteGroup { group, items });
    }
    out
}

pub fn variables(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Variable> {
    let mut out = Vec::new();
    for (n, (mut t, span)) in top.tables(sink, "variables").into_iter().enumerate() {
        t.relabel(format!("variable #{}", n + 1));
        let name = t.required_string(sink, "name", "\"DB_HOST\"");
        if let Some(name) = &name {
            t.relabel(format!("variable `{}`", name.value));
            if !crate::procedure::variables::is_identifier(&name.value) {
                sink.push(
                    Diagnostic::error(
                        "bad-value",
                        format!("`{}` is not a valid variable name", name.value),
                        Some(name.span.clone()),
                    )
                    .with_hint(
                        "use letters, digits and `_`, not starting with a digit, e.g. `DB_HOST`",
                    ),
                );
            }
        }
        let prompt = t.text(sink, "prompt");
        let default = t.string(sink, "default");
        let secret = t.bool(sink, "secret").unwrap_or(false);
        if secret && let Some(d) = &default {
            sink.push(
                    Diagnostic::error(
                        "secret-default",
                        format!("{} is secret but has a default written in the file", t.label),
                        Some(d.span.clone()),
                    )
                    .with_hint("remove `default`: secrets are asked for when the run starts (or passed with PASOS_VAR_<NAME> or --var-file)"),
                );
        }
        let pattern = t.string(sink, "pattern");
        if let Some(p) = &pattern
            && regex::Regex::new(&p.value).is_err()
        {
            sink.push(
                Diagnostic::error(
                    "bad-regex",
                    format!("`pattern` of {} is not a valid regular expression", t.label),
                    Some(p.span.clone()),
                )
                .with_hint("escape special characters with `\\\\`"),
            );
        }
        t.finish(sink);
        out.push(Variable {
            span: name.as_ref().map(|n| n.span.clone()).unwrap_or(span),
            name: name.map(|n| n.value).unwrap_or_default(),
            prompt,
            default: default.map(|d| d.value),
            secret,
            pattern: pattern.map(|p| p.value),
        });
    }
    out
}

pub fn triggers(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Trigger> {
    let mut out = Vec::new();
    for (n, (mut t, _)) in top.tables(sink, "triggers").into_iter().enumerate() {
        t.relabel(format!("trigger #{}", n + 1));
        let kind = if t.has("kind") {
            t.keyword::<TriggerKind>(sink, "kind")
        } else {
            t.value("kind");
            t.missing(sink, "kind", "\"automatic\"");
            None
        };
        let name = t.text(sink, "name");
        let condition =
            t.required_string(sink, "condition", "\"error rate > 5% durante 5 minutos\"");
        let action = t.text(sink, "action");
        let decides = t.text(sink, "decides");
        t.finish(sink);
        let condition = condition.map(|c| c.value).unwrap_or_default();
        out.push(Trigger {
            kind: kind.unwrap_or(TriggerKind::Manual),
            name: name.unwrap_or_else(|| condition.clone()),
            condition,
            action: action.unwrap_or_default(),
            decides,
        });
    }
    out
}

pub fn severities(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<SeverityLevel> {
    let mut out = Vec::new();
    for (n, (mut t, _)) in top.tables(sink, "severity").into_iter().enumerate() {
        t.relabel(format!("severity level #{}", n + 1));
        let level = t.required_string(sink, "level", "\"SEV-1\"");
        let s = SeverityLevel {
            level: level.map(|l| l.value).unwrap_or_default(),
            name: t.text(sink, "name"),
            description: t.text(sink, "description"),
            response: t.estimate(sink, "response").map(|(e, _)| e),
            resolution: t.estimate(sink, "resolution").map(|(e, _)| e),
            examples: t.texts(sink, "examples"),
        };
        t.finish(sink);
        out.push(s);
    }
    out
}

pub fn decision_tree(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<DecisionNode> {
    let mut out = Vec::new();
    for (n, (mut t, span)) in top.tables(sink, "decision").into_iter().enumerate() {
        t.relabel(format!("decision node #{}", n + 1));
        let id = t.required_string(sink, "id", "\"fallo\"");
        if let Some(id) = &id {
            t.relabel(format!("decision node `{}`", id.value));
        }
        let question = t.string(sink, "question");
        let action = t.string(sink, "action");
        let yes = t.text(sink, "yes");
        let no = t.text(sink, "no");
        let rollback = t.bool(sink, "rollback").unwrap_or(false);
        let step = t.text(sink, "step");
        match (&question, &action) {
            (Some(_), Some(a)) => sink.push(
                Diagnostic::error(
                    "bad-decision",
                    format!("{} has both a `question` and an `action`", t.label),
                    Some(a.span.clone()),
                )
                .with_hint("a node either asks (question, yes, no) or acts (action); split it in two nodes"),
            ),
            (None, None) => sink.push(
                Diagnostic::error(
                    "bad-decision",
                    format!("{} has neither a `question` nor an `action`", t.label),
                    t.at(),
                )
                .with_hint("add `question = \"¿...?\"` with `yes` and `no`, or `action = \"...\"`"),
            ),
            (Some(q), None) if yes.is_none() || no.is_none() => sink.push(
                Diagnostic::error(
                    "bad-decision",
                    format!("{} asks a question but lacks `{}`", t.label, if yes.is_none() { "yes" } else { "no" }),
                    Some(q.span.clone()),
                )
                .with_hint("`yes` and `no` name the node to go to for each answer"),
            ),
            (None, Some(a)) if yes.is_some() || no.is_some() => sink.push(
                Diagnostic::error(
                    "bad-decision",
                    format!("{} is an action but has `yes`/`no` branches", t.label),
                    Some(a.span.clone()),
                )
                .with_hint("branches belong to question nodes; remove `yes`/`no`"),
            ),
            _ => {}
        }
        t.finish(sink);
        out.push(DecisionNode {
            span: id.as_ref().map(|i| i.span.clone()).unwrap_or(span),
            id: id.map(|i| i.value).unwrap_or_default(),
            question: question.map(|q| q.value),
            yes,
            no,
            action: action.map(|a| a.value),
            rollback,
            step,
        });
    }
    out
}

pub fn troubleshooting(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Troubleshooting> {
    let mut out = Vec::new();
    for (n, (mut t, _)) in top.tables(sink, "troubleshooting").into_iter().enumerate() {
        t.relabel(format!("troubleshooting entry #{}", n + 1));
        let problem = t.required_string(sink, "problem", "\"La API responde 502\"");
        let entry = Troubleshooting {
            problem: problem.map(|p| p.value).unwrap_or_default(),
            symptoms: t.texts(sink, "symptoms"),
            cause: t.text(sink, "cause"),
            solution: t.commands(sink, "solution"),
            references: t.texts(sink, "references"),
        };
        t.finish(sink);
        out.push(entry);
    }
    out
}

pub fn contacts(top: &mut Table<'_, '_>, sink: &mut Sink) -> Vec<Contact> {
    let mut out = Vec::new();
    for (n, (mut t, _)) in top.tables(sink, "contacts").into_iter().enumerate() {
        t.relabel(format!("contact #{}", n + 1));
        let role = t.required_string(sink, "role", "\"Tech Lead\"");
        let c = Contact {
            role: role.map(|r| r.value).unwrap_or_default(),
            name: t.text(sink, "name"),
            contact: t.text(sink, "contact"),
            when: t.text(sink, "when"),
        };
        t.finish(sink);
        out.push(c);
    }
    out
}
