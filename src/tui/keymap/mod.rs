//! Keymaps are data: `keymaps/default.toml` is compiled in; a user file
//! overrides only the keys it names (or unbinds them with "none"). Help and
//! footer hints are generated from the effective map.

mod action;
mod essential;
mod key;

pub use action::Action;
pub use essential::ESSENTIAL;
pub use key::Key;

use crate::diagnostic::{Diagnostic, SourceText};
use crossterm::event::KeyEvent;
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue};

pub const DEFAULT_TOML: &str = include_str!("../../../keymaps/default.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Checklist,
    Shell,
    Dialog,
    Log,
    Catalog,
}

impl Mode {
    pub const ALL: &'static [Mode] = &[
        Mode::Checklist,
        Mode::Shell,
        Mode::Dialog,
        Mode::Log,
        Mode::Catalog,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Checklist => "checklist",
            Mode::Shell => "shell",
            Mode::Dialog => "dialog",
            Mode::Log => "log",
            Mode::Catalog => "catalog",
        }
    }

    /// Actions that do something in this mode.
    pub fn accepts(self, a: Action) -> bool {
        use Action::*;
        match self {
            Mode::Checklist => !matches!(
                a,
                LeaveShell
                    | DialogAccept
                    | DialogCancel
                    | OpenRun
                    | Back
                    | FilterRuns
                    | ShowKpi
                    | NextCommand
                    | PreviousCommand
                    | OpenProcedure
                    | FilterProcedures
                    | ShowRuns
            ),
            Mode::Shell => matches!(a, LeaveShell | ScrollUp | ScrollDown),
            Mode::Dialog => matches!(a, DialogAccept | DialogCancel | Redraw),
            Mode::Log => matches!(
                a,
                NextStep
                    | PreviousStep
                    | FirstStep
                    | LastStep
                    | OpenRun
                    | Back
                    | Quit
                    | Help
                    | ScrollUp
                    | ScrollDown
                    | NextPane
                    | PreviousPane
                    | FilterRuns
                    | ShowKpi
                    | NextCommand
                    | PreviousCommand
                    | Redraw
            ),
            Mode::Catalog => matches!(
                a,
                NextStep
                    | PreviousStep
                    | FirstStep
                    | LastStep
                    | ScrollUp
                    | ScrollDown
                    | OpenProcedure
                    | FilterProcedures
                    | ShowKpi
                    | ShowRuns
                    | Back
                    | Help
                    | Quit
                    | Redraw
            ),
        }
    }
}

/// One line of a keymap file: a key in a mode, bound or unbound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Option<Action>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<Mode, BTreeMap<Key, Action>>,
}

impl Keymap {
    pub fn defaults() -> Keymap {
        let (bindings, diags) = parse(DEFAULT_TOML);
        debug_assert!(diags.is_empty(), "{diags:?}");
        let mut map = Keymap::default();
        map.apply(&bindings);
        map
    }

    pub fn apply(&mut self, bindings: &[Binding]) {
        for b in bindings {
            let mode = self.bindings.entry(b.mode).or_default();
            match b.action {
                Some(a) => {
                    mode.insert(b.key, a);
                }
                None => {
                    mode.remove(&b.key);
                }
            }
        }
    }

    pub fn lookup(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event)?;
        self.bindings.get(&mode)?.get(&key).copied()
    }

    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<Key> {
        self.bindings
            .get(&mode)
            .map(|m| {
                m.iter()
                    .filter(|(_, a)| **a == action)
                    .map(|(k, _)| *k)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// One key for an action, for footer hints; `None` if unbound.
    pub fn hint(&self, mode: Mode, action: Action) -> Option<String> {
        self.sorted_keys(mode, action)
            .first()
            .map(|k| k.to_string())
    }

    /// The keys of an action, shortest name first (`q` before `ctrl-c`).
    fn sorted_keys(&self, mode: Mode, action: Action) -> Vec<Key> {
        let mut keys = self.keys_for(mode, action);
        keys.sort_by_key(|k| (k.to_string().len(), k.to_string()));
        keys
    }

    /// `j/down` style label of the keys for an action, or `None` if unbound.
    pub fn label(&self, mode: Mode, action: Action) -> Option<String> {
        let keys = self.sorted_keys(mode, action);
        (!keys.is_empty()).then(|| {
            keys.iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join("/")
        })
    }

    pub fn bindings(&self, mode: Mode) -> Vec<(Key, Action)> {
        self.bindings
            .get(&mode)
            .map(|m| m.iter().map(|(k, a)| (*k, *a)).collect())
            .unwrap_or_default()
    }

    /// The effective map as a keymap file.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for mode in Mode::ALL {
            out.push_str(&format!("[{}]\n", mode.name()));
            let mut rows = self.bindings(*mode);
            rows.sort_by_key(|(k, a)| (a.name(), k.to_string()));
            for (k, a) in rows {
                out.push_str(&format!(
                    "{:<14} = {:<18} # {}\n",
                    format!("\"{k}\""),
                    format!("\"{}\"", a.name()),
                    a.describe(crate::i18n::Lang::En)
                ));
            }
            out.push('\n');
        }
        out
    }
}

