//! The answers an unattended run is given on the command line:
//! `--answer ID=VALUE` (a choice's option, or yes/no for a condition),
//! `--yes-to ID` (a step that needs a typed confirmation, a manual step,
//! or `prerequisites` for the prerequisites without a check) and
//! `--rollback-on-failure`.

use crate::i18n::Lang;
use std::collections::{BTreeMap, BTreeSet};

/// `--yes-to prerequisites`: the prerequisites without a check command
/// are taken as confirmed.
pub const PREREQUISITES: &str = "prerequisites";
/// The same word for a Spanish-speaking operator.
const PREREQUISITES_ES: &str = "prerequisitos";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--answer ID=VALUE`, by id.
    pub answers: BTreeMap<String, String>,
    /// `--yes-to ID`.
    pub yes_to: BTreeSet<String>,
    pub rollback_on_failure: bool,
}

impl Flags {
    /// Reads the flags; the error is the message for the operator.
    pub fn parse(
        answers: &[String],
        yes_to: &[String],
        rollback_on_failure: bool,
        lang: Lang,
    ) -> Result<Flags, String> {
        let mut out = Flags {
            rollback_on_failure,
            ..Flags::default()
        };
        for a in answers {
            let Some((id, value)) = a.split_once('=') else {
                return Err(crate::tr!(
                    lang,
                    "unattended-answer-form",
                    answer = a.as_str()
                ));
            };
            let (id, value) = (id.trim(), value.trim());
            if id.is_empty() || value.is_empty() {
                return Err(crate::tr!(
                    lang,
                    "unattended-answer-form",
                    answer = a.as_str()
                ));
            }
            if let Some(before) = out.answers.get(id)
                && before != value
            {
                return Err(crate::tr!(
                    lang,
                    "unattended-answer-twice",
                    id = id,
                    first = before.as_str(),
                    second = value
                ));
            }
            out.answers.insert(id.to_string(), value.to_string());
        }
        for y in yes_to {
            let y = y.trim();
            if y == PREREQUISITES_ES {
                out.yes_to.insert(PREREQUISITES.to_string());
            } else if !y.is_empty() {
                out.yes_to.insert(y.to_string());
            }
        }
        Ok(out)
    }

    pub fn yes(&self, id: &str) -> bool {
        self.yes_to.contains(id)
    }

    pub fn answer(&self, id: &str) -> Option<&str> {
        self.answers.get(id).map(String::as_str)
    }

    /// The answer to a condition, when it is a yes or a no (in either
    /// language).
    pub fn condition(&self, id: &str) -> Option<bool> {
        self.answer(id).and_then(yes_no)
    }
}

/// `yes`/`no` in English or Spanish, any case.
pub fn yes_no(value: &str) -> Option<bool> {
    match crate::procedure::keyword::fold(value).as_str() {
        "yes" | "y" | "si" | "s" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn answers_and_yes_to_are_read() {
        let f = Flags::parse(
            &s(&["4=helm", " M1 = Sí "]),
            &s(&["3", "3"]),
            true,
            Lang::En,
        )
        .expect("valid");
        assert_eq!(f.answer("4"), Some("helm"));
        assert_eq!(f.condition("M1"), Some(true));
        assert_eq!(f.condition("4"), None);
        assert!(f.yes("3") && !f.yes("4"));
        let es = Flags::parse(&[], &s(&["prerequisitos"]), false, Lang::Es).expect("valid");
        assert!(es.yes(PREREQUISITES));
        assert!(f.rollback_on_failure);
    }

    #[test]
    fn malformed_or_contradicting_answers_are_refused() {
        for bad in [&["4"][..], &["=yes"], &["4="], &["4=a", "4=b"]] {
            let e = Flags::parse(&s(bad), &[], false, Lang::En).unwrap_err();
            assert!(e.contains("--answer"), "{e}");
        }
        assert!(Flags::parse(&s(&["4=a", "4=a"]), &[], false, Lang::En).is_ok());
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        for y in ["yes", "Y", "sí", "SI", "true"] {
            assert_eq!(yes_no(y), Some(true), "{y}");
        }
        for n in ["no", "N", "false"] {
            assert_eq!(yes_no(n), Some(false), "{n}");
        }
        assert_eq!(yes_no("maybe"), None);
    }
}
