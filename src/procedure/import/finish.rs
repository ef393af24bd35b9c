//! From drafts to a procedure that loads: unique step and phase ids, time
//! windows turned into durations, the required metadata (guessed when the
//! source has none, and said so), a declaration for every `${VAR}` the
//! commands use, and totals for the report.

use super::builder::{Builder, PhaseDraft};
use super::classify::{self, norm};
use super::report::toml_target;
use super::report::{Kind, Report};
use super::step::{StepDraft, target};
use crate::procedure::estimate::Estimate;
use crate::procedure::keyword::{Category, Criticality, PhaseKind};
use crate::procedure::model::{Phase, Procedure, Step, StepRollback, Variable};
use crate::procedure::variables;
use std::collections::{HashMap, HashSet};

pub fn finish(
    mut b: Builder<'_, '_>,
    fallback_title: &str,
    document: super::document::Kind,
) -> (Procedure, Report) {
    let mut report = std::mem::take(&mut b.report);
    report.risks.document = Some(document);
    for phase in &mut b.phases {
        windows(&mut phase.steps, &mut report);
    }
    windows(&mut b.rollback_steps, &mut report);
    let ids = assign_ids(&b.phases, &b.rollback_steps);
    // Everything but the phases and the rollback steps was built in
    // place; those are drafts until their ids are final.
    let mut p = std::mem::take(&mut b.p);
    metadata(&mut p, fallback_title, b.rollback_doc, &mut report);
    let titles = phase_titles(&b.phases);
    let phase_ids = phase_ids(&titles);
    for (i, draft) in std::mem::take(&mut b.phases).into_iter().enumerate() {
        let steps = draft
            .steps
            .into_iter()
            .map(|s| finish_step(s, &ids))
            .collect();
        p.phases.push(Phase {
            id: phase_ids[i].clone(),
            kind: draft.kind,
            title: titles[i].clone(),
            budget: draft.budget,
            steps,
            span: 0..0,
        });
    }
    if p.steps().next().is_none() {
        p.phases.clear();
        let taken: HashSet<String> = b
            .rollback_steps
            .iter()
            .filter_map(|s| ids.get(&s.no).cloned())
            .collect();
        let id = (1..)
            .map(|n| n.to_string())
            .find(|i| !taken.contains(i))
            .unwrap_or_default();
        let mut step = Step {
            id,
            title: p.meta.title.clone(),
            manual: true,
            instructions: Some("The source has no steps pasos could recognise: read the notes and follow them by hand.".into()),
            rollback: StepRollback::None,
            ..Step::default()
        };
        if step.title.trim().is_empty() {
            step.title = "Procedimiento".into();
        }
        report.guess(
            None,
            crate::msg!("import-target-step-only", step = step.id.clone()),
            crate::msg!("import-detail-no-steps"),
        );
        p.phases.push(Phase {
            id: "procedimiento".into(),
            kind: PhaseKind::Execution,
            title: "Procedimiento".into(),
            budget: None,
            steps: vec![step],
            span: 0..0,
        });
    }
    let rollback_steps: Vec<Step> = std::mem::take(&mut b.rollback_steps)
        .into_iter()
        .map(|s| finish_step(s, &ids))
        .collect();
    p.rollback.steps = rollback_steps;
    if let Some(first) = p.rollback.steps.first().map(|s| s.id.clone()) {
        for node in &mut p.decision_tree {
            if node.rollback {
                node.step = Some(first.clone());
            }
        }
    }
    super::safety::apply(&mut p, &mut report);
    sanitize(&mut p, &mut report);
    declare_variables(&mut p, &mut report);
    for e in &mut report.entries {
        if e.target.has_steps() {
            e.target.resolve_steps(&ids);
        }
        if let Some(d) = e.detail.as_mut().filter(|d| d.has_steps()) {
            d.resolve_steps(&ids);
        }
    }
    report.totals = super::report::Totals {
        phases: p.phases.len(),
        steps: p.steps().count(),
        manual_steps: p.steps().filter(|s| s.manual).count(),
        rollback_steps: p.rollback.steps.len(),
        commands: p.commands().len(),
        lines_to_notes: report.count_note_lines(),
        repaired_segments: 0,
        variables: p.variables.len(),
    };
    (p, report)
}

