//! `pasos export`: golden checklists of a fixture with every part, the
//! 80-column limit for plain text, HTML that parses and references
//! nothing outside itself, every procedure of the repository in every
//! format, the filled checklist of a real run, and bad input.

use assert_cmd::Command;
use pasos::export::{self, Format, from_procedure};
use pasos::i18n::Lang;
use pasos::journal::store;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const FORMATS: [Format; 3] = [Format::Txt, Format::Md, Format::Html];

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/export").join(name)
}

fn procedure(path: &Path) -> pasos::procedure::Procedure {
    let bytes = std::fs::read(path).unwrap();
    let loaded = pasos::procedure::check_file(path, &bytes);
    loaded
        .procedure
        .unwrap_or_else(|| panic!("{} does not load: {:?}", path.display(), loaded.diagnostics))
}

fn export(path: &Path, lang: Lang, format: Format) -> String {
    export::render(&from_procedure::build(&procedure(path), lang), format)
}

/// Every procedure the checks run over: the fixtures (one in Markdown)
/// and the repository's.
fn all_procedures() -> Vec<PathBuf> {
    let mut out = vec![
        fixture("everything.toml"),
        fixture("long-words.toml"),
        // A Markdown runbook, imported in memory.
        fixture("runbook.md"),
    ];
    let mut repo: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("procedures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "md"))
        .collect();
    repo.sort();
    assert!(repo.len() >= 5, "the repository's procedures are missing");
    out.extend(repo);
    out
}

fn golden(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "export/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn golden_checklists_of_the_fixture() {
    let p = fixture("everything.toml");
    golden("everything_en_txt", &export(&p, Lang::En, Format::Txt));
    golden("everything_es_txt", &export(&p, Lang::Es, Format::Txt));
    golden("everything_en_md", &export(&p, Lang::En, Format::Md));
    golden("everything_en_html", &export(&p, Lang::En, Format::Html));
}

/// Whitespace runs as one space: what a line says, wherever it wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_fixture_shows_every_part() {
    let txt = export(&fixture("everything.toml"), Lang::En, Format::Txt);
    let flat_txt = flat(&txt);
    for part in [
        "PROC-EXPORT-001",
        "Version: 2.1.0",
        "Criticality: HIGH",
        "Environment: production",
        "Estimate: 20-30m",
        "RTO: 30m",
        "RPO: 5m",
        "Operator: ___",
        "Signature: ___",
        "Reviewed by: ___",
        "Approved by: ___",
        "check: $ ssh -o BatchMode=yes cache-01 true",
        "[ ] Change ticket approved",
        "budget 10-15m",
        "[CONFIRM]",
        "[CRITICAL]",
        "[MANUAL]",
        "… (+3 lines)",
        "expected: cache-01 reports `drained`",
        // Every kind of rollback pointer.
        "rollback: no rollback needed",
        "rollback: rollback not documented",
        "rollback: own undo (1m): `cache-admin --node cache-01 undrain` … (+1 command)",
        "rollback: R1, R2 (6m)",
        "rollback: own undo: Move the slots back by hand",
        "then R2",
        "When to roll back",
        "[ ] R1  Restore the old node",
        "[automatic] Node lost",
        "(decides: SRE lead)",
        "DECISION TREE",
        "!! ROLLBACK: Roll back from R1 (go to step R1)",
        "see [waited] above",
        "Ana Pérez",
        "[ ] Change window open",
    ] {
        assert!(
            flat_txt.contains(&flat(part)),
            "missing {part:?} in:\n{txt}"
        );
    }
    // Variables stay as ${NAME}; a secret is flagged, never given a blank.
    assert!(txt.contains("${CACHE_TOKEN} [SECRET: DO NOT WRITE IT DOWN]"));
    assert!(flat_txt.contains("--token \"${CACHE_TOKEN}\""));
}

#[test]
fn credentials_written_in_commands_are_redacted() {
    for format in FORMATS {
        let out = export(&fixture("long-words.toml"), Lang::En, format);
        assert!(!out.contains("hunter2-literal"), "{out}");
        assert!(!out.contains("abcdefghijklmnop0123456789"), "{out}");
        assert!(out.contains("[redacted]"), "{out}");
        assert!(out.contains("${API_TOKEN}"), "{out}");
    }
}

#[test]
fn plain_text_fits_80_columns() {
    for path in all_procedures() {
        for lang in [Lang::Es, Lang::En] {
            let txt = export(&path, lang, Format::Txt);
            for (n, line) in txt.lines().enumerate() {
                let w = textwrap::core::display_width(line);
                assert!(
                    w <= 80,
                    "{} ({lang:?}) line {}: {w} columns:\n{line}",
                    path.display(),
                    n + 1
                );
                assert_eq!(line, line.trim_end(), "trailing spaces");
            }
        }
    }
}

