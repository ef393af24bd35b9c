//! The procedure catalog: the screen rendered into ratatui's TestBackend
//! (80x24 and 200x50, Spanish and English) after scripted keys through the
//! real keymap, over a fixture directory and history; and `pasos index`
//! through the binary, golden, in the shape of the team's standard.

#[path = "support/catalog_fixture.rs"]
mod catalog_fixture;
mod common;
#[path = "support/journal_gen.rs"]
mod journal_gen;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pasos::catalog::Catalog;
use pasos::i18n::Lang;
use pasos::tui::catalog::app::{CatalogApp, Chosen};
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn utc_zone() {
    // SAFETY: every test of this file sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
}

/// The fixture in a temporary directory: `procedures/` and `data/`.
fn fixture() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    catalog_fixture::procedures(&root.path().join("procedures"));
    catalog_fixture::history(&root.path().join("data"));
    root
}

fn app(root: &Path, lang: Lang) -> CatalogApp {
    utc_zone();
    let dirs = vec![root.join("procedures")];
    let (mut catalog, scan) =
        Catalog::load(&dirs, &root.join("data"), catalog_fixture::today()).unwrap();
    // Paths as an operator who opened `procedures/` would see them.
    catalog.dirs = vec![PathBuf::from("procedures")];
    for e in &mut catalog.entries {
        e.path = Path::new("procedures").join(&e.relative);
    }
    for b in &mut catalog.broken {
        b.path = Path::new("procedures").join(b.path.file_name().unwrap());
    }
    let mut app = CatalogApp::new(catalog, scan, Keymap::defaults(), lang, root.join("data"));
    app.color = false;
    app
}

fn render(app: &mut CatalogApp, w: u16, h: u16) -> String {
    app.set_size(w, h);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| pasos::tui::view::draw_catalog(f, app))
        .unwrap();
    common::screen_text(term.backend().buffer())
}

fn key(app: &mut CatalogApp, code: KeyCode) {
    app.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut CatalogApp, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn catalog_snapshots_in_both_languages_and_sizes() {
    let root = fixture();
    for (lang, tag) in [(Lang::Es, "es"), (Lang::En, "en")] {
        for (w, h) in [(80, 24), (200, 50)] {
            let mut a = app(root.path(), lang);
            let text = render(&mut a, w, h);
            insta::assert_snapshot!(format!("catalog_{tag}_{w}x{h}"), text);
        }
    }
}

#[test]
fn grouped_by_criticality_then_category_with_history_figures() {
    let root = fixture();
    let mut a = app(root.path(), Lang::Es);
    let text = render(&mut a, 200, 50);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no `{needle}` in\n{text}"))
    };
    // CRITICA (deployment, then rollback), ALTA, MEDIA.
    assert!(at("CRITICA · Deployment (1)") < at("CRITICA · Rollback (1)"));
    assert!(at("CRITICA · Rollback") < at("ALTA · Scaling (1)"));
    assert!(at("ALTA · Scaling") < at("MEDIA · Maintenance (1)"));
    // Three live runs, two successes (the rehearsal does not count), the
    // last 3 days before the fixture's today.
    let row = text
        .lines()
        .find(|l| l.contains("PROC-BACKEND-001"))
        .unwrap();
    assert!(row.contains("67%"), "{row}");
    assert!(row.contains("hace 3 d"), "{row}");
    assert!(row.contains("en 31 d"), "{row}");
    // Updated 2025-06-01, emergency: reviewed every 12 months, overdue.
    let row = text
        .lines()
        .find(|l| l.contains("PROC-BACKEND-002"))
        .unwrap();
    assert!(row.starts_with('!'), "{row}");
    assert!(row.contains("vencida"), "{row}");
    assert!(row.contains("0%"), "{row}");
    // The file that is not a procedure is named, not hidden.
    assert!(
        text.contains("1 archivo no carga: procedures/notas.toml"),
        "{text}"
    );
    // The details of the selected (first) procedure.
    assert!(
        text.contains("Ejecuciones: 3 · éxito 67% · última 2026-11-28 (hace 3 d)"),
        "{text}"
    );
    assert!(text.contains("ensayos: 1"), "{text}");
}

