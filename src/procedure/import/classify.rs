//! What a heading announces: a part of the template (purpose,
//! prerequisites, rollback, troubleshooting, Anexo B/C...), a phase of a
//! given kind, a step (`Paso 3`, `Step 2 -`, `PASO 1:`), or nothing in
//! particular. Spanish and English, with or without accents.

use crate::procedure::keyword::{PhaseKind, TriggerKind};
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurposePart {
    What,
    When,
    WhenNot,
    Impact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Purpose(PurposePart),
    Meta,
    Prerequisites,
    Triggers(Option<TriggerKind>),
    Severity,
    Phase(PhaseKind),
    Rollback,
    RollbackWhen,
    Troubleshooting,
    UsefulCommands,
    QuickChecklist,
    DecisionTree,
    Contacts,
    References,
    Notes,
    Generic,
}

impl Role {
    /// Roles whose sub-sections belong to them unless they say otherwise.
    pub fn is_inherited(self) -> bool {
        matches!(
            self,
            Role::Purpose(_)
                | Role::Meta
                | Role::Prerequisites
                | Role::Triggers(_)
                | Role::Severity
                | Role::Troubleshooting
                | Role::UsefulCommands
                | Role::QuickChecklist
                | Role::DecisionTree
                | Role::Contacts
                | Role::References
                | Role::Notes
        )
    }
}

/// Lower case, no accents, single spaces, no leading numbering.
pub fn norm(text: &str) -> String {
    // One pass: fold, filter and collapse whitespace into one buffer.
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'a'..='z' | '0'..='9' => c,
            'á' | 'Á' | 'à' | 'ä' => 'a',
            'é' | 'É' | 'è' | 'ë' => 'e',
            'í' | 'Í' | 'ì' | 'ï' => 'i',
            'ó' | 'Ó' | 'ò' | 'ö' => 'o',
            'ú' | 'Ú' | 'ù' | 'ü' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            '_' | '–' | '—' => ' ',
            c if c.is_ascii() => c,
            c => c.to_lowercase().next().unwrap_or(c),
        };
        // Only a plain space separates words; other whitespace (tabs,
        // line breaks) is dropped like punctuation.
        if c == ' ' {
            space = !out.is_empty();
        } else if c.is_alphanumeric() || "-:.()/&?¿,+".contains(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn strip_numbering(n: &str) -> &str {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"^(?:\d+(?:\.\d+)*|[a-z])[.)]\s+").expect("numbering"));
    match re.find(n) {
        Some(m) => &n[m.end()..],
        None => n,
    }
}

fn has_word(n: &str, word: &str) -> bool {
    n.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w == word)
}

/// Whether `n` contains any of the words.
fn any(n: &str, words: &Words) -> bool {
    words.in_text(n)
}

/// A list of words searched for in one pass: an Aho-Corasick automaton,
/// built the first time the list is used. A title is tested against a
/// few hundred words, group by group; one `contains` per word was the
/// import's largest single cost (about 6 % of a 1 MB import).
struct Words {
    list: &'static [&'static str],
    automaton: OnceLock<aho_corasick::AhoCorasick>,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Self {
        Self {
            list,
            automaton: OnceLock::new(),
        }
    }

    fn in_text(&self, n: &str) -> bool {
        self.automaton
            .get_or_init(|| aho_corasick::AhoCorasick::new(self.list).expect("a word list builds"))
            .is_match(n)
    }
}

/// A static [`Words`] list: `words!["a", "b"]`.
macro_rules! words {
    ($($w:literal),+ $(,)?) => {{
        static WORDS: Words = Words::new(&[$($w),+]);
        &WORDS
    }};
}

