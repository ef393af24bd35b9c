//! The printable checklist of a procedure with a choice, a condition, a
//! warning and reference snippets (`procedures/demo-ramas.toml`), in the
//! three formats, through the real binary.

use assert_cmd::Command;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo-ramas.toml");

fn export(format: &str, lang: &str) -> String {
    let out = Command::cargo_bin("pasos")
        .unwrap()
        .args(["export", "--format", format, "--lang", lang, DEMO])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn options_are_branches_conditions_read_only_if_and_snippets_are_reference() {
    for format in ["txt", "md", "html"] {
        let en = export(format, "en");
        for needle in [
            "CHOOSE ONE",
            "¿Cómo se restaura config.ini?",
            "1) Desde la copia de seguridad — runs 2a",
            "2) Desde la plantilla — runs 2b, 2c",
            "only if “Desde la plantilla” was chosen at 2",
            "ONLY IF",
            "¿La caché tiene datos de la configuración rota?",
            "WARNING",
            "Borra todo lo que haya en la caché",
            "Reference",
            "Ver la caché",
            "Útil para responder la condición del paso 3.",
            "ls -la",
        ] {
            let needle = if format == "html" {
                needle
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;")
            } else {
                needle.to_string()
            };
            // Plain text capitalises section titles.
            assert!(
                en.to_lowercase().contains(&needle.to_lowercase()),
                "{format}: no {needle:?} in\n{en}"
            );
        }
        let es = export(format, "es");
        for needle in ["ELEGIR UNA", "SOLO SI", "ADVERTENCIA", "Referencias"] {
            assert!(
                es.to_lowercase().contains(&needle.to_lowercase()),
                "{format}: no {needle:?} in\n{es}"
            );
        }
    }
    // The snippets come after the steps, never as a step to tick.
    let txt = export("txt", "en");
    let reference = txt.find("REFERENCE").expect("a Reference section");
    assert!(txt.find("[ ] V1").unwrap() < reference);
    assert!(!txt[reference..].contains("[ ]"), "{}", &txt[reference..]);
    // A choice only asks: it has no rollback line of its own.
    let choice = &txt[txt.find("[ ] 2 ").unwrap()..txt.find("[ ] 2a").unwrap()];
    assert!(!choice.contains("rollback"), "{choice}");
}
