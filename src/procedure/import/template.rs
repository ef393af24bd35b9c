//! The users' template: the bold labels (`**Duración Estimada:**`,
//! `**Criticidad:**`, `**Si falla:**`...) and the metadata keys of the front
//! matter and of the `**Key:** value` lines, in Spanish and English, and
//! how each value lands in the procedure.

use super::blocks::Lines;
use super::classify::norm;
use super::duration;
use super::report::Report;
use crate::procedure::keyword::{Category, Criticality, Frequency, Keyword};
use crate::procedure::model::Metadata;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Estimate,
    Criticality,
    RollbackAvailable,
    Expected,
    Validation,
    ExpectedOutput,
    OnFailure,
    Rollback,
    Commands,
    Instructions,
    Confirm,
}

pub fn step_field(label: &str) -> Option<StepField> {
    let n = norm(label);
    let n = n.trim_end_matches(':').trim();
    Some(match n {
        "duracion estimada" | "duracion" | "tiempo estimado" | "tiempo" | "estimado"
        | "estimated duration" | "estimated time" | "duration" | "estimate" | "time" | "eta" => {
            StepField::Estimate
        }
        "criticidad" | "criticality" | "criticidad del paso" | "riesgo" | "risk" => {
            StepField::Criticality
        }
        "rollback disponible" | "rollback available" | "reversible" | "tiene rollback" => {
            StepField::RollbackAvailable
        }
        "resultado esperado" | "expected result" | "expected" | "esperado" | "resultado"
        | "result" | "metricas de exito" | "criterios de exito" | "success criteria"
        | "success metrics" | "expected outcome" | "debe retornar" | "should return" => {
            StepField::Expected
        }
        "validacion" | "validation" | "verificacion" | "verification" | "verify" | "validar"
        | "como validar" | "check" => StepField::Validation,
        "salida esperada" | "expected output" | "output esperado" | "output" | "salida"
        | "ejemplo de salida" | "example output" => StepField::ExpectedOutput,
        "si falla" | "if it fails" | "if this fails" | "on failure" | "en caso de fallo"
        | "en caso de error" | "si hay errores" | "troubleshooting" | "si algo falla" => {
            StepField::OnFailure
        }
        "rollback de este paso"
        | "rollback del paso"
        | "rollback"
        | "step rollback"
        | "rollback of this step"
        | "rollback for this step"
        | "undo"
        | "revertir"
        | "como revertir"
        | "reversion" => StepField::Rollback,
        "comandos" | "commands" | "comando" | "command" | "ejecutar" | "run" => StepField::Commands,
        "descripcion" | "description" | "objetivo" | "objective" | "accion" | "action"
        | "instrucciones" | "instructions" | "que hacer" => StepField::Instructions,
        "requiere confirmacion" | "confirmacion" | "confirm" | "requires confirmation" => {
            StepField::Confirm
        }
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaField {
    Id,
    Title,
    Category,
    Criticality,
    Frequency,
    Estimate,
    Version,
    Updated,
    Created,
    Author,
    Reviewers,
    Environment,
    Rto,
    Rpo,
    Tags,
}

pub fn meta_field(key: &str) -> Option<MetaField> {
    let n = norm(key).replace(['-', '_'], " ");
    let n = n.trim_end_matches(':').trim();
    Some(match n {
        "id" | "codigo" | "code" | "procedure id" | "id del procedimiento" => MetaField::Id,
        "titulo" | "title" | "nombre" | "name" => MetaField::Title,
        "tipo" | "categoria" | "category" | "type" => MetaField::Category,
        "criticidad" | "criticality" | "severidad" | "severity" | "prioridad" | "priority" => {
            MetaField::Criticality
        }
        "frecuencia" | "frequency" => MetaField::Frequency,
        "tiempo estimado" | "duracion" | "duracion estimada" | "estimated time" | "duration"
        | "estimate" | "tiempo total" => MetaField::Estimate,
        "version" | "versiones" | "documento controlado" => MetaField::Version,
        "ultima actualizacion" | "actualizado" | "updated" | "last updated" | "last update" => {
            MetaField::Updated
        }
        "fecha" | "date" | "fecha de creacion" | "documento creado" | "created" | "creado" => {
            MetaField::Created
        }
        "autor" | "author" | "responsable" | "owner" | "maintainer" | "creado por"
        | "created by" | "autores" => MetaField::Author,
        "revisores" | "reviewers" | "revisado por" | "reviewed by" => MetaField::Reviewers,
        "ambiente" | "entorno" | "environment" | "env" => MetaField::Environment,
        "rto" | "rto (recovery time objective)" | "recovery time objective" => MetaField::Rto,
        "rpo" | "rpo (recovery point objective)" | "recovery point objective" => MetaField::Rpo,
        "tags" | "etiquetas" => MetaField::Tags,
        _ => return None,
    })
}

/// Puts a metadata value in place. Returns false when the value could not
/// be used (it then goes to the notes, and the report says why).
pub fn apply_meta(
    m: &mut Metadata,
    field: MetaField,
    value: &str,
    lines: Option<Lines>,
    report: &mut Report,
) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    let target = |k: &'static str| crate::msg!("import-target-procedure", key = k);
    match field {
        MetaField::Id => {
            if !m.id.is_empty() {
                return m.id == v;
            }
            m.id = v.to_string();
            report.add(lines, super::report::Kind::Mapped, target("id"), None);
        }
        MetaField::Title => {
            if !m.title.is_empty() {
                return m.title == v;
            }
            m.title = v.to_string();
            report.add(lines, super::report::Kind::Mapped, target("title"), None);
        }
        MetaField::Category => match first_keyword::<Category>(v) {
            Some(c) if m.category.is_none() => {
                m.category = Some(c);
                report.add(
                    lines,
                    super::report::Kind::Mapped,
                    target("category"),
                    crate::procedure::import::msg::Msg::value_to(v.to_string(), c.to_string()),
                );
            }
            _ => return false,
        },
        MetaField::Criticality => match first_keyword::<Criticality>(v) {
            Some(c) if m.criticality.is_none() => {
                m.criticality = Some(c);
                let exact = Criticality::parse(v).is_some();
                let kind = if exact {
                    super::report::Kind::Mapped
                } else {
                    super::report::Kind::Guess
                };
                report.add(
                    lines,
                    kind,
                    target("criticality"),
                    crate::procedure::import::msg::Msg::value_to(v.to_string(), c.to_string()),
                );
                return exact;
            }
            _ => return false,
        },
        MetaField::Frequency => match first_keyword::<Frequency>(v) {
            Some(f) if m.frequency.is_none() => {
                m.frequency = Some(f);
                report.add(
                    lines,
                    super::report::Kind::Mapped,
                    target("frequency"),
                    crate::procedure::import::msg::Msg::value_to(v.to_string(), f.to_string()),
                );
            }
            _ => return false,
        },
        MetaField::Estimate => match duration::whole(v) {
            Some(f) if m.estimate.is_none() => {
                m.estimate = Some(f.estimate);
                report.add(
                    lines,
                    super::report::Kind::Mapped,
                    target("estimate"),
                    crate::procedure::import::msg::Msg::value_to(
                        v.to_string(),
                        f.estimate.to_string(),
                    ),
                );
            }
            _ => return false,
        },
        MetaField::Rto | MetaField::Rpo => {
            let Some(f) = duration::find(v) else {
                return false;
            };
            let (slot, key) = if field == MetaField::Rto {
                (&mut m.rto, "rto")
            } else {
                (&mut m.rpo, "rpo")
            };
            if slot.is_some() {
                return false;
            }
            *slot = Some(f.estimate);
            report.add(
                lines,
                super::report::Kind::Mapped,
                target(key),
                crate::procedure::import::msg::Msg::value_to(v.to_string(), f.estimate.to_string()),
            );
        }
        MetaField::Version => match version(v) {
            Some(ver) if m.version.is_empty() => {
                let kind = if ver == v {
                    super::report::Kind::Mapped
                } else {
                    super::report::Kind::Guess
                };
                report.add(
                    lines,
                    kind,
                    target("version"),
                    crate::procedure::import::msg::Msg::value_to(v.to_string(), ver.to_string()),
                );
                m.version = ver;
            }
            _ => return false,
        },
        MetaField::Updated | MetaField::Created => match date(v) {
            Some(d) if m.updated.is_none() || field == MetaField::Updated => {
                let replaced = m.updated.is_some();
                m.updated = Some(d);
                let what = if field == MetaField::Created {
                    crate::msg!("import-detail-created-date", date = d.to_string())
                } else {
                    crate::msg!("import-detail-date", date = d.to_string())
                };
                report.add(lines, super::report::Kind::Mapped, target("updated"), what);
                return !replaced || field == MetaField::Updated;
            }
            _ => return false,
        },
        MetaField::Author => {
            if m.author.is_some() || placeholder(v) {
                return false;
            }
            m.author = Some(v.to_string());
            report.add(lines, super::report::Kind::Mapped, target("author"), None);
        }
        MetaField::Reviewers => {
            if !m.reviewers.is_empty() {
                return false;
            }
            m.reviewers = split_list(v);
            report.add(
                lines,
                super::report::Kind::Mapped,
                target("reviewers"),
                None,
            );
        }
        MetaField::Environment => {
            if m.environment.is_some() || v.contains('|') {
                return false;
            }
            m.environment = Some(v.to_string());
            report.add(
                lines,
                super::report::Kind::Mapped,
                target("environment"),
                None,
            );
        }
        MetaField::Tags => {
            m.tags.extend(split_list(v));
            report.add(lines, super::report::Kind::Mapped, target("tags"), None);
        }
    }
    true
}

/// The first word of `v` that is a keyword (`CRÍTICA - Operación...`).
/// Alternatives like `CRITICA | ALTA | MEDIA` are not a choice.
fn first_keyword<K: Keyword>(v: &str) -> Option<K> {
    if v.contains('|') {
        return None;
    }
    if let Some(k) = K::parse(v.trim_matches(|c| c == '[' || c == ']' || c == '*')) {
        return Some(k);
    }
    let first = v
        .split(|c: char| c.is_whitespace() || ",;(".contains(c))
        .next()?;
    K::parse(first.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
}

/// `1.0.0`, `v3.0.0`, `1.0` (-> 1.0.0), `2` (-> 2.0.0).
pub fn version(v: &str) -> Option<String> {
    let word = v.split_whitespace().find(|w| {
        w.trim_start_matches(['v', 'V'])
            .starts_with(|c: char| c.is_ascii_digit())
    })?;
    let t = word
        .trim_start_matches(['v', 'V'])
        .trim_end_matches(['.', ',']);
    if semver::Version::parse(t).is_ok() {
        return Some(t.to_string());
    }
    let parts: Vec<&str> = t.split('.').collect();
    if parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 6 && p.chars().all(|c| c.is_ascii_digit()))
    {
        let mut nums: Vec<String> = parts
            .iter()
            .map(|p| p.parse::<u64>().unwrap_or(0).to_string())
            .collect();
        while nums.len() < 3 {
            nums.push("0".into());
        }
        return Some(nums.join("."));
    }
    None
}

/// A `YYYY-MM-DD` date somewhere in the value.
pub fn date(v: &str) -> Option<chrono::NaiveDate> {
    v.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .find_map(|w| chrono::NaiveDate::parse_from_str(w.trim_matches('*'), "%Y-%m-%d").ok())
}

fn split_list(v: &str) -> Vec<String> {
    v.trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `[Nombre]`, `XX`, `YYYY-MM-DD`: template placeholders.
pub fn placeholder(v: &str) -> bool {
    let t = v.trim();
    (t.starts_with('[') && t.ends_with(']')) || t.chars().all(|c| "XY-_. ".contains(c))
}

/// Labels of the full rollback section.
pub fn rollback_when(label: &str) -> bool {
    let n = norm(label);
    n.starts_with("cuando ejecutar")
        || n.starts_with("cuando hacer")
        || n.starts_with("when to roll")
        || n.starts_with("cuando revertir")
        || n.starts_with("triggers")
        || n.starts_with("criterios")
}

pub fn rollback_total(label: &str) -> bool {
    let n = norm(label);
    n.starts_with("tiempo total")
        || n.starts_with("duracion total")
        || n.starts_with("total rollback")
        || n.starts_with("tiempo de rollback")
        || n.starts_with("rollback time")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TroubleField {
    Symptoms,
    Cause,
    Solution,
    References,
}

pub fn trouble_field(label: &str) -> Option<TroubleField> {
    let n = norm(label);
    let n = n.trim_end_matches(':').trim();
    Some(match n {
        "sintomas" | "sintoma" | "symptoms" | "symptom" | "error" | "mensaje de error" => {
            TroubleField::Symptoms
        }
        "causa probable" | "causa" | "cause" | "probable cause" | "root cause" | "causa raiz" => {
            TroubleField::Cause
        }
        "solucion" | "solution" | "fix" | "resolucion" | "resolution" | "workaround" | "pasos" => {
            TroubleField::Solution
        }
        "referencias" | "references" | "referencia" | "ver" | "see" => TroubleField::References,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImpactField {
    Users,
    Systems,
    Data,
    Sla,
}

pub fn impact_field(label: &str) -> Option<ImpactField> {
    Some(match norm(label).trim_end_matches(':').trim() {
        "usuarios" | "users" | "usuario" | "clientes" | "customers" => ImpactField::Users,
        "sistemas" | "systems" | "servicios" | "services" => ImpactField::Systems,
        "datos" | "data" => ImpactField::Data,
        "sla" | "slo" | "sla/slo" => ImpactField::Sla,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(step_field("Duración Estimada"), Some(StepField::Estimate));
        assert_eq!(
            step_field("Rollback de este paso"),
            Some(StepField::Rollback)
        );
        assert_eq!(step_field("Si falla"), Some(StepField::OnFailure));
        assert_eq!(
            step_field("Salida Esperada"),
            Some(StepField::ExpectedOutput)
        );
        assert_eq!(meta_field("ultima_actualizacion"), Some(MetaField::Updated));
        assert_eq!(
            meta_field("RTO (Recovery Time Objective)"),
            Some(MetaField::Rto)
        );
    }

    #[test]
    fn values() {
        assert_eq!(version("1.0").as_deref(), Some("1.0.0"));
        assert_eq!(version("v3.0.0").as_deref(), Some("3.0.0"));
        assert_eq!(version("Versión 1.0").as_deref(), Some("1.0.0"));
        assert_eq!(version("X.Y.Z"), None);
        assert_eq!(
            first_keyword::<Criticality>("CRÍTICA - Operación en producción"),
            Some(Criticality::Critical)
        );
        assert_eq!(
            first_keyword::<Criticality>("CRITICA | ALTA | MEDIA | BAJA"),
            None
        );
        assert_eq!(
            first_keyword::<Criticality>("[CRITICA|ALTA|MEDIA|BAJA]"),
            None
        );
        assert!(date("2025-12-02").is_some());
        assert!(date("YYYY-MM-DD").is_none());
    }
}
