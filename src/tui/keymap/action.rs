//! Named actions: what a key can do. The names are the keymap's vocabulary;
//! their words (the help overlay's description and the footer's short form)
//! are catalog messages `key-<name>` with a `.short` attribute
//! (`src/i18n/ftl/<lang>/keymap.ftl`).

use crate::i18n::{Lang, catalog};

macro_rules! actions {
    ($($variant:ident = $name:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            /// What the action does, for the help overlay.
            pub fn describe(self, lang: Lang) -> String {
                match self { $(Action::$variant => catalog::format(lang, concat!("key-", $name), None)),* }
            }

            /// A word or two for the footer.
            pub fn short(self, lang: Lang) -> String {
                match self { $(Action::$variant => catalog::format_attr(lang, concat!("key-", $name), "short", None)),* }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    NextStep = "next-step";
    PreviousStep = "previous-step";
    FirstStep = "first-step";
    LastStep = "last-step";
    RunStep = "run-step";
    EditStep = "edit-step";
    SkipStep = "skip-step";
    OverrideStep = "override-step";
    MarkFailed = "mark-failed";
    AddNote = "add-note";
    StartRollback = "start-rollback";
    AnswerDecision = "answer-decision";
    AbortRun = "abort-run";
    Prerequisites = "prerequisites";
    Search = "search";
    NextMatch = "next-match";
    PreviousMatch = "previous-match";
    JumpToStep = "jump-to-step";
    CopyCommand = "copy-command";
    NextPane = "next-pane";
    PreviousPane = "previous-pane";
    ShowChecklist = "show-checklist";
    ShowTimers = "show-timers";
    ShowRollback = "show-rollback";
    ShowShell = "show-shell";
    Zoom = "zoom";
    ScrollDown = "scroll-down";
    ScrollUp = "scroll-up";
    Help = "help";
    Redraw = "redraw";
    Quit = "quit";
    LeaveShell = "leave-shell";
    DialogAccept = "dialog-accept";
    DialogCancel = "dialog-cancel";
    OpenRun = "open-run";
    Back = "back";
    FilterRuns = "filter-runs";
    ShowKpi = "show-kpi";
    NextCommand = "next-command";
    PreviousCommand = "previous-command";
    Snippets = "snippets";
    OpenProcedure = "open-procedure";
    FilterProcedures = "filter-procedures";
    ShowRuns = "show-runs";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_words_in_both_languages() {
        for a in Action::ALL {
            for lang in [Lang::Es, Lang::En] {
                let id = format!("key-{}", a.name());
                assert!(catalog::has(lang, &id), "{lang:?}: no message {id}");
                assert!(
                    !a.short(lang).starts_with("key-"),
                    "{lang:?}: no {id}.short"
                );
                assert!(!a.describe(lang).is_empty());
            }
        }
        assert_eq!(Action::Quit.short(Lang::Es), "salir");
        assert_eq!(Action::Quit.short(Lang::En), "quit");
    }
}
