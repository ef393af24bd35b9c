//! The state shared by the output thread and the owner, behind one lock:
//! the emulator, the marker scanner, the command tracker, the transcript
//! and the input waiting for the prompt. `process` is the whole output
//! path: markers out, bytes to the emulator, the transcript and the
//! command's output tail, in stream order.

use super::emulator::{Emulator, TermRequest};
use super::event::ShellEvent;
use super::marker::{self, Marker};
use super::marker_key::MarkerAuth;
use super::osc_scan::{OscScanner, Piece};
use super::secrets::Delivery;
use super::tracker::Tracker;
use super::transcript::Transcript;

/// Input for the shell that waits until it shows its prompt.
#[derive(Debug, Clone)]
pub struct Queued {
    pub text: String,
    pub load_env: bool,
    /// Press Enter after it (else it is left at the prompt for editing).
    pub enter: bool,
}

pub struct Core {
    pub emulator: Emulator,
    scanner: OscScanner,
    pub tracker: Tracker,
    pub transcript: Option<Transcript>,
    auth: MarkerAuth,
    /// The one-time token of the sentinel in flight.
    pub sentinel_token: Option<String>,
    /// The key file, until the shell shows it read it (the rc file deletes
    /// it; this is the backstop).
    pub key_file: Option<std::path::PathBuf>,
    pub queued: Option<Queued>,
    /// Where the prompt ended (B): absolute line, column.
    prompt_end: Option<(i64, usize)>,
    requests: Vec<TermRequest>,
    pub delivery: Option<Delivery>,
}

impl Core {
    pub fn new(
        emulator: Emulator,
        tracker: Tracker,
        transcript: Option<Transcript>,
        auth: MarkerAuth,
    ) -> Core {
        Core {
            emulator,
            scanner: OscScanner::new(),
            tracker,
            transcript,
            auth,
            sentinel_token: None,
            key_file: None,
            queued: None,
            prompt_end: None,
            requests: Vec::new(),
            delivery: None,
        }
    }

    /// Processes output from the shell; replies for the PTY go to
    /// `replies`, what happened to `events`.
    pub fn process(
        &mut self,
        bytes: &[u8],
        events: &mut Vec<ShellEvent>,
        replies: &mut Vec<Vec<u8>>,
    ) {
        let Core {
            emulator,
            scanner,
            tracker,
            transcript,
            auth,
            sentinel_token,
            key_file,
            prompt_end,
            requests,
            ..
        } = self;
        scanner.feed(bytes, &mut |piece| match piece {
            Piece::Bytes(b) => {
                emulator.advance(b, requests);
                if let Some(t) = transcript.as_mut() {
                    let _ = t.output(b);
                }
                tracker.output(b);
            }
            Piece::Marker(m) => {
                let Some(mut parsed) = marker::parse(m, auth.tag()) else {
                    return;
                };
                if parsed.ours
                    && let Some(f) = key_file.take()
                {
                    let _ = std::fs::remove_file(f);
                }
                match parsed.marker {
                    Marker::Finished(code)
                        if parsed.ours && !auth.accept_finished(code, parsed.auth.as_deref()) =>
                    {
                        parsed.ours = false;
                        events.push(ShellEvent::MarkerRejected);
                    }
                    Marker::Sentinel(_) => {
                        parsed.ours = sentinel_token.is_some() && *sentinel_token == parsed.auth;
                        if parsed.ours {
                            *sentinel_token = None;
                        } else if sentinel_token.is_some() {
                            events.push(ShellEvent::MarkerRejected);
                        }
                    }
                    _ => {}
                }
                if parsed.ours && parsed.marker == Marker::PromptEnd {
                    let (line, col) = emulator.cursor();
                    *prompt_end = Some((emulator.history_len() as i64 + line as i64, col));
                }
                tracker.marker(
                    parsed,
                    &mut || transcript.as_mut().and_then(|t| t.boundary().ok()),
                    &mut || typed_text(emulator, *prompt_end),
                    events,
                );
            }
        });
        self.take_requests(events, replies);
        if events.contains(&ShellEvent::SecretsLoaded) {
            self.delivery = None;
        }
    }

    /// Shows a held synchronized update whose time is up.
    pub fn flush_sync(&mut self, events: &mut Vec<ShellEvent>, replies: &mut Vec<Vec<u8>>) {
        let mut requests = std::mem::take(&mut self.requests);
        self.emulator.flush_sync(&mut requests);
        self.requests = requests;
        self.take_requests(events, replies);
    }

    fn take_requests(&mut self, events: &mut Vec<ShellEvent>, replies: &mut Vec<Vec<u8>>) {
        for r in self.requests.drain(..) {
            match r {
                TermRequest::Reply(b) => replies.push(b),
                TermRequest::Title(t) => events.push(ShellEvent::Title(t)),
                TermRequest::Bell => events.push(ShellEvent::Bell),
            }
        }
    }
}

/// What the operator typed after the prompt, read off the screen (for a
/// shell that did not report the command line).
fn typed_text(emulator: &Emulator, prompt_end: Option<(i64, usize)>) -> String {
    let Some((abs, col)) = prompt_end else {
        return String::new();
    };
    let history = emulator.history_len() as i64;
    let (cursor_line, _) = emulator.cursor();
    let first = abs - history;
    let last = (cursor_line as i64 - 1).max(first);
    let mut parts = Vec::new();
    for line in first.max(-history)..=last {
        let text = emulator.line_text(line as i32);
        if line == first {
            parts.push(text.chars().skip(col).collect::<String>());
        } else {
            parts.push(text);
        }
    }
    parts.join("\n").trim().to_string()
}