#[test]
fn filter_narrows_and_escape_clears() {
    let root = fixture();
    let mut a = app(root.path(), Lang::Es);
    key(&mut a, KeyCode::Char('/'));
    type_text(&mut a, "backup");
    let text = render(&mut a, 80, 24);
    insta::assert_snapshot!("catalog_filter_es_80x24", text);
    assert_eq!(a.visible.len(), 1);
    key(&mut a, KeyCode::Enter);
    assert!(!a.filtering);
    // The words shown are searched too: `emergencia` is PROC-BACKEND-002's
    // frequency.
    a.set_filter("emergencia");
    assert_eq!(a.selected_entry().unwrap().id, "PROC-BACKEND-002");
    a.set_filter("nada-coincide");
    assert!(render(&mut a, 80, 24).contains("Ningún procedimiento coincide"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.visible.len(), 4);
}

#[test]
fn enter_offers_rehearsal_first_then_live() {
    let root = fixture();
    let mut a = app(root.path(), Lang::En);
    key(&mut a, KeyCode::Down); // PROC-BACKEND-002
    key(&mut a, KeyCode::Enter);
    let text = render(&mut a, 80, 24);
    insta::assert_snapshot!("catalog_choose_en_80x24", text);
    // Esc goes back without choosing.
    key(&mut a, KeyCode::Esc);
    assert!(a.choice.is_none() && !a.quit);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.chosen,
        Some(Chosen {
            file: PathBuf::from("procedures/bd/PROC-BACKEND-002-rollback-migracion.toml"),
            dry_run: true,
        })
    );
    assert!(a.quit);
    let mut a = app(root.path(), Lang::En);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.chosen.as_ref().map(|c| c.dry_run), Some(false));
}

#[test]
fn kpis_and_runs_of_the_selected_procedure_and_back() {
    let root = fixture();
    let mut a = app(root.path(), Lang::En);
    key(&mut a, KeyCode::Char('K'));
    assert!(a.nested.is_some());
    let text = render(&mut a, 120, 40);
    assert!(text.contains("PROC-BACKEND-001"), "{text}");
    key(&mut a, KeyCode::Esc);
    assert!(a.nested.is_none(), "Esc on the KPI screen comes back");
    key(&mut a, KeyCode::Char('l'));
    let text = render(&mut a, 120, 40);
    assert!(a.nested.is_some());
    // Only this procedure's runs (three live, one rehearsal).
    assert_eq!(a.nested.as_ref().unwrap().review.visible.len(), 4, "{text}");
    assert!(!text.contains("PROC-OTRO-009"), "{text}");
    key(&mut a, KeyCode::Char('q'));
    assert!(a.nested.is_none() && !a.quit, "q in the runs comes back");
    // A procedure never run says so instead of an empty screen.
    key(&mut a, KeyCode::End);
    assert_eq!(a.selected_entry().unwrap().id, "PROC-BACKEND-003");
    key(&mut a, KeyCode::Char('l'));
    assert!(a.nested.is_none());
    assert!(render(&mut a, 80, 24).contains("PROC-BACKEND-003 has no runs yet."));
    key(&mut a, KeyCode::Char('K'));
    assert!(a.nested.is_none());
}

fn index(root: &Path, format: &str, lang: &str) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args([
            "index",
            "procedures",
            "--format",
            format,
            "--data-dir",
            "data",
        ])
        .current_dir(root)
        .env("PASOS_TODAY", catalog_fixture::TODAY)
        .env("TZ", "UTC")
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn index_follows_the_standards_layout() {
    let root = fixture();
    let (code, md, err) = index(root.path(), "md", "es_ES.UTF-8");
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("index_es_md", md);
    // 001's shape: by criticality (CRITICA, ALTA, MEDIA, each a table whose
    // first columns are 001's), then by type (the six types, "Ninguno aún").
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "## Índice de Procedimientos",
            "### Por Criticidad",
            "#### CRITICA",
            "#### ALTA",
            "#### MEDIA",
            "### Por Tipo",
            "#### Deployment",
            "#### Rollback",
            "#### Maintenance",
            "#### Troubleshooting",
            "#### Scaling",
            "#### Disaster Recovery",
            "### Métricas Globales",
        ]
    );
    let tables = md
        .lines()
        .filter(|l| l.starts_with("| ID | Título | Tipo | Frecuencia | Duración |"))
        .count();
    assert_eq!(tables, 3);
    assert!(md.contains("#### Troubleshooting\n- Ninguno aún\n"), "{md}");
    assert!(md.contains(
        "| [PROC-BACKEND-001](./PROC-BACKEND-001-despliegue-api.toml) | Despliegue de la API de pedidos | Deployment | Semanal | 6m | 3 | 67% | 2026-11-28 | - | 2027-01-01 |"
    ), "{md}");
    assert!(md.contains("| 2026-06-01 (vencida) |"), "{md}");

    let (code, md_en, _) = index(root.path(), "md", "en_US.UTF-8");
    assert_eq!(code, 0);
    assert!(
        md_en.contains("#### CRITICAL\n| ID | Title | Type | Frequency | Duration |"),
        "{md_en}"
    );

    let (code, json, err) = index(root.path(), "json", "en_US.UTF-8");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kpi"]["documented"], 4);
    assert_eq!(v["kpi"]["reviewed_within_cadence"], 2);
    assert_eq!(v["by_criticality"][0]["key"], "critica");
    assert_eq!(
        v["by_criticality"][0]["procedures"],
        serde_json::json!(["PROC-BACKEND-001", "PROC-BACKEND-002"])
    );
    let first = &v["procedures"][0];
    assert_eq!(first["history"]["executions"], 3);
    assert_eq!(first["history"]["success_rate"], 0.6667);
    assert_eq!(first["review"]["due"], "2027-01-01");
    assert_eq!(v["broken"][0]["path"], "procedures/notas.toml");

    // A directory that does not exist is an error a person can act on.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["index", "no-such-dir", "--data-dir", "data"])
        .current_dir(root.path())
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-dir does not exist"));
}

