//! `version-not-bumped`: seed 001's versioning rule — MAJOR when steps are
//! added or removed, MINOR when the only change is optional steps added.
//! The steps are compared with the profile the most recent run of the
//! procedure recorded in its journal (`run-started`: version and every
//! step id), so the rule needs the history and runs in `pasos check` only.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::procedure::Step;

/// What the most recent run of the procedure recorded.
#[derive(Debug, Clone)]
pub struct LastRun {
    pub run_id: String,
    pub version: String,
    /// Forward step ids in order, then the full rollback's.
    pub steps: Vec<String>,
}

/// The bump a change of steps needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bump {
    Major,
    Minor,
}

/// A step the operator may leave out without a deviation: one asked
/// before it runs (`condition`), or one branch of a choice.
fn is_optional(p: &crate::procedure::Procedure, step: &Step) -> bool {
    step.condition.is_some() || p.choice_owning(&step.id).is_some()
}

pub fn check(ctx: &mut Ctx<'_>, last: &LastRun) {
    let p = ctx.procedure;
    let now: Vec<&Step> = p.all_steps().collect();
    let now_ids: Vec<&str> = now.iter().map(|s| s.id.as_str()).collect();
    let old_ids: Vec<&str> = last.steps.iter().map(String::as_str).collect();
    if now_ids == old_ids {
        return;
    }
    let removed: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|id| !now_ids.contains(id))
        .collect();
    let added: Vec<&Step> = now
        .iter()
        .copied()
        .filter(|s| !old_ids.contains(&s.id.as_str()))
        .collect();
    // The steps both have, in each order: a different order is a change of
    // the procedure's path too.
    let kept_now: Vec<&str> = now_ids
        .iter()
        .copied()
        .filter(|id| old_ids.contains(id))
        .collect();
    let kept_old: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|id| now_ids.contains(id))
        .collect();
    let reordered = kept_now != kept_old;
    let needs = if removed.is_empty() && !reordered && added.iter().all(|s| is_optional(p, s)) {
        Bump::Minor
    } else {
        Bump::Major
    };
    let (Some(old), Some(new)) = (parse(&last.version), parse(&p.meta.version)) else {
        return;
    };
    let bumped = match needs {
        Bump::Major => new.0 > old.0,
        Bump::Minor => new.0 > old.0 || (new.0 == old.0 && new.1 > old.1),
    };
    if bumped {
        return;
    }
    let mut changes = Vec::new();
    if !removed.is_empty() {
        changes.push(format!("removed {}", quoted(&removed)));
    }
    if !added.is_empty() {
        let ids: Vec<&str> = added.iter().map(|s| s.id.as_str()).collect();
        changes.push(format!("added {}", quoted(&ids)));
    }
    if reordered {
        changes.push("reordered".to_string());
    }
    let (what, suggested) = match needs {
        Bump::Major => ("MAJOR", format!("{}.0.0", old.0 + 1)),
        Bump::Minor => ("MINOR", format!("{}.{}.0", old.0, old.1 + 1)),
    };
    let span = super::key_span(ctx.source, "version", &p.meta.span);
    ctx.warn(
        None,
        Diagnostic::warning(
            "version-not-bumped",
            format!(
                "the steps changed since run {} of version {} ({}), but the {what} version did not: it is {}",
                last.run_id,
                last.version,
                changes.join(", "),
                p.meta.version
            ),
            Some(span),
        )
        .with_hint(format!(
            "set `version = \"{suggested}\"` (MAJOR when steps are added, removed or reordered; MINOR when only optional steps are added)"
        )),
    );
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// MAJOR and MINOR of `1.2.3` (a leading `v` allowed).
fn parse(version: &str) -> Option<(u64, u64)> {
    let v = version.trim().trim_start_matches(['v', 'V']);
    let mut parts = v.split(['.', '-', '+']);
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    Some((major, minor))
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions_parse_leniently() {
        assert_eq!(super::parse("2.1.0"), Some((2, 1)));
        assert_eq!(super::parse("v3"), Some((3, 0)));
        assert_eq!(super::parse("x"), None);
    }
}
