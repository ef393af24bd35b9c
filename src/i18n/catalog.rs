//! The one string catalog: Fluent files a translator can edit
//! (`src/i18n/ftl/<lang>/<area>.ftl`), with named arguments and the
//! language's own plural rules. Everything a person reads is looked up here
//! by message id with [`tr!`](crate::tr).
//!
//! The files of each language are joined at build time (`build.rs`), parsed
//! once per process and kept for its lifetime.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The joined Fluent source of one language.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Es => include_str!(concat!(env!("OUT_DIR"), "/es.ftl")),
        Lang::En => include_str!(concat!(env!("OUT_DIR"), "/en.ftl")),
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static ES: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, tag) = match lang {
        Lang::Es => (&ES, "es"),
        Lang::En => (&EN, "en"),
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = tag.parse().expect("language tag");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks: the output goes to terminals, files
        // and tests, where invisible FSI/PDI characters only get in the way.
        b.set_use_isolating(false);
        // A syntax error is caught by the catalog tests; at run time the
        // entries that did parse are still served.
        let res = match FluentResource::try_new(source(lang).to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = b.add_resource(res);
        b
    })
}

/// The message `id` in `lang`, formatted with `args`. A message missing from
/// the catalog (a bug the catalog tests catch) comes out as its id, so that
/// nothing is silently blank.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    b.format_pattern(pattern, args, &mut errors).into_owned()
}

/// An attribute (`.name`) of message `id`, for messages that hold a family
/// of related strings. Missing ones come out as `id.attr`.
pub fn format_attr(lang: Lang, id: &str, attr: &str, args: Option<&FluentArgs>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b
        .get_message(id)
        .and_then(|m| m.get_attribute(attr))
        .map(|a| a.value())
    else {
        return format!("{id}.{attr}");
    };
    let mut errors = Vec::new();
    b.format_pattern(pattern, args, &mut errors).into_owned()
}

/// Parses the catalog of `lang` now, on a thread of its own: a command
/// that is about to read a file meanwhile finds it ready when it first
/// speaks (the run's first frame).
pub fn warm_in_background(lang: Lang) {
    std::thread::spawn(move || {
        bundle(lang);
    });
}

/// Whether the catalog of `lang` holds message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Builds Fluent arguments; used by [`tr!`](crate::tr).
pub fn args<'a>(pairs: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(k, v);
    }
    a
}

/// A translated string: `tr!(lang, "message-id")` or
/// `tr!(lang, "message-id", name = value, count = n)`. Values are anything
/// Fluent takes (`&str`, `String`, integers, floats); numbers select plural
/// variants (`{ $count -> [one] … *[other] … }`).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::i18n::catalog::format($lang, $id, None)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::catalog::format(
            $lang,
            $id,
            Some(&$crate::i18n::catalog::args([
                $((stringify!($name), ::fluent_bundle::FluentValue::from($value))),+
            ])),
        )
    };
}