/// `(0-2 min)`, `(2-5 min)`, `(5-8 min)`: windows, not durations.
fn windows(steps: &mut [StepDraft], report: &mut Report) {
    let mut i = 0;
    while i < steps.len() {
        let mut j = i;
        while j < steps.len() && steps[j].heading_range.is_some() {
            j += 1;
        }
        if j - i >= 2 {
            let ranges: Vec<Estimate> =
                steps[i..j].iter().filter_map(|s| s.heading_range).collect();
            if let Some(lengths) = super::duration::windows(&ranges) {
                for (s, len) in steps[i..j].iter_mut().zip(lengths) {
                    let r = s.heading_range.expect("in run");
                    s.estimate = Some(len);
                    report.guess(
                        s.lines,
                        target(s.no, "estimate"),
                        crate::msg!(
                            "import-detail-time-window",
                            window = r.to_string(),
                            from = r.min_secs / 60,
                            to = r.max_secs / 60,
                            estimate = len.to_string()
                        ),
                    );
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Explicit ids (`P1`, `3`, `1.2`, `R2`) are kept when unique; the others
/// are numbered, P/V prefixed in preflight/validation phases, R in the
/// full rollback.
fn assign_ids(phases: &[PhaseDraft], rollback: &[StepDraft]) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    let all = phases
        .iter()
        .flat_map(|p| p.steps.iter())
        .chain(rollback.iter());
    for s in all.clone() {
        if let Some(id) = &s.explicit_id {
            let id = id.trim().to_string();
            if !id.is_empty() && used.insert(id.clone()) {
                out.insert(s.no, id);
            }
        }
    }
    let mut counters: HashMap<&str, usize> = HashMap::new();
    let mut next = |prefix: &'static str, used: &mut HashSet<String>| {
        let n = counters.entry(prefix).or_insert(0);
        loop {
            *n += 1;
            let id = format!("{prefix}{n}");
            if used.insert(id.clone()) {
                return id;
            }
        }
    };
    for p in phases {
        let prefix = match p.kind {
            PhaseKind::Preflight => "P",
            PhaseKind::Validation => "V",
            _ => "",
        };
        for s in &p.steps {
            out.entry(s.no).or_insert_with(|| next(prefix, &mut used));
        }
    }
    for s in rollback {
        out.entry(s.no).or_insert_with(|| next("R", &mut used));
    }
    out
}

fn finish_step(d: StepDraft, ids: &HashMap<usize, String>) -> Step {
    let id = ids.get(&d.no).cloned().unwrap_or_else(|| d.no.to_string());
    let mut step = d.finish();
    step.id = id;
    if step.title.trim().is_empty() {
        step.title = format!("Paso {}", step.id);
    }
    step
}

pub(super) fn slug(text: &str) -> String {
    let n = norm(text);
    let mut out = String::new();
    for c in n.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let full = out.trim_matches('-');
    if full.len() <= 40 {
        return full.to_string();
    }
    let cut = &full[..40];
    match cut.rfind('-') {
        Some(i) if i >= 12 => cut[..i].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

fn phase_ids(titles: &[String]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    // The next suffix to try per base, so a title repeated thousands of
    // times does not retry every suffix from 2.
    let mut next: HashMap<String, usize> = HashMap::new();
    titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let base = match slug(t) {
                s if s.is_empty() => format!("fase-{}", i + 1),
                s => s,
            };
            if used.insert(base.clone()) {
                return base;
            }
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                let id = format!("{base}-{n}");
                *n += 1;
                if used.insert(id.clone()) {
                    return id;
                }
            }
        })
        .collect()
}

/// Titles that repeat (`Pasos de Respuesta` under each level) get their
/// parent's title in front.
fn phase_titles(phases: &[PhaseDraft]) -> Vec<String> {
    // Per title: how many phases carry it, and whether their parents
    // differ (one pass, so thousands of phases stay linear).
    let mut seen: HashMap<&str, (usize, &str, bool)> = HashMap::new();
    for p in phases {
        let e = seen
            .entry(p.title.as_str())
            .or_insert((0, p.parent_title.as_str(), false));
        e.0 += 1;
        e.2 |= e.1 != p.parent_title;
    }
    phases
        .iter()
        .map(|p| {
            let generic = {
                let n = norm(&p.title);
                n.starts_with("pasos")
                    || n.starts_with("steps")
                    || n.starts_with("procedimiento")
                    || n == "procedure"
            };
            let (count, _, distinct_parents) = seen[p.title.as_str()];
            let repeated = count > 1;
            if (generic || repeated && distinct_parents)
                && !p.parent_title.is_empty()
                && p.parent_title != p.title
            {
                format!("{} — {}", p.parent_title, p.title)
            } else if p.title.trim().is_empty() {
                "Procedimiento".to_string()
            } else {
                p.title.clone()
            }
        })
        .collect()
}

fn metadata(p: &mut Procedure, fallback_title: &str, rollback_doc: bool, report: &mut Report) {
    let m = &mut p.meta;
    if m.title.trim().is_empty() {
        m.title = if fallback_title.trim().is_empty() {
            "Procedimiento importado".into()
        } else {
            fallback_title.to_string()
        };
        report.guess(
            None,
            toml_target("[procedure] title"),
            crate::msg!("import-detail-no-title", title = m.title.clone()),
        );
    }
    if m.id.trim().is_empty() {
        let s = slug(&m.title).to_uppercase();
        m.id = if s.is_empty() { "IMPORTED".into() } else { s };
        report.guess(
            None,
            toml_target("[procedure] id"),
            crate::msg!("import-detail-no-id", id = m.id.clone()),
        );
    }
    if m.version.trim().is_empty() {
        m.version = "1.0.0".into();
        report.guess(
            None,
            toml_target("[procedure] version"),
            crate::msg!("import-detail-no-version"),
        );
    }
    if m.criticality.is_none() {
        m.criticality = Some(Criticality::Medium);
        report.guess(
            None,
            toml_target("[procedure] criticality"),
            crate::msg!("import-detail-no-criticality"),
        );
    }
    if m.category.is_none() {
        let n = norm(&m.title);
        let guess = if rollback_doc {
            Some(Category::Rollback)
        } else if ["despliegue", "deploy", "release"]
            .iter()
            .any(|w| n.contains(w))
        {
            Some(Category::Deployment)
        } else if ["scale", "escal"].iter().any(|w| n.contains(w)) {
            Some(Category::Scaling)
        } else if [
            "upgrade",
            "actualizacion",
            "migracion",
            "migration",
            "mantenimiento",
            "maintenance",
            "backup",
        ]
        .iter()
        .any(|w| n.contains(w))
        {
            Some(Category::Maintenance)
        } else {
            None
        };
        if let Some(c) = guess {
            m.category = Some(c);
            report.guess(
                None,
                toml_target("[procedure] category"),
                crate::msg!(
                    "import-detail-category-from-title",
                    category = c.to_string()
                ),
            );
        }
    }
    if m.environment.is_none() {
        let n = norm(&m.title);
        if n.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "produccion" | "production" | "prod"))
        {
            m.environment = Some("production".into());
            report.guess(
                None,
                toml_target("[procedure] environment"),
                crate::msg!("import-detail-production-from-title"),
            );
        }
    }
}

