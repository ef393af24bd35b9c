//! Arbitrary Markdown-ish input never panics and always gives TOML that
//! loads. Cases: `PASOS_FUZZ_CASES` (default 10,000, about 7 s in debug).

use pasos::procedure::import::{Options, import_bytes};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "# ",
    "## ",
    "### Paso 1: ",
    "#### PASO 2: Rollback (5-8 min)",
    "### Step 3 - ",
    "FASE 1: Preparación (Tiempo estimado: 2 minutos)",
    "\n",
    "\n\n",
    "  ",
    "    ",
    "- ",
    "- [ ] ",
    "- [x] ",
    "1. ",
    "2) ",
    "> ",
    "---\n",
    "+++\n",
    "#!/bin/sh\n",
    "```bash\n",
    "```\n",
    "``` bash named\n",
    "```sh {\"name\":\"x\",\"interactive\":\"true\"}\n",
    "```mermaid\n",
    "```sql\n",
    "**Duración Estimada:** ",
    "**Criticidad:** ALTA",
    "**Rollback Disponible:** SI",
    "**Resultado Esperado:** ",
    "**Validación:**",
    "**Salida Esperada:**",
    "**Si falla:**",
    "**Rollback de este paso:**",
    "**Cuándo ejecutar rollback:**",
    "**Versión:** 1.0",
    "**Tiempo total de rollback:** ~10-15 minutos",
    "**Síntomas:**",
    "**Solución:**",
    "## Rollback Completo",
    "## Troubleshooting",
    "## Prerequisitos",
    "### Anexo B: Checklist Rápido",
    "### Anexo C: Decision Tree",
    "¿Falló?\n SI → Rollback\n NO → ¿Seguro?\n",
    "| a | b |\n|---|---|\n| SEV-1 | < 5 min |\n",
    "kubectl get pods",
    "psql -h ${DB_HOST} -c \"SELECT 1;\"",
    "echo ${API_TOKEN}",
    "cat <<EOF\nx\nEOF\n",
    "if [ 1 ]; then\n",
    "fi\n",
    "for i in 1 2; do\n",
    "done\n",
    "\\\n",
    "'",
    "\"",
    "`",
    "$ ",
    "# 1. Paso",
    "# Esperado: ok",
    "# Tiempo estimado: 3 min",
    "<r label=x/>",
    "<r opt=\"file\" desc=\"d\"/>",
    "<!--~\n",
    "-->\n",
    "<!-- c -->",
    "[x]: http://x\n",
    "![i](x.png)",
    "Reversi√≥n",
    "ProducciÃ³n",
    "Producci贸n",
    "🚀",
    "中文",
    "\u{0}",
    "\u{1b}[0m",
    "'''",
    "\"\"\"",
    "\t",
    "\r\n",
    "5 minutos",
    "0-2 min",
    "(2-5 min)",
    "N",
    "R1",
    "P1",
    "V1",
    "---",
    "***",
    "title: x\n",
    "id: PROC-1\n",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>(),
        1 => "[a-zA-Z0-9 áéíóúñ:.()#*`\\-]{0,20}",
    ]
}

fn cases() -> u32 {
    std::env::var("PASOS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_markdown_imports_to_a_loadable_procedure(parts in proptest::collection::vec(piece(), 0..60)) {
        let text = parts.concat();
        for repair in [true, false] {
            let imported = import_bytes(text.as_bytes(), &Options { repair, source_name: "fuzz.md".into() });
            let loaded = pasos::procedure::load_str(&imported.toml);
            let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
            prop_assert!(errors.is_empty(), "{:?}\n--- input ---\n{:?}\n--- toml ---\n{}", errors, text, imported.toml);
        }
    }

    #[test]
    fn any_bytes_import_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let imported = import_bytes(&bytes, &Options::default());
        prop_assert!(!imported.toml.is_empty());
    }
}