pub fn role(title: &str) -> Role {
    let full = norm(title);
    if full.starts_with("anexo b") || full.starts_with("annex b") || full.starts_with("appendix b")
    {
        return Role::QuickChecklist;
    }
    if full.starts_with("anexo c") || full.starts_with("annex c") || full.starts_with("appendix c")
    {
        return Role::DecisionTree;
    }
    if full.starts_with("anexo a") || full.starts_with("annex a") || full.starts_with("appendix a")
    {
        return Role::UsefulCommands;
    }
    let n = strip_numbering(&full);
    if any(
        n,
        words![
            "checklist rapido",
            "quick checklist",
            "checklist de rollback rapido",
            "lista rapida",
            "checklist rapida",
            "printable checklist",
            "checklist de respuesta",
            "incident checklist",
            "checklist de incidentes",
        ],
    ) {
        return Role::QuickChecklist;
    }
    if any(
        n,
        words!["decision tree", "arbol de decision", "arbol de decisiones"],
    ) {
        return Role::DecisionTree;
    }
    if any(
        n,
        words![
            "comandos utiles",
            "useful commands",
            "comandos frecuentes",
            "quick reference",
            "referencia rapida",
            "cheat sheet",
            "cheatsheet",
            "common commands",
            "comandos esenciales de referencia",
        ],
    ) {
        return Role::UsefulCommands;
    }
    if any(
        n,
        words![
            "troubleshooting",
            "solucion de problemas",
            "problemas comunes",
            "problemas frecuentes",
            "common issues",
            "common problems",
            "known issues",
            "errores comunes",
            "resolucion de problemas",
            "faq",
        ],
    ) {
        return Role::Troubleshooting;
    }
    if any(
        n,
        words![
            "contacto",
            "contacts",
            "escalamiento",
            "escalation",
            "escalacion",
            "on-call rotation",
            "rotacion de guardia",
        ],
    ) {
        return Role::Contacts;
    }
    if any(
        n,
        words![
            "referencias",
            "references",
            "enlaces",
            "documentacion relacionada",
            "related doc",
            "see also",
            "ver tambien",
            "bibliografia",
            "recursos adicionales",
            "additional resources",
        ],
    ) || matches!(n, "recursos" | "resources")
        || n == "links"
        || n == "urls"
        || n == "reference"
    {
        return Role::References;
    }
    if any(
        n,
        words![
            "metricas y kpi",
            "kpis",
            "historial de versiones",
            "historial de ejecuciones",
            "historial de cambios",
            "version history",
            "changelog",
            "aprobaciones",
            "approvals",
            "table of contents",
            "tabla de contenidos",
            "glossary",
            "glosario",
            "instrucciones de uso",
            "ejemplo de nomenclatura",
            "mejora continua",
            "continuous improvement",
            "lecciones aprendidas",
            "lessons learned",
            "post-mortem",
            "postmortem",
            "automation thoughts",
            "automation opportunities",
            "deficiencies",
            "estadisticas",
            "metricas de exito",
            "metricas de rollback",
            "next up",
            "documentacion del incidente",
            "incident report",
            "mental model",
            "antecedentes",
            "enlaces relacionados",
        ],
    ) || matches!(
        n,
        "indice"
            | "index"
            | "contenido"
            | "contents"
            | "background"
            | "notas"
            | "notes"
            | "nota"
            | "note"
    ) {
        return Role::Notes;
    }
    if any(
        n,
        words![
            "cuando no usar",
            "when not to use",
            "cuando no ejecutar",
            "when not to run",
        ],
    ) {
        return Role::Purpose(PurposePart::WhenNot);
    }
    if any(n, words!["cuando usar", "when to use", "alcance", "scope"]) {
        return Role::Purpose(PurposePart::When);
    }
    if n.starts_with("impacto") || n.starts_with("impact") {
        return Role::Purpose(PurposePart::Impact);
    }
    if any(
        n,
        words![
            "proposito",
            "purpose",
            "objetivo",
            "objective",
            "overview",
            "resumen",
            "summary",
            "descripcion general",
            "meaning",
            "significado",
            "introduccion",
            "introduction",
            "que hace",
            "what it does",
            "acerca de",
            "about this",
        ],
    ) || n.starts_with("overall")
        || n == "goal"
        || n == "descripcion"
        || n == "description"
    {
        return Role::Purpose(PurposePart::What);
    }
    if any(
        n,
        words![
            "informacion general",
            "metadata",
            "metadatos",
            "general information",
            "datos generales",
            "ficha tecnica",
        ],
    ) {
        return Role::Meta;
    }
    if any(
        n,
        words![
            "prerequisit",
            "pre-requisit",
            "prerrequisit",
            "requisitos",
            "requirements",
            "before you begin",
            "before you start",
            "antes de empezar",
            "antes de comenzar",
        ],
    ) {
        return Role::Prerequisites;
    }
    if any(
        n,
        words![
            "trigger",
            "disparador",
            "senales de alerta",
            "cuando ejecutar",
            "when to roll back",
            "when to rollback",
            "criterios de rollback",
            "criterios para rollback",
        ],
    ) || n.starts_with("alertas")
        || n.starts_with("alerts")
    {
        let kind = if any(n, words!["automatic", "automatico"]) {
            Some(TriggerKind::Automatic)
        } else if has_word(n, "manual") || has_word(n, "manuales") {
            Some(TriggerKind::Manual)
        } else {
            None
        };
        return Role::Triggers(kind);
    }
    if any(
        n,
        words![
            "niveles de severidad",
            "severity levels",
            "niveles de incidente",
            "incident levels",
            "niveles de prioridad",
            "priority levels",
        ],
    ) || n == "severidad"
        || n == "severity"
    {
        return Role::Severity;
    }
    if let Some(kind) = phase_kind(n) {
        return Role::Phase(kind);
    }
    if [
        "rollback",
        "plan de rollback",
        "plan de reversion",
        "reversion",
        "procedimiento de rollback",
        "procedimiento de reversion",
        "full rollback",
        "complete rollback",
        "revertir",
        "roll back",
        "undo",
        "rollback plan",
        "rollback procedure",
    ]
    .iter()
    .any(|k| n.starts_with(k))
    {
        return Role::Rollback;
    }
    Role::Generic
}

