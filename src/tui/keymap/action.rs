//! Named actions: what a key can do. The names are the keymap's vocabulary;
//! the descriptions are the help overlay.

use crate::i18n::Lang;

macro_rules! actions {
    ($($variant:ident = $name:literal, $en:literal, $es:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action { $($variant),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name),* }
            }

            pub fn describe(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Action::$variant, Lang::En) => $en, (Action::$variant, Lang::Es) => $es,)*
                }
            }

            /// A word or two for the footer.
            pub fn short(self, lang: Lang) -> &'static str {
                let d = self.describe(lang);
                SHORT.iter().find(|(a, _, _)| *a == self).map(|(_, en, es)| if lang == Lang::Es { *es } else { *en }).unwrap_or(d)
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name { $($name => Some(Action::$variant),)* _ => None }
            }
        }
    };
}

actions! {
    NextStep = "next-step", "next step", "paso siguiente";
    PreviousStep = "previous-step", "previous step", "paso anterior";
    FirstStep = "first-step", "first step", "primer paso";
    LastStep = "last-step", "last step", "último paso";
    RunStep = "run-step", "run the step (retry if failed)", "ejecutar el paso (reintentar si falló)";
    EditStep = "edit-step", "type the step's commands at the shell prompt to edit them (Enter runs each)", "escribir los comandos del paso en el prompt para editarlos (Enter ejecuta cada uno)";
    SkipStep = "skip-step", "skip the step (with a reason)", "saltar el paso (con motivo)";
    OverrideStep = "override-step", "mark done despite the result (reason)", "dar por hecho pese al resultado (motivo)";
    MarkFailed = "mark-failed", "mark failed (manual steps; reason otherwise)", "marcar como fallido";
    AddNote = "add-note", "add a note to the step", "añadir una nota al paso";
    StartRollback = "start-rollback", "start the rollback (reason)", "iniciar el rollback (motivo)";
    AnswerDecision = "answer-decision", "answer the decision tree", "responder el árbol de decisión";
    AbortRun = "abort-run", "end the run now (reason)", "terminar la ejecución (motivo)";
    NextPane = "next-pane", "focus the next pane", "siguiente panel";
    PreviousPane = "previous-pane", "focus the previous pane", "panel anterior";
    ShowChecklist = "show-checklist", "checklist tab", "pestaña checklist";
    ShowTimers = "show-timers", "timers tab", "pestaña tiempos";
    ShowRollback = "show-rollback", "rollback tab", "pestaña rollback";
    ShowShell = "show-shell", "shell tab / focus the shell", "pestaña shell";
    Zoom = "zoom", "zoom the focused pane", "ampliar el panel";
    ScrollDown = "scroll-down", "scroll down", "desplazar abajo";
    ScrollUp = "scroll-up", "scroll up", "desplazar arriba";
    Help = "help", "this help", "esta ayuda";
    Redraw = "redraw", "redraw the screen", "redibujar la pantalla";
    Quit = "quit", "quit (the run stays resumable)", "salir (la ejecución queda reanudable)";
    LeaveShell = "leave-shell", "back to the checklist", "volver al checklist";
    DialogAccept = "dialog-accept", "accept", "aceptar";
    DialogCancel = "dialog-cancel", "cancel", "cancelar";
    OpenRun = "open-run", "open the run", "abrir la ejecución";
    Back = "back", "back", "volver";
    FilterRuns = "filter-runs", "filter the runs (procedure, operator, outcome, date)", "filtrar las ejecuciones (procedimiento, operador, resultado, fecha)";
    ShowKpi = "show-kpi", "key figures of the procedure", "indicadores del procedimiento";
    NextCommand = "next-command", "transcript: the next command's output", "transcripción: salida del comando siguiente";
    PreviousCommand = "previous-command", "transcript: the previous command's output", "transcripción: salida del comando anterior";
}

const SHORT: &[(Action, &str, &str)] = &[
    (Action::RunStep, "run", "ejecutar"),
    (Action::EditStep, "edit & run", "editar y ejecutar"),
    (Action::SkipStep, "skip", "saltar"),
    (Action::OverrideStep, "mark done", "dar por hecho"),
    (Action::MarkFailed, "failed", "falló"),
    (Action::AddNote, "note", "nota"),
    (Action::StartRollback, "rollback", "rollback"),
    (Action::AnswerDecision, "decide", "decidir"),
    (Action::AbortRun, "abort", "abortar"),
    (Action::NextPane, "tabs", "pestañas"),
    (Action::ShowShell, "shell", "shell"),
    (Action::Help, "help", "ayuda"),
    (Action::Quit, "quit", "salir"),
    (Action::LeaveShell, "back", "volver"),
    (Action::ScrollUp, "scroll up", "subir"),
    (Action::ScrollDown, "scroll down", "bajar"),
    (Action::DialogAccept, "accept", "aceptar"),
    (Action::DialogCancel, "cancel", "cancelar"),
    (Action::OpenRun, "open", "abrir"),
    (Action::Back, "back", "volver"),
    (Action::FilterRuns, "filter", "filtrar"),
    (Action::ShowKpi, "KPIs", "KPIs"),
    (Action::NextCommand, "next cmd", "cmd sig."),
    (Action::PreviousCommand, "prev cmd", "cmd ant."),
];
