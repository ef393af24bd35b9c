//! The closed vocabularies of the format: criticality, category, frequency,
//! phase kind, trigger kind. Each accepts Spanish and English spellings,
//! with or without accents, in any case.

use std::fmt;

/// Lower-cases and strips Spanish accents so `Crítica` matches `critica`.
pub fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            'á' | 'Á' => 'a',
            'é' | 'É' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'Ó' => 'o',
            'ú' | 'Ú' | 'ü' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A keyword type: its accepted spellings, and the canonical ones to suggest.
pub trait Keyword: Sized + Copy + 'static {
    /// (spelling, value); the first spelling of each value is canonical.
    const SPELLINGS: &'static [(&'static str, Self)];
    /// What the field is called in messages.
    const WHAT: &'static str;

    fn parse(text: &str) -> Option<Self> {
        let f = fold(text);
        Self::SPELLINGS
            .iter()
            .find(|(s, _)| *s == f)
            .map(|(_, v)| *v)
    }

    fn canonical_spellings() -> Vec<&'static str> {
        Self::SPELLINGS.iter().map(|(s, _)| *s).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Criticality {
    Low,
    Medium,
    High,
    Critical,
}

impl Keyword for Criticality {
    const WHAT: &'static str = "criticality";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("critica", Criticality::Critical),
        ("alta", Criticality::High),
        ("media", Criticality::Medium),
        ("baja", Criticality::Low),
        ("critical", Criticality::Critical),
        ("high", Criticality::High),
        ("medium", Criticality::Medium),
        ("low", Criticality::Low),
    ];
}

impl Criticality {
    pub fn is_high_or_above(self) -> bool {
        self >= Criticality::High
    }
    pub fn es(self) -> &'static str {
        match self {
            Criticality::Critical => "CRITICA",
            Criticality::High => "ALTA",
            Criticality::Medium => "MEDIA",
            Criticality::Low => "BAJA",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Criticality::Critical => "CRITICAL",
            Criticality::High => "HIGH",
            Criticality::Medium => "MEDIUM",
            Criticality::Low => "LOW",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Deployment,
    Rollback,
    Maintenance,
    Troubleshooting,
    Scaling,
    DisasterRecovery,
}

impl Keyword for Category {
    const WHAT: &'static str = "category";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("deployment", Category::Deployment),
        ("rollback", Category::Rollback),
        ("maintenance", Category::Maintenance),
        ("troubleshooting", Category::Troubleshooting),
        ("scaling", Category::Scaling),
        ("disaster-recovery", Category::DisasterRecovery),
        ("despliegue", Category::Deployment),
        ("reversion", Category::Rollback),
        ("mantenimiento", Category::Maintenance),
        ("diagnostico", Category::Troubleshooting),
        ("escalado", Category::Scaling),
        ("recuperacion-de-desastres", Category::DisasterRecovery),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    OnDemand,
    Emergency,
}

impl Keyword for Frequency {
    const WHAT: &'static str = "frequency";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("diaria", Frequency::Daily),
        ("semanal", Frequency::Weekly),
        ("mensual", Frequency::Monthly),
        ("trimestral", Frequency::Quarterly),
        ("on-demand", Frequency::OnDemand),
        ("emergencia", Frequency::Emergency),
        ("daily", Frequency::Daily),
        ("weekly", Frequency::Weekly),
        ("monthly", Frequency::Monthly),
        ("quarterly", Frequency::Quarterly),
        ("bajo-demanda", Frequency::OnDemand),
        ("emergency", Frequency::Emergency),
    ];
}

/// What a phase is for. The full rollback is not a phase: it lives in
/// `[rollback]`, so there is one place to look for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhaseKind {
    Preflight,
    Execution,
    Validation,
    Post,
}

impl Keyword for PhaseKind {
    const WHAT: &'static str = "phase kind";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("preflight", PhaseKind::Preflight),
        ("execution", PhaseKind::Execution),
        ("validation", PhaseKind::Validation),
        ("post", PhaseKind::Post),
        ("pre-flight", PhaseKind::Preflight),
        ("preparacion", PhaseKind::Preflight),
        ("ejecucion", PhaseKind::Execution),
        ("validacion", PhaseKind::Validation),
        ("post-ejecucion", PhaseKind::Post),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    Automatic,
    Manual,
}

impl Keyword for TriggerKind {
    const WHAT: &'static str = "trigger kind";
    const SPELLINGS: &'static [(&'static str, Self)] = &[
        ("automatic", TriggerKind::Automatic),
        ("manual", TriggerKind::Manual),
        ("automatico", TriggerKind::Automatic),
    ];
}

macro_rules! display_first_spelling {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let s = <$t as Keyword>::SPELLINGS
                    .iter()
                    .find(|(_, v)| v == self)
                    .map(|(s, _)| *s)
                    .unwrap_or("?");
                f.write_str(s)
            }
        }
    )*};
}
display_first_spelling!(Criticality, Category, Frequency, PhaseKind, TriggerKind);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_spanish_english_accents_and_case() {
        assert_eq!(Criticality::parse("CRÍTICA"), Some(Criticality::Critical));
        assert_eq!(Criticality::parse("High"), Some(Criticality::High));
        assert_eq!(
            Category::parse("Disaster Recovery"),
            Some(Category::DisasterRecovery)
        );
        assert_eq!(PhaseKind::parse("pre-flight"), Some(PhaseKind::Preflight));
        assert_eq!(
            TriggerKind::parse("automático"),
            Some(TriggerKind::Automatic)
        );
        assert_eq!(Frequency::parse("nunca"), None);
    }

    #[test]
    fn display_is_the_canonical_spelling() {
        assert_eq!(Criticality::Critical.to_string(), "critica");
        assert_eq!(PhaseKind::Preflight.to_string(), "preflight");
    }
}
