//! Mojibake made from our own Spanish runbook, each broken way, must import
//! exactly like the clean text; correct text must never be "repaired".

use super::{assert_loads, import};
use pasos::i18n::Lang;
use pasos::procedure::import::mojibake;
use pasos::procedure::import::{Options, import_bytes};

const RUNBOOK: &str = "# Reversión de la migración de índices\n\n\
**Criticidad:** ALTA\n**Versión:** 1.0.0\n\n\
## Pasos de Ejecución\n\n\
### Paso 1: Verificar la configuración\n\
**Duración Estimada:** 5 minutos\n\n\
```bash\n# Revisar la conexión\npsql -h db -c \"SELECT 1;\"\n```\n\n\
**Resultado Esperado:** La conexión responde; ¿algún error? No.\n\n\
### Paso 2: Añadir el índice único\n\
```bash\npsql -h db -f añadir_índice.sql\n```\n";

/// Same text with emoji, arrows and quotes (four- and three-byte UTF-8).
const SYMBOLS: &str = "# Migración 🚀\n\n## Pasos de Ejecución\n\n### Paso 1: Validar ✅ → siguiente\n```bash\necho \"listo ⚠️\"\n```\n";

fn mac_roman(text: &str) -> String {
    encoding_rs::MACINTOSH
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

fn windows_1252(text: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// Latin-1 proper: bytes 0x80-0x9F become C1 controls.
fn latin1(text: &str) -> String {
    text.as_bytes().iter().map(|b| char::from(*b)).collect()
}

fn gbk(text: &str) -> String {
    encoding_rs::GBK
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

fn import_text(text: &str) -> pasos::procedure::import::Imported {
    import(text.as_bytes(), "reversion.md")
}

/// What the report says about the encoding, in English.
fn said(imported: &pasos::procedure::import::Imported) -> String {
    let en: Vec<String> = imported
        .report
        .encoding
        .iter()
        .map(|m| m.render(Lang::En))
        .collect();
    en.join("\n")
}

fn same_import(broken: &str, clean: &str, expect: &str) {
    assert_ne!(broken, clean);
    let fixed = import_text(broken);
    let reference = import_text(clean);
    assert_loads(&fixed);
    assert_eq!(fixed.toml, reference.toml);
    let said = said(&fixed);
    assert!(said.contains(expect), "{said}");
    assert!(fixed.report.totals.repaired_segments > 0);
}

#[test]
fn utf8_read_as_mac_roman() {
    same_import(&mac_roman(RUNBOOK), RUNBOOK, "Mac Roman");
    same_import(&mac_roman(SYMBOLS), SYMBOLS, "Mac Roman");
}

#[test]
fn utf8_read_as_windows_1252() {
    same_import(&windows_1252(RUNBOOK), RUNBOOK, "Windows-1252");
    same_import(&windows_1252(SYMBOLS), SYMBOLS, "Windows-1252");
}

#[test]
fn utf8_read_as_latin1() {
    same_import(&latin1(RUNBOOK), RUNBOOK, "Latin-1");
}

#[test]
fn utf8_read_as_gbk() {
    // Two-byte characters (Spanish letters) survive GBK whole.
    same_import(&gbk(RUNBOOK), RUNBOOK, "GBK");
}

#[test]
fn gbk_with_lost_characters_repairs_what_survived() {
    // Like the seed that lost its emoji: drop what GBK could not decode.
    let broken: String = gbk("## 📋 Información General\n\nProducción y gestión.\n")
        .chars()
        .filter(|c| *c != '\u{FFFD}')
        .collect();
    let out = mojibake::repair(&broken);
    assert!(out.text.contains("Información General"), "{}", out.text);
    assert!(out.text.contains("Producción y gestión."), "{}", out.text);
}

#[test]
fn encoded_twice() {
    let twice = windows_1252(&windows_1252(RUNBOOK));
    same_import(&twice, RUNBOOK, "Windows-1252");
}

#[test]
fn bom_utf16_and_crlf_read_like_plain_utf8() {
    let reference = import_text(RUNBOOK).toml;
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(RUNBOOK.as_bytes());
    let crlf = RUNBOOK.replace('\n', "\r\n");
    let utf16le: Vec<u8> = "\u{FEFF}"
        .chars()
        .chain(RUNBOOK.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let utf16be: Vec<u8> = RUNBOOK
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    for bytes in [bom, crlf.into_bytes(), utf16le, utf16be] {
        let imported = import(&bytes, "reversion.md");
        assert_eq!(imported.toml, reference);
        assert!(!imported.report.encoding.is_empty());
    }
}

#[test]
fn latin1_file_is_read_and_said() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(RUNBOOK);
    let imported = import(&bytes, "reversion.md");
    assert_eq!(imported.toml, import_text(RUNBOOK).toml);
    assert!(said(&imported).contains("not UTF-8"));
    let es: Vec<String> = imported
        .report
        .encoding
        .iter()
        .map(|m| m.render(Lang::Es))
        .collect();
    assert!(
        es.iter()
            .any(|s| s.starts_with("no es UTF-8: leído como Windows-1252 en ")),
        "{es:?}"
    );
}

#[test]
fn correct_text_is_never_repaired() {
    for text in [
        RUNBOOK,
        SYMBOLS,
        "Sin acentos: produccion, migracion, indice.",
        "Con acentos: producción, migración, índice, pingüino, ÑANDÚ, ¡ya! ¿qué?",
        "Emoji: 🚀 ✅ ⚠️ 👍🏽 🇦🇷 👨‍👩‍👧 → ← ↑",
        "中文：生产数据库迁移计划，贸易系统的回滚步骤。",
        "日本語の手順書です。한국어 문서입니다.",
        "«Comillas» “tipográficas” — guiones … 10 € · ½ ° ±",
        "Ã solo, Â solo, √ raíz, ≥ mayor",
    ] {
        let out = mojibake::repair(text);
        assert_eq!(out.text, text);
        assert!(out.repaired.is_empty(), "{text}");
        let imported = import_text(text);
        assert!(
            imported
                .report
                .encoding
                .iter()
                .all(|e| !e.render(Lang::En).contains("repaired")),
            "{text}"
        );
    }
}

#[test]
fn no_repair_keeps_the_mojibake() {
    let broken = mac_roman(RUNBOOK);
    let imported = import_bytes(
        broken.as_bytes(),
        &Options {
            repair: false,
            source_name: "x.md".into(),
        },
    );
    assert!(
        imported.procedure.meta.title.contains("√≥"),
        "{}",
        imported.procedure.meta.title
    );
    assert_loads(&imported);
}
