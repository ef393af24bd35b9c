//! Once a second the full screen looks at the people around the run:
//! approvals to verify and journal, a handoff asked from another session,
//! and who is watching (see `runner::people`).

use super::app::App;
use super::runtime::Executor;
use crate::run::Effect;

/// Looks around; true when a handoff was journaled and the session must
/// end.
pub fn look_around(app: &mut App, exec: &mut Executor) -> bool {
    let Some(people) = exec.people.as_mut() else {
        return false;
    };
    let found = people.look(&app.engine, app.lang);
    let journal = people.journal().to_path_buf();
    app.watchers = crate::runner::people::watchers(&journal)
        .into_iter()
        .map(|w| w.name)
        .collect();
    if let Some(w) = found.warning {
        app.warn(w);
    }
    for msg in found.msgs {
        let fx = app.send(msg);
        let said: Vec<(String, bool)> = fx
            .iter()
            .filter_map(|e| match e {
                Effect::Journal(ev) => crate::runner::people::said(app.lang, ev),
                _ => None,
            })
            .collect();
        exec.carry_out(app, fx);
        for (text, warn) in said {
            if warn {
                app.warn(text);
            } else {
                app.say(text);
            }
        }
    }
    if let Some(h) = found.handoff {
        let fx = app.send(crate::run::Msg::Handoff {
            to: h.to.clone(),
            note: h.note,
        });
        let done = !fx.is_empty();
        exec.carry_out(app, fx);
        if done {
            app.warn(crate::tr!(app.lang, "team-handoff-received", to = h.to));
            return true;
        }
    }
    false
}