/// The kind of phase a heading names, if it names one.
pub fn phase_kind(n: &str) -> Option<PhaseKind> {
    if any(
        n,
        words![
            "post-ejecucion",
            "post ejecucion",
            "post-execution",
            "post execution",
            "post-despliegue",
            "post despliegue",
            "post-deploy",
            "despues del despliegue",
            "limpieza",
            "cleanup",
            "clean up",
            "cierre",
            "wrap up",
            "wrap-up",
            "post-procedimiento",
            "tareas posteriores",
            "after the deploy",
        ],
    ) {
        return Some(PhaseKind::Post);
    }
    if any(
        n,
        words![
            "validacion",
            "verificacion",
            "validation",
            "verification",
            "smoke test",
            "pruebas funcionales",
            "health check",
            "comprobacion",
            "checklist de validacion",
        ],
    ) && !n.starts_with("paso")
    {
        return Some(PhaseKind::Validation);
    }
    if any(
        n,
        words![
            "preparacion",
            "pre-flight",
            "preflight",
            "pre flight",
            "pre-despliegue",
            "pre despliegue",
            "predespliegue",
            "pre-deploy",
            "preparation",
            "antes del despliegue",
            "verificaciones previas",
            "pre-check",
            "precheck",
            "diagnosis",
            "diagnostico",
        ],
    ) {
        return Some(PhaseKind::Preflight);
    }
    if any(
        n,
        words![
            "pasos de ejecucion",
            "ejecucion",
            "execution",
            "paso a paso",
            "step by step",
            "mitigation",
            "mitigacion",
            "remediation",
            "remediacion",
            "pasos de respuesta",
            "upgrade process",
            "deployment process",
            "proceso de despliegue",
            "proceso de actualizacion",
            "durante el despliegue",
            "instrucciones",
            "instructions",
            "procedure steps",
        ],
    ) || has_word(n, "pasos")
        || has_word(n, "steps")
        || has_word(n, "procedure")
        || phase_heading(n).is_some()
    {
        return Some(PhaseKind::Execution);
    }
    None
}

fn step_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?i:paso|step|etapa)\s+([A-Za-z]?\d+(?:\.\d+)*[a-z]?|[A-Z])\s*(?:[:.)\-–—]\s*|\s+|$)(.*)$")
            .expect("step heading")
    })
}

/// `Paso P1: Verificar`, `Step 3 - Stop`, `PASO 2:`, `Paso 1.2:`, `Paso N: x`:
/// the id and the rest of the title.
pub fn step_heading(title: &str) -> Option<(String, String)> {
    let c = step_re().captures(title.trim())?;
    Some((c[1].to_uppercase(), c[2].trim().to_string()))
}

/// `3. Reiniciar servicios`, `1.2 Title`: the number and the rest.
pub fn numbered(title: &str) -> Option<(String, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(\d{1,3})[.)]|(\d{1,3}(?:\.\d{1,3})+)[.):]?)\s+(\S.*)$").expect("numbered")
    });
    let c = re.captures(title.trim())?;
    let n = c.get(1).or_else(|| c.get(2))?;
    Some((n.as_str().to_string(), c[3].trim().to_string()))
}

