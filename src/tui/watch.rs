//! `pasos watch`: a live, read-only view of a run from another terminal.
//! It follows the journal (replayed into an engine of its own) and the
//! transcript (the shell pane) as they grow, five times a second; it
//! writes nothing but its own announcement (`<run>.watchers/<pid>.watcher`,
//! removed on the way out), so the run needs no extra process and a
//! watcher killed leaves the run as it was. No key reaches the run.

use super::app::App;
use super::keymap::Keymap;
use crate::i18n::Lang;
use crate::journal::{Event, Line};
use crate::procedure::Procedure;
use crate::run::{Engine, RunStatus, SystemClock};
use crate::runner::people::{WatcherNote, watchers_dir, write_atomic};
use crate::tr;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(200);

/// The watcher's announcement, removed when dropped.
struct Announced(PathBuf);

impl Announced {
    fn new(journal: &Path, name: &str) -> std::io::Result<Announced> {
        let dir = watchers_dir(journal);
        crate::journal::store::create_private_dir_all(&dir)?;
        let pid = std::process::id();
        let path = dir.join(format!("{pid}.watcher"));
        let note = WatcherNote {
            name: name.to_string(),
            pid,
            host: crate::runner::operator::hostname(),
        };
        write_atomic(&path, &serde_json::to_string(&note).unwrap_or_default())?;
        Ok(Announced(path))
    }
}

impl Drop for Announced {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The journal's complete lines (a line still being written is left for
/// the next look).
fn read_lines(path: &Path) -> Vec<Line> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .filter_map(|l| serde_json::from_str::<Line>(l.trim_end()).ok())
        .collect()
}

/// Output of the asciicast (`[t, "o", "data"]` lines) from `offset` on:
/// the bytes, and the offset to go on from.
fn cast_output(path: &Path, offset: u64) -> (String, u64) {
    let Ok(mut f) = std::fs::File::open(path) else {
        return (String::new(), offset);
    };
    if f.seek(SeekFrom::Start(offset)).is_err() {
        return (String::new(), offset);
    }
    let mut buf = String::new();
    if f.read_to_string(&mut buf).is_err() {
        return (String::new(), offset);
    }
    let mut out = String::new();
    let mut used = 0usize;
    for line in buf.split_inclusive('\n') {
        if !line.ends_with('\n') {
            break;
        }
        used += line.len();
        if let Ok(serde_json::Value::Array(a)) = serde_json::from_str(line)
            && a.get(1).and_then(|k| k.as_str()) == Some("o")
            && let Some(d) = a.get(2).and_then(|d| d.as_str())
        {
            out.push_str(d);
        }
    }
    (out, offset + used as u64)
}

/// Terminal control sequences out: the pane shows text lines.
fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Why watching could not start.
pub enum NotWatched {
    Refused(String),
}

pub struct WatchOptions {
    pub journal: PathBuf,
    pub procedure: Procedure,
    pub name: String,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
}

/// Watches until `q`, Ctrl-C, or the run's end has been shown.
pub fn watch(o: WatchOptions) -> Result<(), NotWatched> {
    let lines = read_lines(&o.journal);
    let engine = Engine::follow(o.procedure.clone(), Box::new(SystemClock), &lines)
        .map_err(|_| NotWatched::Refused(tr!(o.lang, "run-error-journal-not-started")))?;
    let _announced = Announced::new(&o.journal, &o.name).map_err(|e| {
        NotWatched::Refused(crate::runner::storage::describe(o.lang, &o.journal, &e))
    })?;
    let mut app = App::new(engine, Keymap::defaults(), o.lang);
    app.ascii = o.ascii;
    app.color = o.color;
    app.journal = o.journal.display().to_string();
    let run = app.engine.state().run_id.clone();
    let title = tr!(o.lang, "team-watch-title", run = run.as_str());
    app.say(title.clone());
    let cast = o.journal.with_extension("cast");
    let (first, mut offset) = cast_output(&cast, 0);
    app.shell_output(plain_text(&first).as_bytes());
    let mut seen = lines.len();
    let mut guard = super::terminal::TerminalGuard::enter().map_err(|e| {
        NotWatched::Refused(tr!(o.lang, "run-error-terminal", error = e.to_string()))
    })?;
    let mut dirty = true;
    loop {
        if dirty {
            let (ascii, mono) = (app.ascii, app.mono);
            let drawn = guard.terminal.draw(|f| {
                super::view::draw(f, &app, None);
                if ascii || mono {
                    super::view::degrade::degrade(f.buffer_mut(), ascii, mono);
                }
            });
            if drawn.is_err() {
                break;
            }
            dirty = false;
        }
        if crossterm::event::poll(POLL).unwrap_or(false) {
            use crossterm::event::{Event as Term, KeyCode, KeyModifiers};
            match crossterm::event::read() {
                Ok(Term::Key(k)) => {
                    let quit = matches!(k.code, KeyCode::Char('q') | KeyCode::Esc)
                        || (k.code == KeyCode::Char('c')
                            && k.modifiers.contains(KeyModifiers::CONTROL));
                    if quit {
                        break;
                    }
                    // Nothing else does anything: this view is read only.
                    app.say(tr!(o.lang, "team-watch-read-only"));
                    dirty = true;
                }
                Ok(Term::Resize(..)) => {
                    let _ = guard.terminal.autoresize();
                    dirty = true;
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        let lines = read_lines(&o.journal);
        if lines.len() != seen {
            seen = lines.len();
            if let Ok(e) = Engine::follow(o.procedure.clone(), Box::new(SystemClock), &lines) {
                app.engine = e;
                app.follow_next();
            }
            let ended = lines.last().map(|l| &l.event);
            match ended {
                Some(Event::RunFinished { outcome, .. }) => app.warn(tr!(
                    o.lang,
                    "team-watch-ended",
                    status = crate::i18n::run_outcome(o.lang, *outcome)
                )),
                Some(Event::RunInterrupted { why, .. }) => app.warn(tr!(
                    o.lang,
                    "team-watch-ended",
                    status = crate::history::words::interruption(o.lang, &why.0)
                )),
                _ => app.say(title.clone()),
            }
            dirty = true;
        }
        let (more, next) = cast_output(&cast, offset);
        if next != offset {
            offset = next;
            app.shell_output(plain_text(&more).as_bytes());
            dirty = true;
        }
        // The clocks move.
        if matches!(
            app.engine.state().status,
            RunStatus::Running | RunStatus::RollingBack | RunStatus::Preparing
        ) {
            dirty = true;
        }
    }
    drop(guard);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_dropped() {
        assert_eq!(plain_text("\x1b[1;32mok\x1b[0m \x1b]133;A\x07$ "), "ok $ ");
    }
}
