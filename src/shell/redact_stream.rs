//! Redaction of a stream cut into arbitrary chunks, in two passes:
//!
//! 1. Secrets (every form, see [`crate::secret::forms`]): one automaton
//!    over the whole stream. Bytes that could be the start of a secret
//!    (at most the longest form minus one) are carried over to the next
//!    chunk; everything before them is released at once. No chunking or
//!    pause can split a secret past it, and nothing that could begin one
//!    is released early, not even when the shell goes quiet.
//! 2. Credential shapes (bearer tokens, `password=`...): released line by
//!    line so a pattern sees its whole line; a partial line is released
//!    when the shell goes quiet. A private key block spanning many chunks
//!    is dropped from its BEGIN line to its END line.

use crate::journal::Redactor;
use crate::journal::redact::redact_patterns;
use regex::Regex;
use std::sync::OnceLock;

/// Partial lines longer than this are released anyway.
pub const MAX_HELD: usize = 64 * 1024;

fn key_begin() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"-----BEGIN [A-Z ]*PRIVATE KEY-----").expect("regex"))
}

fn key_end() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"-----END [A-Z ]*PRIVATE KEY-----").expect("regex"))
}

pub struct StreamRedactor {
    redactor: Redactor,
    /// Not yet past the secret pass: could be the start of a secret.
    pending: Vec<u8>,
    /// Past the secret pass, held until the end of their line.
    held: Vec<u8>,
    in_key: bool,
}

impl StreamRedactor {
    pub fn new(redactor: Redactor) -> Self {
        StreamRedactor {
            redactor,
            pending: Vec::new(),
            held: Vec::new(),
            in_key: false,
        }
    }

    pub fn add_secret(&mut self, secret: String) {
        self.redactor.add_secret(secret);
    }

    pub fn add_secret_str(&mut self, secret: &str) {
        self.redactor.add_secret_str(secret);
    }

    /// A partial line is held back (released by [`StreamRedactor::flush`]).
    pub fn has_held(&self) -> bool {
        !self.held.is_empty()
    }

    /// Takes `bytes`; returns the redacted text ready to be released.
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.secret_pass(bytes);
        let cut = match memchr::memrchr(b'\n', &self.held) {
            Some(p) => p + 1,
            None if self.held.len() > MAX_HELD => utf8_boundary(&self.held),
            None => return String::new(),
        };
        let ready: Vec<u8> = self.held.drain(..cut).collect();
        self.redact(&ready)
    }

    /// The shell went quiet: releases everything except what could still
    /// be the start of a secret (and a partial UTF-8 character).
    pub fn flush(&mut self) -> String {
        let cut = utf8_boundary(&self.held);
        let ready: Vec<u8> = self.held.drain(..cut).collect();
        self.redact(&ready)
    }

    /// The stream ended: releases everything; an unfinished start of a
    /// secret long enough to tell something is replaced.
    pub fn finish(&mut self) -> String {
        let tail = std::mem::take(&mut self.pending);
        match self.redactor.matcher() {
            Some(m) => m.final_tail(&tail, &mut self.held),
            None => self.held.extend_from_slice(&tail),
        }
        let ready = std::mem::take(&mut self.held);
        self.redact(&ready)
    }

    fn secret_pass(&mut self, bytes: &[u8]) {
        let Some(m) = self.redactor.matcher() else {
            self.held.extend_from_slice(&self.pending);
            self.pending.clear();
            self.held.extend_from_slice(bytes);
            return;
        };
        let buf: &[u8] = if self.pending.is_empty() {
            bytes
        } else {
            self.pending.extend_from_slice(bytes);
            &self.pending
        };
        let limit = m.could_start_at(buf);
        let used = m.replace_before(buf, limit, &mut self.held);
        if self.pending.is_empty() {
            self.pending.extend_from_slice(&bytes[used..]);
        } else {
            self.pending.drain(..used);
        }
    }

    fn redact(&mut self, bytes: &[u8]) -> String {
        if bytes.is_empty() {
            return String::new();
        }
        let text = String::from_utf8_lossy(bytes);
        let mut text: &str = &text;
        if self.in_key {
            match key_end().find(text) {
                Some(m) => {
                    self.in_key = false;
                    text = &text[m.end()..];
                }
                None => return String::new(),
            }
        }
        if let Some(last) = key_begin().find_iter(text).last()
            && !key_end().is_match(&text[last.end()..])
        {
            self.in_key = true;
        }
        redact_patterns(text)
    }
}