/// `FASE 1: Preparación`, `Phase 2 - Deploy`.
pub fn phase_heading(title: &str) -> Option<(String, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:fase|phase|etapa)\s+(\d{1,3})\s*(?:[:.)\-–—]\s*|\s+|$)(.*)$")
            .expect("phase")
    });
    let c = re.captures(title.trim())?;
    Some((c[1].to_string(), c[2].trim().to_string()))
}

/// Whether the document as a whole is a rollback plan (then its rollback
/// sections are its forward steps).
pub fn is_rollback_title(title: &str) -> bool {
    let n = norm(title);
    any(
        &n,
        words![
            "rollback",
            "reversion",
            "roll back",
            "revertir",
            "marcha atras",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_headings() {
        assert_eq!(role("Propósito"), Role::Purpose(PurposePart::What));
        assert_eq!(
            role("Cuándo NO usarlo"),
            Role::Purpose(PurposePart::WhenNot)
        );
        assert_eq!(role("Cuándo usarlo"), Role::Purpose(PurposePart::When));
        assert_eq!(role("Prerequisitos"), Role::Prerequisites);
        assert_eq!(
            role("Preparación (Pre-Flight Checks)"),
            Role::Phase(PhaseKind::Preflight)
        );
        assert_eq!(
            role("Pasos de Ejecución"),
            Role::Phase(PhaseKind::Execution)
        );
        assert_eq!(role("Validación Final"), Role::Phase(PhaseKind::Validation));
        assert_eq!(role("Rollback Completo"), Role::Rollback);
        assert_eq!(role("Post-Ejecución"), Role::Phase(PhaseKind::Post));
        assert_eq!(role("Anexo B: Checklist Rápido"), Role::QuickChecklist);
        assert_eq!(
            role("Anexo C: Decision Tree para Rollback"),
            Role::DecisionTree
        );
        assert_eq!(role("Anexo A: Comandos Útiles"), Role::UsefulCommands);
        assert_eq!(role("Contactos de Escalamiento"), Role::Contacts);
        assert_eq!(role("Métricas y KPIs"), Role::Notes);
        assert_eq!(
            role("Triggers Automáticos (Rollback Inmediato)"),
            Role::Triggers(Some(TriggerKind::Automatic))
        );
        assert_eq!(
            role("FASE 2: Ejecución de Rollback"),
            Role::Phase(PhaseKind::Execution)
        );
        assert_eq!(
            role("Validación Post-Rollback"),
            Role::Phase(PhaseKind::Validation)
        );
        assert_eq!(role("Overall Procedure"), Role::Purpose(PurposePart::What));
        assert_eq!(role("Docker (Local)"), Role::Generic);
        assert_eq!(role("Plan de Rollback"), Role::Rollback);
    }

    #[test]
    fn step_headings() {
        assert_eq!(
            step_heading("Paso P1: Verificar Estado"),
            Some(("P1".into(), "Verificar Estado".into()))
        );
        assert_eq!(
            step_heading("Step 3 - Stop patroni"),
            Some(("3".into(), "Stop patroni".into()))
        );
        assert_eq!(
            step_heading("PASO 3: Ejecutar Rollback"),
            Some(("3".into(), "Ejecutar Rollback".into()))
        );
        assert_eq!(
            step_heading("Paso 1.2: Verificar Backups"),
            Some(("1.2".into(), "Verificar Backups".into()))
        );
        assert_eq!(
            step_heading("Paso N: [Último Paso]"),
            Some(("N".into(), "[Último Paso]".into()))
        );
        assert_eq!(step_heading("Pasos de Ejecución"), None);
        assert_eq!(
            numbered("3. Actualizar Dependencias"),
            Some(("3".into(), "Actualizar Dependencias".into()))
        );
        assert_eq!(
            numbered("1.2 Restaurar"),
            Some(("1.2".into(), "Restaurar".into()))
        );
        assert_eq!(numbered("100 usuarios"), None);
        assert_eq!(step_heading("Paso a paso"), None);
        assert_eq!(
            phase_heading("FASE 1: Preparación"),
            Some(("1".into(), "Preparación".into()))
        );
    }
}
