//! The actions a map must leave a key for: without one, a step cannot be
//! run, the shell cannot be left, a dialog cannot be answered, or pasos
//! cannot be quit. `pasos keymap check` refuses a map that unbinds them.

use super::{Action, Keymap, Mode};

/// Per mode, the actions an operator cannot do without.
pub const ESSENTIAL: &[(Mode, Action)] = &[
    (Mode::Checklist, Action::RunStep),
    (Mode::Checklist, Action::NextStep),
    (Mode::Checklist, Action::PreviousStep),
    (Mode::Checklist, Action::SkipStep),
    (Mode::Checklist, Action::MarkFailed),
    (Mode::Checklist, Action::StartRollback),
    (Mode::Checklist, Action::AnswerDecision),
    (Mode::Checklist, Action::AbortRun),
    (Mode::Checklist, Action::Help),
    (Mode::Checklist, Action::Quit),
    (Mode::Shell, Action::LeaveShell),
    (Mode::Dialog, Action::DialogAccept),
    (Mode::Dialog, Action::DialogCancel),
    (Mode::Log, Action::OpenRun),
    (Mode::Log, Action::Back),
    (Mode::Log, Action::Quit),
];

impl Keymap {
    /// The essential actions this map leaves with no key, in
    /// [`ESSENTIAL`]'s order.
    pub fn missing_essentials(&self) -> Vec<(Mode, Action)> {
        ESSENTIAL
            .iter()
            .filter(|(mode, action)| self.keys_for(*mode, *action).is_empty())
            .copied()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_map_keeps_the_essentials() {
        for text in [
            super::super::DEFAULT_TOML,
            include_str!("../../../keymaps/vim.toml"),
            include_str!("../../../keymaps/emacs.toml"),
        ] {
            let mut map = Keymap::defaults();
            let (bindings, diags) = super::super::parse(text);
            assert!(diags.is_empty(), "{diags:?}");
            map.apply(&bindings);
            assert_eq!(map.missing_essentials(), Vec::new());
        }
    }

    #[test]
    fn unbinding_the_only_run_key_is_caught() {
        let mut map = Keymap::defaults();
        for key in map.keys_for(Mode::Checklist, Action::RunStep) {
            map.apply(&[super::super::Binding {
                mode: Mode::Checklist,
                key,
                action: None,
            }]);
        }
        assert_eq!(
            map.missing_essentials(),
            vec![(Mode::Checklist, Action::RunStep)]
        );
    }
}
