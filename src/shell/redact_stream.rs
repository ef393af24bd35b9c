//! Redaction of a stream cut into arbitrary chunks: text is released line
//! by line (a secret split between two reads is still whole when it is
//! redacted), and a private key block spanning many chunks is dropped from
//! its BEGIN line to its END line.

use crate::journal::Redactor;
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
    held: Vec<u8>,
    in_key: bool,
}

impl StreamRedactor {
    pub fn new(redactor: Redactor) -> Self {
        StreamRedactor {
            redactor,
            held: Vec::new(),
            in_key: false,
        }
    }

    pub fn add_secret(&mut self, secret: String) {
        self.redactor.add_secret(secret);
    }

    /// Bytes are held back until the end of their line.
    pub fn has_held(&self) -> bool {
        !self.held.is_empty()
    }

    /// Takes `bytes`; returns the redacted text ready to be released.
    pub fn push(&mut self, bytes: &[u8]) -> String {
        self.held.extend_from_slice(bytes);
        let cut = match memchr::memrchr(b'\n', &self.held) {
            Some(p) => p + 1,
            None if self.held.len() > MAX_HELD => utf8_boundary(&self.held),
            None => return String::new(),
        };
        let ready: Vec<u8> = self.held.drain(..cut).collect();
        self.redact(&ready)
    }

    /// Releases everything held.
    pub fn flush(&mut self) -> String {
        let ready = std::mem::take(&mut self.held);
        self.redact(&ready)
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
        self.redactor.redact(text)
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

    #[test]
    fn a_secret_split_between_chunks_is_redacted() {
        let mut r = StreamRedactor::new(Redactor::new(["hunter2-very-secret".to_string()]));
        let mut out = r.push(b"pass: hunter2-ve");
        assert_eq!(out, "");
        out += &r.push(b"ry-secret ok\r\nnext");
        assert_eq!(out, "pass: [redacted] ok\r\n");
        assert_eq!(r.flush(), "next");
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