/// The catalog screen as `pasos open` starts it: the procedure files and
/// the last summary's figures, the history's scan still running.
fn app_while_scanning(
    root: &Path,
) -> (
    CatalogApp,
    std::sync::mpsc::Sender<Result<pasos::history::scan::Scan, String>>,
) {
    utc_zone();
    let dirs = vec![root.join("procedures")];
    let catalog = Catalog::load_files(&dirs, &root.join("data"), catalog_fixture::today());
    assert!(!catalog.verified);
    let mut app = CatalogApp::new(
        catalog,
        Default::default(),
        Keymap::defaults(),
        Lang::Es,
        root.join("data"),
    );
    app.color = false;
    let (tx, rx) = std::sync::mpsc::channel();
    app.pending = Some(rx);
    (app, tx)
}

fn row<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines().find(|l| l.contains(id)).unwrap()
}

#[test]
fn the_first_frame_does_not_wait_for_the_history_and_the_scan_replaces_its_figures() {
    let root = fixture();
    let data = root.path().join("data");
    let scan = || pasos::history::scan::scan(&data, &Default::default()).map_err(|e| e.to_string());
    // Cold: no summary yet, so no figures until the scan ends; the footer
    // says they are being checked.
    let (mut a, tx) = app_while_scanning(root.path());
    let text = render(&mut a, 200, 50);
    assert!(text.contains("Comprobando el historial"), "{text}");
    assert!(!row(&text, "PROC-BACKEND-001").contains("67%"), "{text}");
    assert!(!a.poll_history(), "nothing arrived yet");
    tx.send(scan()).unwrap();
    assert!(a.poll_history());
    assert!(a.catalog.verified);
    let text = render(&mut a, 200, 50);
    assert!(!text.contains("Comprobando el historial"), "{text}");
    assert!(row(&text, "PROC-BACKEND-001").contains("67%"), "{text}");
    // Warm: the next start shows the verified figures at once.
    let (mut a, tx) = app_while_scanning(root.path());
    let text = render(&mut a, 200, 50);
    assert!(row(&text, "PROC-BACKEND-001").contains("67%"), "{text}");
    assert!(text.contains("Comprobando el historial"), "{text}");
    drop(tx);
    // A summary that no longer matches the history (edited, or runs
    // since) is shown only until the scan ends.
    let path = pasos::catalog::summary::path(&data);
    let mut s = pasos::catalog::summary::Summary::load(&data).unwrap();
    let h = s.histories.get_mut("PROC-BACKEND-001").unwrap();
    h.success_rate = Some(0.99);
    s.save(&data).unwrap();
    let (mut a, tx) = app_while_scanning(root.path());
    assert!(row(&render(&mut a, 200, 50), "PROC-BACKEND-001").contains("99%"));
    tx.send(scan()).unwrap();
    assert!(a.poll_history());
    assert!(row(&render(&mut a, 200, 50), "PROC-BACKEND-001").contains("67%"));
    // The summary written is the verified figures.
    assert!(path.is_file());
    assert_eq!(
        pasos::catalog::summary::Summary::load(&data),
        Some(a.catalog.summary())
    );
    // A scan that fails says so, in place of the checking notice.
    let (mut a, tx) = app_while_scanning(root.path());
    tx.send(Err("permiso denegado".into())).unwrap();
    assert!(a.poll_history());
    let text = render(&mut a, 200, 50);
    assert!(text.contains("No se puede leer el historial"), "{text}");
    assert!(text.contains("permiso denegado"), "{text}");
}

#[test]
fn kpis_asked_for_while_the_history_is_checked_wait_for_it() {
    let root = fixture();
    let data = root.path().join("data");
    let (mut a, tx) = app_while_scanning(root.path());
    let slow = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let _ = tx.send(
            pasos::history::scan::scan(&data, &Default::default()).map_err(|e| e.to_string()),
        );
    });
    key(&mut a, KeyCode::Char('K'));
    slow.join().unwrap();
    assert!(a.nested.is_some(), "the KPI screen opened: {:?}", a.status);
    assert!(a.pending.is_none());
}