/// Parses the page as XML (the renderer writes well-formed markup) and
/// returns the attribute values and the stylesheet.
fn parse_html(html: &str) -> (Vec<String>, String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let (mut attributes, mut css, mut in_style, mut depth) =
        (Vec::new(), String::new(), false, 0i32);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                in_style = e.name().as_ref() == "style";
                for a in e.attributes() {
                    attributes.push(a.unwrap().value.to_string());
                }
            }
            Ok(Event::Empty(e)) => {
                for a in e.attributes() {
                    attributes.push(a.unwrap().value.to_string());
                }
            }
            Ok(Event::End(_)) => {
                depth -= 1;
                in_style = false;
            }
            Ok(Event::Text(t)) if in_style => css.push_str(&t),
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at byte {}: {e}\n{}",
                reader.buffer_position(),
                &html[..(reader.buffer_position() as usize).min(html.len())]
            ),
        }
    }
    assert_eq!(depth, 0, "unbalanced tags");
    (attributes, css)
}

#[test]
fn html_is_well_formed_and_self_contained() {
    for path in all_procedures() {
        let html = export(&path, Lang::En, Format::Html);
        let (attributes, css) = parse_html(&html);
        assert!(css.contains("@page"), "the stylesheet is inline");
        assert!(css.contains("break-inside: avoid"));
        for banned in [
            "src=", "href=", "<link", "<script", "<img", "@import", "url(",
        ] {
            assert!(!html.contains(banned), "{}: {banned}", path.display());
        }
        for a in &attributes {
            assert!(!a.contains("http"), "{}: attribute {a}", path.display());
        }
        assert!(!css.contains("http"));
    }
    // The fixture has no address in it: the page has none at all.
    let html = export(&fixture("everything.toml"), Lang::En, Format::Html);
    assert!(!html.contains("http"));
    // Markup from the procedure is text.
    assert!(html.contains("Rotate the cache cluster &lt;safely&gt; &amp; verify"));
    assert!(html.contains("&lt;b&gt;dashboards&lt;/b&gt;"));
    assert!(!html.contains("<b>"));
}

#[test]
fn markdown_escapes_markup() {
    let md = export(&fixture("everything.toml"), Lang::En, Format::Md);
    assert!(md.contains("Cache warmed &amp; &lt;b>dashboards&lt;/b> green"));
    assert!(md.contains("- [ ] **3** Drain the first node · *3m* · **CONFIRM**"));
}

fn pasos(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pasos").unwrap();
    cmd.env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .timeout(std::time::Duration::from_secs(60));
    cmd
}

#[test]
fn every_procedure_exports_in_every_format_through_the_binary() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    for path in all_procedures() {
        for format in ["txt", "md", "html"] {
            let out = out_dir.path().join(format!("out.{format}"));
            pasos(data.path())
                .args(["export", "--format", format, "-o"])
                .arg(&out)
                .arg(&path)
                .assert()
                .code(0);
            let text = std::fs::read_to_string(&out).unwrap();
            let id = procedure(&path).meta.id;
            assert!(text.contains(&id[..12]), "{}: {format}", path.display());
        }
    }
}

#[test]
fn the_language_comes_from_lang_and_lang_overrides_it() {
    let data = tempfile::tempdir().unwrap();
    let demo = Path::new(ROOT).join("procedures/demo.toml");
    let out = pasos(data.path())
        .env("LANG", "es_ES.UTF-8")
        .arg("export")
        .arg(&demo)
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("Checklist rápido"), "{text}");
    let out = pasos(data.path())
        .env("LANG", "es_ES.UTF-8")
        .args(["--lang", "en", "export"])
        .arg(&demo)
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(text.contains("Quick checklist"), "{text}");
}