/// Parses a keymap file, reporting every problem with its position.
pub fn parse(text: &str) -> (Vec<Binding>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out = Vec::new();
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            diags.push(Diagnostic::error(
                "toml-syntax",
                format!("invalid TOML: {}", e.message().lines().next().unwrap_or("")),
                e.span(),
            ));
        }
        return (out, diags);
    }
    let mode_names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
    let action_names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    for (mode_key, value) in root.get_ref().iter() {
        let name = mode_key.get_ref().as_ref();
        let Some(mode) = Mode::ALL.iter().copied().find(|m| m.name() == name) else {
            let d = Diagnostic::error(
                "unknown-mode",
                format!("`{name}` is not a keymap mode"),
                Some(mode_key.span()),
            );
            let hint = match crate::diagnostic::did_you_mean(name, &mode_names) {
                Some(b) => format!("did you mean `{b}`? modes: {}", mode_names.join(", ")),
                None => format!("modes: {}", mode_names.join(", ")),
            };
            diags.push(d.with_hint(hint));
            continue;
        };
        let DeValue::Table(table) = value.get_ref() else {
            diags.push(
                Diagnostic::error(
                    "wrong-type",
                    format!("`{name}` must be a table of key = \"action\""),
                    Some(value.span()),
                )
                .with_hint(format!(
                    "write `[{name}]` and below it lines like `\"j\" = \"next-step\"`"
                )),
            );
            continue;
        };
        let mut seen: BTreeMap<Key, std::ops::Range<usize>> = BTreeMap::new();
        for (k, v) in table.iter() {
            let key = match Key::parse(k.get_ref().as_ref()) {
                Ok(key) => key,
                Err(e) => {
                    diags.push(Diagnostic::error("bad-key", e, Some(k.span())));
                    continue;
                }
            };
            if let Some(first) = seen.get(&key) {
                let line = SourceText::new(text).position(first.start).line;
                diags.push(
                    Diagnostic::error(
                        "duplicate-key",
                        format!("key `{key}` is bound twice in [{name}]"),
                        Some(k.span()),
                    )
                    .with_hint(format!("the first binding is on line {line}; keep one")),
                );
                continue;
            }
            seen.insert(key, k.span());
            let DeValue::String(action_name) = v.get_ref() else {
                diags.push(
                    Diagnostic::error("wrong-type", "the action must be a string", Some(v.span()))
                        .with_hint("write `\"j\" = \"next-step\"`, or \"none\" to unbind"),
                );
                continue;
            };
            if action_name.as_ref() == "none" {
                out.push(Binding {
                    mode,
                    key,
                    action: None,
                });
                continue;
            }
            match Action::from_name(action_name) {
                Some(a) if mode.accepts(a) => out.push(Binding {
                    mode,
                    key,
                    action: Some(a),
                }),
                Some(a) => diags.push(
                    Diagnostic::error(
                        "dangling-binding",
                        format!("`{}` does nothing in [{name}]", a.name()),
                        Some(v.span()),
                    )
                    .with_hint("bind it in a mode where it applies (see `pasos keymap show`)"),
                ),
                None => {
                    let d = Diagnostic::error(
                        "unknown-action",
                        format!("`{action_name}` is not an action"),
                        Some(v.span()),
                    );
                    let hint = match crate::diagnostic::did_you_mean(action_name, &action_names) {
                        Some(b) => format!("did you mean `{b}`?"),
                        None => "`pasos keymap show` lists the actions".to_string(),
                    };
                    diags.push(d.with_hint(hint));
                }
            }
        }
    }
    crate::diagnostic::sort(&mut diags);
    (out, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_file(text: &str) -> Vec<Diagnostic> {
        parse(text).1
    }

    #[test]
    fn shipped_keymaps_have_no_duplicate_or_dangling_bindings() {
        for (name, text) in [
            ("default", DEFAULT_TOML),
            ("vim", include_str!("../../../keymaps/vim.toml")),
            ("emacs", include_str!("../../../keymaps/emacs.toml")),
        ] {
            assert_eq!(check_file(text), vec![], "{name}");
        }
        // Every action a mode accepts is reachable in the defaults, except
        // those only other keymaps bind.
        let map = Keymap::defaults();
        for mode in Mode::ALL {
            let mut keys: Vec<String> = map
                .bindings(*mode)
                .iter()
                .map(|(k, _)| k.to_string())
                .collect();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n);
        }
        assert_eq!(
            map.label(Mode::Checklist, Action::NextStep).as_deref(),
            Some("j/down")
        );
        assert_eq!(
            map.label(Mode::Shell, Action::LeaveShell).as_deref(),
            Some("ctrl-g")
        );
    }

    #[test]
    fn overrides_replace_and_unbind_only_what_they_name() {
        let mut map = Keymap::defaults();
        let (b, d) = parse("[checklist]\n\"x\" = \"run-step\"\n\"j\" = \"none\"\n");
        assert!(d.is_empty());
        map.apply(&b);
        assert_eq!(
            map.label(Mode::Checklist, Action::RunStep).as_deref(),
            Some("x/enter")
        );
        assert_eq!(
            map.label(Mode::Checklist, Action::NextStep).as_deref(),
            Some("down")
        );
        assert_eq!(
            map.label(Mode::Checklist, Action::Quit).as_deref(),
            Some("q/ctrl-c")
        );
    }

    #[test]
    fn bad_files_get_positions_and_hints() {
        let d = check_file(
            "[cheklist]\n\"j\" = \"next-step\"\n[checklist]\n\"k\" = \"next-stpe\"\n\"K\" = \"leave-shell\"\n\"gg\" = \"first-step\"\n\"shift-k\" = \"quit\"\n",
        );
        let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            vec![
                "unknown-mode",
                "unknown-action",
                "dangling-binding",
                "bad-key",
                "duplicate-key"
            ]
        );
        assert_eq!(
            d[0].hint.as_deref(),
            Some("did you mean `checklist`? modes: checklist, shell, dialog, log, catalog")
        );
        assert_eq!(d[1].hint.as_deref(), Some("did you mean `next-step`?"));
    }
}
