//! Each fixture, imported: the TOML and the report are golden (insta), the
//! TOML loads, and every non-blank source line is accounted for.

use super::{assert_loads, fixture, import};
use pasos::i18n::Lang;

fn golden(name: &str) {
    let bytes = fixture(name);
    let imported = import(&bytes, name);
    assert_loads(&imported);
    every_line_accounted_for(&bytes, &imported);
    let stem = name.trim_end_matches(".md");
    insta::assert_snapshot!(format!("{stem}_toml"), imported.toml);
    insta::assert_snapshot!(format!("{stem}_report"), imported.report.render());
}

/// The report in Spanish, entries included (the English one is
/// [`golden`]'s): read by a person for correct Spanish.
fn golden_es(name: &str) {
    let imported = import(&fixture(name), name);
    let stem = name.trim_end_matches(".md");
    let es = imported.report.render_in(Lang::Es);
    insta::assert_snapshot!(format!("{stem}_report_es"), es);
}

/// "Nothing silently dropped": each non-blank line of the source appears in
/// some entry of the report.
fn every_line_accounted_for(bytes: &[u8], imported: &pasos::procedure::import::Imported) {
    let text = String::from_utf8_lossy(bytes);
    let mut covered = vec![false; text.lines().count() + 2];
    for e in &imported.report.entries {
        if let Some(l) = e.lines {
            for n in l.first..=l.last.min(covered.len() - 1) {
                covered[n] = true;
            }
        }
    }
    let missing: Vec<String> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| !l.trim().is_empty() && !covered[i + 1])
        .map(|(i, l)| format!("{}: {l}", i + 1))
        .collect();
    assert!(
        missing.is_empty(),
        "lines not in the report:\n{}",
        missing.join("\n")
    );
}

#[test]
fn users_template() {
    golden("plantilla.md");
}

#[test]
fn english_headings_of_the_template() {
    golden("english.md");
}

#[test]
fn phases_with_time_budgets_triggers_and_severity() {
    golden("fases.md");
}

#[test]
fn time_windows_in_step_headings() {
    golden("ventanas.md");
}

#[test]
fn numbered_list_with_sub_steps_and_fences() {
    golden("lista_numerada.md");
}

#[test]
fn cheat_sheet_with_commented_groups() {
    golden("chuleta.md");
}

#[test]
fn runme_notebook() {
    golden("runme.md");
}

#[test]
fn rundown_file() {
    golden("rundown.md");
}

#[test]
fn alert_runbook_with_prompts() {
    golden("alerta.md");
}

#[test]
fn incident_levels_with_time_targets() {
    golden("niveles.md");
}

#[test]
fn headings_per_step_with_bare_bullet_commands() {
    golden("bullets.md");
}

#[test]
fn template_fields_land_where_the_template_says() {
    let imported = import(&fixture("plantilla.md"), "plantilla.md");
    let p = &imported.procedure;
    assert_eq!(p.meta.id, "PROC-BACKEND-014");
    assert_eq!(p.meta.version, "1.2.0");
    assert_eq!(
        p.meta.estimate.map(|e| e.to_string()).as_deref(),
        Some("25m")
    );
    let step = p.step("1").expect("step 1");
    assert_eq!(
        step.estimate.map(|e| e.to_string()).as_deref(),
        Some("5-8m")
    );
    assert!(step.validation.is_some());
    assert!(matches!(
        step.rollback,
        pasos::procedure::StepRollback::Some(_)
    ));
    assert!(matches!(
        p.step("2").unwrap().rollback,
        pasos::procedure::StepRollback::None
    ));
    assert_eq!(
        p.rollback
            .steps
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        vec!["R1", "R2"]
    );
    assert_eq!(
        p.rollback.estimate.map(|e| e.to_string()).as_deref(),
        Some("5-8m")
    );
    assert_eq!(p.rollback.when.len(), 2);
    assert_eq!(p.decision_tree.len(), 7);
    assert_eq!(p.quick_checklist.len(), 3);
    let secret: Vec<(&str, bool)> = p
        .variables
        .iter()
        .map(|v| (v.name.as_str(), v.secret))
        .collect();
    assert!(secret.contains(&("DB_PASSWORD", true)), "{secret:?}");
    assert!(secret.contains(&("SLACK_TOKEN", true)), "{secret:?}");
    assert!(secret.contains(&("DB_HOST", false)), "{secret:?}");
}

#[test]
fn time_windows_become_durations() {
    let imported = import(&fixture("ventanas.md"), "ventanas.md");
    let estimates: Vec<String> = imported
        .procedure
        .steps()
        .take(4)
        .map(|s| s.estimate.map(|e| e.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(estimates, vec!["2m", "3m", "3m", "4m"]);
}

#[test]
fn time_targets_become_phase_budgets() {
    let imported = import(&fixture("niveles.md"), "niveles.md");
    let budgets: Vec<String> = imported
        .procedure
        .phases
        .iter()
        .filter_map(|p| p.budget.map(|b| b.to_string()))
        .collect();
    assert_eq!(budgets, vec!["15m", "1h"]);
}

#[test]
fn users_template_report_in_spanish() {
    golden_es("plantilla.md");
}

#[test]
fn english_runme_notebook_report_in_spanish() {
    golden_es("runme.md");
}

#[test]
fn cheat_sheet_report_in_spanish() {
    golden_es("chuleta.md");
}