/// The longest prefix of `b` that does not end inside a UTF-8 sequence.
fn utf8_boundary(b: &[u8]) -> usize {
    let mut cut = b.len();
    for back in 1..=3.min(b.len()) {
        let byte = b[b.len() - back];
        if byte & 0xc0 == 0x80 {
            continue;
        }
        if byte >= 0xc0 {
            let need = if byte >= 0xf0 {
                4
            } else if byte >= 0xe0 {
                3
            } else {
                2
            };
            if need > back {
                cut = b.len() - back;
            }
        }
        break;
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "tok-SECRETO-4a7f19";

    fn stream() -> StreamRedactor {
        StreamRedactor::new(Redactor::new([SECRET.to_string()]))
    }

    /// Everything the stream releases for `chunks`, flushing (as when the
    /// shell is quiet) after each one.
    fn through(chunks: &[&[u8]], idle: bool) -> String {
        let mut r = stream();
        let mut out = String::new();
        for c in chunks {
            out += &r.push(c);
            if idle {
                out += &r.flush();
            }
        }
        out + &r.finish()
    }

    #[test]
    fn a_secret_split_between_chunks_is_redacted() {
        let mut r = StreamRedactor::new(Redactor::new(["hunter2-very-secret".to_string()]));
        let mut out = r.push(b"pass: hunter2-ve");
        assert_eq!(out, "");
        out += &r.push(b"ry-secret ok\r\nnext");
        assert_eq!(out, "pass: [redacted] ok\r\n");
        // `t` could start the secret reversed: held until the end.
        assert_eq!(r.flush(), "nex");
        assert_eq!(r.finish(), "t");
    }

    #[test]
    fn a_pause_inside_a_secret_releases_only_what_cannot_start_it() {
        let mut r = stream();
        assert_eq!(r.push(b"split=tok-SE"), "");
        assert_eq!(r.flush(), "split=");
        assert_eq!(r.push(b"CRETO-4a7f19 done"), "");
        assert_eq!(r.flush(), "[redacted] done");
    }

    #[test]
    fn every_chunking_of_every_form_is_redacted() {
        let forms = crate::secret::forms(SECRET);
        for form in &forms {
            let mut text = b"before ".to_vec();
            text.extend_from_slice(form);
            text.extend_from_slice(b" after\r\n");
            for size in 1..=7 {
                let chunks: Vec<&[u8]> = text.chunks(size).collect();
                for idle in [false, true] {
                    let out = through(&chunks, idle);
                    assert_eq!(out, "before [redacted] after\r\n", "{size} {idle}");
                }
            }
        }
    }

    #[test]
    fn an_unfinished_start_at_the_end_is_not_written() {
        assert_eq!(through(&[b"x tok-SECRE"], true), "x [redacted]");
        assert_eq!(through(&[b"x tok"], true), "x tok");
    }

    #[test]
    fn without_secrets_everything_flows() {
        let mut r = StreamRedactor::new(Redactor::default());
        assert_eq!(r.push(b"a line\npart"), "a line\n");
        assert_eq!(r.flush(), "part");
        assert_eq!(r.finish(), "");
    }

    #[test]
    fn a_private_key_across_chunks_is_dropped() {
        let mut r = StreamRedactor::new(Redactor::default());
        let mut out = r.push(b"before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB\n");
        out += &r.push(b"AAAAsecretbody\n");
        out += &r.push(b"-----END RSA PRIVATE KEY-----\nafter\n");
        assert!(
            !out.contains("MIIE") && !out.contains("secretbody"),
            "{out}"
        );
        assert!(out.starts_with("before\n[redacted private key]"), "{out}");
        assert!(out.ends_with("\nafter\n"), "{out}");
    }

    #[test]
    fn long_lines_are_released_on_a_char_boundary() {
        let mut r = StreamRedactor::new(Redactor::default());
        let mut big = vec![b'a'; MAX_HELD];
        big.extend_from_slice("é".as_bytes());
        let first = r.push(&big[..MAX_HELD + 1]);
        assert_eq!(first.len(), MAX_HELD);
        assert_eq!(r.push(&big[MAX_HELD + 1..]), "");
        assert_eq!(r.flush(), "é");
    }
}
