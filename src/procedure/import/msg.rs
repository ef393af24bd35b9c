//! A text of the import report, kept as a catalog message id and its
//! arguments until the report is rendered in a language: building one
//! formats nothing; [`Msg::render`] looks it up in the Fluent catalog.
//!
//! Made with [`msg!`](crate::msg), e.g. `msg!("import-detail-from-code", count = n)`.
//! The catalog tests check every `msg!` in `src/` against the catalog, as
//! they do `tr!`.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_bundle::{FluentArgs, FluentValue};

use crate::i18n::{Lang, catalog};

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text passed as is: quoted source text, TOML keys, values.
    Str(Cow<'static, str>),
    /// A number: counts select plural forms.
    Num(i64),
    /// Another message, rendered in the same language first.
    Msg(Box<Msg>),
    /// A step by its draft number; [`Msg::resolve_steps`] replaces it with
    /// the step's final id once ids are assigned.
    Step(usize),
}

/// A catalog message id with its arguments, rendered only when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// For [`msg!`](crate::msg) only: its literal id is what the catalog
    /// tests check.
    #[doc(hidden)]
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    /// The text in `lang`.
    /// "`value` -> to": a value of the source and what it became.
    pub fn value_to(value: impl Into<String>, to: impl Into<String>) -> Msg {
        crate::msg!(
            "import-detail-value-to",
            value = value.into(),
            to = to.into()
        )
    }

    pub fn render(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return catalog::format(lang, self.id, None);
        }
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let v: FluentValue<'_> = match value {
                Arg::Str(s) => FluentValue::from(s.as_ref()),
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Msg(m) => FluentValue::from(m.render(lang)),
                // Not resolved: a step the importer dropped.
                Arg::Step(_) => FluentValue::from("?"),
            };
            args.set(*name, v);
        }
        catalog::format(lang, self.id, Some(&args))
    }

    /// Replaces every [`Arg::Step`] (also in nested messages) with the id
    /// `ids` gives its draft number (`?` when it has none).
    pub fn resolve_steps(&mut self, ids: &HashMap<usize, String>) {
        for (_, a) in &mut self.args {
            match a {
                Arg::Step(no) => {
                    *a = Arg::Str(ids.get(no).cloned().unwrap_or_else(|| "?".into()).into())
                }
                Arg::Msg(m) => m.resolve_steps(ids),
                _ => {}
            }
        }
    }

    /// Whether the message names a step not yet resolved.
    pub fn has_steps(&self) -> bool {
        self.args.iter().any(|(_, a)| match a {
            Arg::Step(_) => true,
            Arg::Msg(m) => m.has_steps(),
            _ => false,
        })
    }
}

impl From<&'static str> for Arg {
    fn from(s: &'static str) -> Arg {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(Cow::Owned(s))
    }
}

impl From<Cow<'static, str>> for Arg {
    fn from(s: Cow<'static, str>) -> Arg {
        Arg::Str(s)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, u8, i64, i32);

/// A step of the procedure being built, by draft number, as a message
/// argument: `msg!("import-target-step", step = StepNo(no), field = "commands")`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepNo(pub usize);

impl From<StepNo> for Arg {
    fn from(s: StepNo) -> Arg {
        Arg::Step(s.0)
    }
}

/// A report text: `msg!("import-detail-list")` or
/// `msg!("import-detail-from-code", count = n)`. Values are `&'static str`,
/// `String`, integers, [`StepNo`] or another [`Msg`]; nothing is formatted
/// until [`Msg::render`].
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::procedure::import::msg::Msg::new($id, ::std::vec::Vec::new())
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::procedure::import::msg::Msg::new(
            $id,
            ::std::vec![
                $((stringify!($name), $crate::procedure::import::msg::Arg::from($value))),+
            ],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_in_each_language_with_nested_messages_and_steps() {
        let mut m = crate::msg!("import-target-step", step = StepNo(3), field = "commands");
        assert!(m.has_steps());
        assert_eq!(m.render(Lang::En), "step ? commands");
        m.resolve_steps(&HashMap::from([(3, "P1".to_string())]));
        assert!(!m.has_steps());
        assert_eq!(m.render(Lang::En), "step P1 commands");
        assert_eq!(m.render(Lang::Es), "paso P1 commands");
        let n = crate::msg!("import-detail-from-code", count = 2);
        assert_eq!(n.render(Lang::En), "2 from a code block");
        assert_eq!(n.render(Lang::Es), "2 comandos de un bloque de código");
        let one = crate::msg!("import-detail-from-code", count = 1);
        assert_eq!(one.render(Lang::Es), "1 comando de un bloque de código");
        let why = crate::msg!(
            "import-risk-demoted",
            step = "3",
            command = "SELECT 1;",
            reason = crate::msg!("import-reason-sql")
        );
        assert_eq!(
            why.render(Lang::Es),
            "3: `SELECT 1;` (SQL para el prompt de una base de datos, no un comando de shell)"
        );
    }
}