#[test]
fn bad_input_exits_2_with_file_line_col() {
    let data = tempfile::tempdir().unwrap();
    let bad = fixture("secret-default.toml");
    let out = pasos(data.path()).arg("export").arg(&bad).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("secret-default.toml:12:11"), "{stderr}");
    assert!(stderr.contains("secret-default"), "{stderr}");
    assert!(out.get_output().stdout.is_empty());
    // Missing file, unknown run, nothing named.
    pasos(data.path())
        .args(["export", "/nonexistent/proc.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "cannot read /nonexistent/proc.toml",
        ));
    pasos(data.path())
        .args(["export", "--run", "2099"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no run `2099`"));
    pasos(data.path()).arg("export").assert().code(2);
}

/// Runs the demo line by line: step 4 fails, the operator notes it, then
/// either rolls back or overrides the failure (a deviation).
fn demo_run(data: &Path, work: &Path, roll_back: bool) -> String {
    let workdir = work.join("demo");
    let failing = ["y", "", "", "", "", "", "3", ""].join("\n") + "\n";
    let then = if roll_back {
        "n\nthe schema file is missing\nb\nschema not migrated; cannot fix in 5 minutes\n\n\n\n\n\n\n"
    } else {
        "o\nschema migrated by hand, checked with the DBA\n\n\n\n"
    };
    pasos(data)
        .args(["run", "--plain", "--operator", "Ana Export"])
        .arg(format!("--var=WORKDIR={}", workdir.display()))
        .env("PASOS_VAR_NOTIFY_TOKEN", "tok-EXPORT-secret-99")
        .arg(Path::new(ROOT).join("procedures/demo.toml"))
        .write_stdin(failing + then)
        .assert()
        .code(if roll_back { 1 } else { 0 });
    let journals = store::list(data).unwrap();
    store::run_id_of(journals.last().unwrap())
}

fn export_run(data: &Path, run: &str, format: &str) -> String {
    let out = pasos(data)
        .args(["export", "--format", format, "--run", run])
        .assert()
        .code(0);
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn the_filled_checklist_of_a_run_with_a_rollback() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-export-")
        .tempdir_in("/tmp")
        .unwrap();
    let run = demo_run(data.path(), work.path(), true);
    let txt = export_run(data.path(), &run[..18], "txt");
    for part in [
        "Run checklist",
        &format!("Run: {run}"),
        "Operator: Ana Export",
        "Outcome: ROLLED BACK",
        "Journal: verified: ",
        "hash chain intact",
        "+00:00",
        "[x] P1  Check the tools",
        "[~] 3  Deploy version 2.0.0 [UNDONE]",
        "confirmed by typing “3”",
        "[!] 4  Check the database schema is migrated [FAILED]",
        "exit 1: $ cat",
        "note: the schema file is missing",
        "[ ] 5  Take down the maintenance flag",
        "The rollback ran from step 4.",
        "Reason: schema not migrated; cannot fix in 5 minutes",
        "[~] 2  Put up the maintenance flag [UNDONE]",
        "Plan: R1, R2, R3, R4",
        "[x] R2  Restore the newest backup",
        "[x] R4",
        "NOTIFY_TOKEN: secret (not recorded)",
    ] {
        assert!(
            flat(&txt).contains(&flat(part)),
            "missing {part:?} in:\n{txt}"
        );
    }
    assert!(!txt.contains("tok-EXPORT-secret-99"));
    for line in txt.lines() {
        assert!(textwrap::core::display_width(line) <= 80, "{line}");
    }
    let html = export_run(data.path(), &run, "html");
    parse_html(&html);
    assert!(html.contains("class=\"box failed\""));
    assert!(html.contains("class=\"box undone\""));
    let md = export_run(data.path(), &run, "md");
    assert!(md.contains("- [!] **4** Check the database schema is migrated"));
}

#[test]
fn the_filled_checklist_shows_deviations_and_a_journal_that_does_not_verify() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::Builder::new()
        .prefix("pasos-export-")
        .tempdir_in("/tmp")
        .unwrap();
    let run = demo_run(data.path(), work.path(), false);
    let txt = export_run(data.path(), &run, "txt");
    assert!(txt.contains("Outcome: SUCCESS"), "{txt}");
    assert!(txt.contains("No rollback was run."), "{txt}");
    // The deviation sits under step 4, which ends done.
    let step4 = txt
        .split("\n\n")
        .find(|b| b.contains("] 4  Check the database schema"))
        .unwrap();
    assert!(step4.starts_with("[x] 4"), "{step4}");
    assert!(
        step4.contains("!! DEVIATION:") && step4.contains("schema migrated by hand"),
        "{step4}"
    );
    // Tamper with the journal: the checklist says so.
    let journal = store::find(data.path(), &run).unwrap();
    let text = std::fs::read_to_string(&journal).unwrap();
    std::fs::write(&journal, text.replacen("Ana Export", "Somebody Else", 1)).unwrap();
    let txt = export_run(data.path(), &run, "txt");
    assert!(
        txt.contains("Journal: NOT VERIFIED: edited (line 1)"),
        "{txt}"
    );
}