/// Required texts must not be empty.
fn sanitize(p: &mut Procedure, report: &mut Report) {
    for g in &mut p.prerequisites {
        if g.group.trim().is_empty() {
            g.group = "Prerrequisitos".into();
        }
        g.items.retain(|i| !i.text.trim().is_empty());
    }
    p.prerequisites.retain(|g| !g.items.is_empty());
    p.triggers.retain(|t| !t.condition.trim().is_empty());
    p.severities.retain(|s| !s.level.trim().is_empty());
    p.contacts.retain(|c| !c.role.trim().is_empty());
    p.troubleshooting.retain(|t| !t.problem.trim().is_empty());
    p.quick_checklist.retain(|q| !q.trim().is_empty());
    p.references.retain(|r| !r.trim().is_empty());
    for phase in &mut p.phases {
        for s in &mut phase.steps {
            s.manual = s.commands.is_empty();
        }
    }
    for s in &mut p.rollback.steps {
        s.manual = s.commands.is_empty();
    }
    let manual = p.all_steps().filter(|s| s.manual).count();
    if manual > 0 {
        report.add(
            None,
            Kind::Guess,
            crate::msg!("import-target-steps"),
            crate::msg!("import-detail-manual-steps", count = manual),
        );
    }
    let _ = classify::norm;
}

/// Every `${NAME}` a command uses that no command assigns becomes a
/// variable the run asks for; credentials are secret.
fn declare_variables(p: &mut Procedure, report: &mut Report) {
    let commands: Vec<String> = p.commands().iter().map(|c| c.run.clone()).collect();
    let mut known: HashSet<String> = p.variables.iter().map(|v| v.name.clone()).collect();
    for c in &commands {
        known.extend(variables::assigned_names(c));
    }
    for c in &commands {
        for r in variables::references(c) {
            if r.optional || known.contains(&r.name) || variables::is_well_known(&r.name) {
                continue;
            }
            known.insert(r.name.clone());
            let secret = is_secret_name(&r.name);
            report.guess(
                None,
                crate::msg!("import-target-variable", name = r.name.clone()),
                if secret {
                    crate::msg!("import-detail-unassigned-secret")
                } else {
                    crate::msg!("import-detail-unassigned")
                },
            );
            p.variables.push(Variable {
                name: r.name.clone(),
                prompt: Some(format!("Valor de {}", r.name)),
                default: None,
                secret,
                pattern: None,
                span: 0..0,
            });
        }
    }
}

pub fn is_secret_name(name: &str) -> bool {
    let n = name.to_ascii_uppercase();
    [
        "PASSWORD",
        "PASSWD",
        "PASS",
        "PWD",
        "TOKEN",
        "SECRET",
        "API_KEY",
        "APIKEY",
        "ACCESS_KEY",
        "PRIVATE_KEY",
        "CREDENTIAL",
        "AUTH",
        "CLAVE",
        "CONTRASENA",
    ]
    .iter()
    .any(|w| n.contains(w))
        && n != "PWD"
        && n != "OLDPWD"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for yes in [
            "DB_PASSWORD",
            "API_TOKEN",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "STRIPE_API_KEY",
            "PGPASS",
        ] {
            assert!(is_secret_name(yes), "{yes}");
        }
        for no in ["DB_HOST", "ROLLBACK_DIR", "PWD", "NAMESPACE"] {
            assert!(!is_secret_name(no), "{no}");
        }
    }

    #[test]
    fn slugs_and_targets() {
        assert_eq!(slug("FASE 1: Preparación"), "fase-1-preparacion");
        let ids: HashMap<usize, String> = [(3, "P1".to_string())].into_iter().collect();
        let mut t = target(3, "commands");
        t.resolve_steps(&ids);
        assert_eq!(t.render(crate::i18n::Lang::En), "step P1 commands");
    }
}
