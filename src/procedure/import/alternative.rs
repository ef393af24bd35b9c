//! Alternatives and conditions in step titles: `Option A: ...`,
//! `Opción B`, `A. Helm Rollback`, `Alternativa 2`; `(Si es necesario)`,
//! `Si falla, ...`, `(optional)`, `if needed`. The importer never chains
//! alternatives into one run: each becomes its own step that asks before
//! it runs, and the risk summary lists the choice for a person to review.

use super::classify::norm;
use regex::Regex;
use std::sync::OnceLock;

/// The label of an alternative (`A`, `B`, `2`), from a title.
pub fn label(title: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:(?:option|opci[oó]n|alternativ[ae]|method|m[eé]todo|approach|variante)\s+([A-Z0-9])\b|([A-E])[.)]\s+\S)")
            .expect("alternative")
    });
    let c = re.captures(title)?;
    c.get(1)
        .or_else(|| c.get(2))
        .map(|m| m.as_str().to_uppercase())
}

/// Whether a title says the step runs only in some cases.
pub fn is_conditional(title: &str) -> bool {
    let n = norm(title);
    [
        "si es necesario",
        "si aplica",
        "solo si",
        "si falla",
        "si no funciona",
        "en caso de",
        "opcional",
        "if needed",
        "if necessary",
        "if required",
        "if it fails",
        "only if",
        "optional",
        "if applicable",
    ]
    .iter()
    .any(|w| n.contains(w))
}

/// `WARNING:`, `**ADVERTENCIA:**`, `⚠️ ...`, `IMPORTANT:`, `DANGER`,
/// `CUIDADO`: a paragraph the operator must read before the step runs.
pub fn is_warning(text: &str) -> bool {
    let t =
        text.trim_start_matches(|c: char| c == '*' || c == '_' || c == '>' || c.is_whitespace());
    if t.starts_with('⚠') || t.starts_with('🚨') || t.starts_with("❗") {
        return true;
    }
    let orig: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
    let word = orig.to_uppercase();
    let after = t[t
        .char_indices()
        .nth(word.chars().count())
        .map(|(i, _)| i)
        .unwrap_or(t.len())..]
        .trim_start_matches(['*', '_']);
    matches!(
        word.as_str(),
        "WARNING"
            | "ADVERTENCIA"
            | "IMPORTANT"
            | "IMPORTANTE"
            | "DANGER"
            | "PELIGRO"
            | "CUIDADO"
            | "CAUTION"
            | "ATENCION"
            | "ATENCIÓN"
            | "AVISO"
    ) && (after.starts_with(':')
        || after.starts_with(' ')
        || after.is_empty()
        || after.starts_with('!'))
        && (orig.chars().all(|c| c.is_uppercase()) || after.starts_with(':'))
}

/// The warning without its `WARNING:` label (the checklist adds its own).
pub fn warning_text(text: &str) -> String {
    let t = text.trim_start_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let word_len: usize = t
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let rest = t[word_len..].trim_start_matches(['*', '_']);
    match rest.strip_prefix(':') {
        Some(r) if word_len > 0 => r.trim_start_matches(['*', '_']).trim().to_string(),
        _ => text.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            label("Option A: Quick Rollback (Kubernetes)").as_deref(),
            Some("A")
        );
        assert_eq!(label("Opción B - Restaurar").as_deref(), Some("B"));
        assert_eq!(
            label("A. Helm Rollback (Recomendado)").as_deref(),
            Some("A")
        );
        assert_eq!(label("Alternativa 2").as_deref(), Some("2"));
        assert_eq!(label("Assess Situation"), None);
        assert_eq!(label("A new hope"), None);
    }

    #[test]
    fn warnings() {
        assert!(is_warning("WARNING: this restarts every pod"));
        assert!(is_warning(
            "**ADVERTENCIA:** no ejecutar en horario laboral"
        ));
        assert!(is_warning("⚠️ Esto borra los datos"));
        assert!(is_warning("Important: take a backup first"));
        assert!(!is_warning("Importantly, the service restarts"));
        assert!(!is_warning("Check the warning count"));
        assert_eq!(warning_text("**ADVERTENCIA:** no tocar"), "no tocar");
        assert_eq!(warning_text("⚠️ Esto borra"), "⚠️ Esto borra");
    }

    #[test]
    fn conditions() {
        assert!(is_conditional(
            "Terminar Conexiones Forzadamente (Si es necesario)"
        ));
        assert!(is_conditional(
            "Si falla, re-deploy desde última versión estable"
        ));
        assert!(is_conditional("Enable debug logs (optional)"));
        assert!(!is_conditional("Verificar estado del sistema"));
    }
}
