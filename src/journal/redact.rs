//! Redaction: secret values (in every form [`crate::secret::forms`] knows)
//! and well-known credential shapes become `[redacted]` before anything
//! reaches the journal, the transcript or any output of pasos.

use crate::secret::MIN_SECRET_LEN;
use aho_corasick::{AhoCorasick, MatchKind};
use regex::{Captures, Regex};
use std::sync::{Arc, OnceLock};
use zeroize::Zeroizing;

pub const REDACTED: &str = "[redacted]";

/// What a held-back tail ending a stream becomes when it could be the
/// start of a secret and is at least this long.
const PARTIAL_REDACTED_FROM: usize = 4;

/// One automaton over every form of every secret.
pub struct SecretMatcher {
    ac: AhoCorasick,
    forms: Vec<Zeroizing<Vec<u8>>>,
    /// Forms by their first byte, for the "could a secret start here" test.
    by_first: Vec<Vec<u32>>,
    max_len: usize,
    /// The secrets as typed, by first byte (see [`SecretMatcher::cut_starts`]).
    raw: Vec<Zeroizing<Vec<u8>>>,
    raw_by_first: Vec<Vec<u32>>,
}

/// Bytes a line editor puts inside a line it redraws (at the right margin,
/// on a cursor move): a typed secret echoed back is cut by them.
fn is_redraw(b: u8) -> bool {
    matches!(b, b'\r' | 0x08 | 0x1b)
}

impl SecretMatcher {
    fn new(secrets: &[Zeroizing<String>]) -> Option<SecretMatcher> {
        let mut forms: Vec<Zeroizing<Vec<u8>>> = Vec::new();
        for s in secrets {
            for f in crate::secret::forms(s) {
                if !forms.iter().any(|g| **g == *f) {
                    forms.push(f);
                }
            }
        }
        if forms.is_empty() {
            return None;
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms.iter().map(|f| f.as_slice()))
            .ok()?;
        let mut by_first = vec![Vec::new(); 256];
        for (i, f) in forms.iter().enumerate() {
            by_first[f[0] as usize].push(i as u32);
        }
        let max_len = forms.iter().map(|f| f.len()).max().unwrap_or(0);
        let raw: Vec<Zeroizing<Vec<u8>>> = secrets
            .iter()
            .map(|s| Zeroizing::new(s.as_bytes().to_vec()))
            .collect();
        let mut raw_by_first = vec![Vec::new(); 256];
        for (i, r) in raw.iter().enumerate() {
            raw_by_first[r[0] as usize].push(i as u32);
        }
        Some(SecretMatcher {
            ac,
            forms,
            by_first,
            max_len,
            raw,
            raw_by_first,
        })
    }

    /// The longest form, in bytes.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// The first position from which `buf` could still grow into a form
    /// (its rest is a proper prefix of one); `buf.len()` when none.
    pub fn could_start_at(&self, buf: &[u8]) -> usize {
        let from = buf.len().saturating_sub(self.max_len.saturating_sub(1));
        for i in from..buf.len() {
            let rest = &buf[i..];
            if self.by_first[rest[0] as usize].iter().any(|&k| {
                let f = &self.forms[k as usize];
                f.len() > rest.len() && f.starts_with(rest)
            }) {
                return i;
            }
        }
        buf.len()
    }

    /// The start of a secret as typed, at least half of it (and at least
    /// [`MIN_SECRET_LEN`] bytes), cut by a redraw byte at `at`: where it
    /// begins. A line editor echoing a typed secret breaks it this way
    /// (`…4a7f1\r19+x` at the right margin).
    fn cut_start(&self, buf: &[u8], at: usize) -> Option<usize> {
        let mut best = None;
        for (i, &first) in buf[at.saturating_sub(self.max_len)..at].iter().enumerate() {
            let start = at.saturating_sub(self.max_len) + i;
            let seen = &buf[start..at];
            let found = self.raw_by_first[first as usize].iter().any(|&k| {
                let r = &self.raw[k as usize];
                seen.len() >= MIN_SECRET_LEN
                    && seen.len() * 2 >= r.len()
                    && r.len() > seen.len()
                    && r.starts_with(seen)
            });
            if found {
                best = Some(start);
                break;
            }
        }
        best
    }

    /// Replaces whole forms in `buf[..]` that start before `limit`, and
    /// long starts of a secret cut by a redraw byte; appends the result to
    /// `out` and returns how many bytes of `buf` were consumed (at least
    /// `limit`, more when a form crosses it).
    pub fn replace_before(&self, buf: &[u8], limit: usize, out: &mut Vec<u8>) -> usize {
        let mut ranges: Vec<(usize, usize)> = self
            .ac
            .find_iter(buf)
            .take_while(|m| m.start() < limit)
            .map(|m| (m.start(), m.end()))
            .collect();
        let mut cuts = Vec::new();
        let mut from = 0;
        while let Some(p) = memchr::memchr3(b'\r', 0x08, 0x1b, &buf[from..limit]) {
            let at = from + p;
            // bash wraps at the margin with a space, then CR.
            let end = if at > 0 && buf[at - 1] == b' ' {
                at - 1
            } else {
                at
            };
            if let Some(start) = self.cut_start(buf, end) {
                cuts.push((start, at));
            }
            from = at + 1;
        }
        if !cuts.is_empty() {
            ranges.extend(cuts);
            ranges.sort_unstable();
        }
        let mut cursor = 0;
        for (start, end) in ranges {
            if start < cursor {
                continue;
            }
            out.extend_from_slice(&buf[cursor..start]);
            out.extend_from_slice(REDACTED.as_bytes());
            cursor = end;
        }
        if cursor < limit {
            out.extend_from_slice(&buf[cursor..limit]);
            cursor = limit;
        }
        cursor
    }

    /// What an unfinished tail ending the stream becomes.
    pub fn final_tail(&self, tail: &[u8], out: &mut Vec<u8>) {
        if tail.len() >= PARTIAL_REDACTED_FROM {
            out.extend_from_slice(REDACTED.as_bytes());
        } else {
            out.extend_from_slice(tail);
        }
    }

    fn replace_str(&self, text: &str) -> String {
        if text.bytes().any(is_redraw) {
            let mut out = Vec::with_capacity(text.len());
            self.replace_before(text.as_bytes(), text.len(), &mut out);
            return String::from_utf8_lossy(&out).into_owned();
        }
        let mut out = String::with_capacity(text.len());
        self.ac.replace_all_with(text, &mut out, |_, _, dst| {
            dst.push_str(REDACTED);
            true
        });
        out
    }

    fn is_match(&self, text: &str) -> bool {
        self.ac.is_match(text) || text.bytes().any(is_redraw)
    }
}

/// The secrets to redact (values of secret variables), and the patterns of
/// well-known credentials. Cloning shares the automaton.
#[derive(Clone, Default)]
pub struct Redactor {
    /// Sorted, without duplicates; zeroed when dropped.
    secrets: Vec<Zeroizing<String>>,
    matcher: Option<Arc<SecretMatcher>>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Redactor({} secrets)", self.secrets.len())
    }
}

/// How a pattern's match is replaced.
enum With {
    /// All of it.
    Whole(&'static str),
    /// All but the first group (the keyword before the value), then this.
    AfterGroup1(&'static str),
}

fn patterns() -> &'static [(Regex, With)] {
    static P: OnceLock<Vec<(Regex, With)>> = OnceLock::new();
    P.get_or_init(|| {
        [
            (
                r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
                With::Whole("[redacted private key]"),
            ),
            (r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}", With::AfterGroup1("")),
            (
                r"(?i)(authorization\s*:\s*(?:basic|token|oauth|digest)\s+)[^\s$'\x22]+",
                With::AfterGroup1(""),
            ),
            (r"(?-u:\b)(?:AKIA|ASIA)[0-9A-Z]{16}(?-u:\b)", With::Whole(REDACTED)),
            (
                r"(?-u:\b)(?:ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})",
                With::Whole(REDACTED),
            ),
            (r"(://[^/\s:@$]+:)[^@\s/$]+@", With::AfterGroup1("@")),
            (
                r#"(?i)((?-u:\b)[a-z0-9_]*(?:password|passwd|secret|token|api_?key|access_?key)["']?\s*[=:]\s*["']?)[^\s"'$\[][^\s"']*"#,
                With::AfterGroup1(""),
            ),
        ]
        .into_iter()
        .map(|(re, with)| (Regex::new(re).expect("redaction pattern compiles"), with))
        .collect()
    })
}

/// All the patterns at once: one pass tells which ones can match. (Word
/// boundaries are ASCII ones: Unicode ones would keep the regex engine off
/// its fast path, and credentials are ASCII.)
fn pattern_set() -> &'static regex::RegexSet {
    static S: OnceLock<regex::RegexSet> = OnceLock::new();
    S.get_or_init(|| {
        regex::RegexSet::new(patterns().iter().map(|(re, _)| re.as_str()))
            .expect("redaction patterns compile")
    })
}

/// Replaces the credential shapes in `text`. A match that is the name in
/// a shell parameter expansion (`${NOTIFY_TOKEN:0:8}`) is no value and is
/// kept as typed.
pub fn redact_patterns(text: &str) -> String {
    let hits = pattern_set().matches(text);
    if !hits.matched_any() {
        return text.to_string();
    }
    let mut out: Option<String> = None;
    for (i, (re, with)) in patterns().iter().enumerate() {
        if !hits.matched(i) {
            continue;
        }
        let current = out.as_deref().unwrap_or(text);
        let replaced = re
            .replace_all(current, |caps: &Captures| {
                let m = caps.get(0).expect("whole match");
                if current[..m.start()].ends_with("${") {
                    return m.as_str().to_string();
                }
                match with {
                    With::Whole(w) => (*w).to_string(),
                    With::AfterGroup1(then) => {
                        format!("{}{REDACTED}{then}", caps.get(1).map_or("", |g| g.as_str()))
                    }
                }
            })
            .into_owned();
        out = Some(replaced);
    }
    out.unwrap_or_else(|| text.to_string())
}

impl Redactor {
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut r = Redactor::default();
        for s in secrets {
            r.insert(Zeroizing::new(s));
        }
        r.rebuild();
        r
    }

    fn insert(&mut self, secret: Zeroizing<String>) -> bool {
        if secret.chars().count() < MIN_SECRET_LEN {
            return false;
        }
        match self
            .secrets
            .binary_search_by(|s| s.as_str().cmp(secret.as_str()))
        {
            Ok(_) => false,
            Err(at) => {
                self.secrets.insert(at, secret);
                true
            }
        }
    }

    fn rebuild(&mut self) {
        self.matcher = SecretMatcher::new(&self.secrets).map(Arc::new);
    }

    /// Adds a secret value; values shorter than [`MIN_SECRET_LEN`] are
    /// ignored (they are refused where they enter).
    pub fn add_secret(&mut self, secret: String) {
        self.add_secret_str(&secret);
        drop(Zeroizing::new(secret));
    }

    /// Adds a secret value without taking it; cheap when already known.
    pub fn add_secret_str(&mut self, secret: &str) {
        if self.secrets.iter().any(|s| s.as_str() == secret) {
            return;
        }
        if self.insert(Zeroizing::new(secret.to_string())) {
            self.rebuild();
        }
    }

    /// The automaton over every form of every secret, if any.
    pub fn matcher(&self) -> Option<&SecretMatcher> {
        self.matcher.as_deref()
    }

    pub fn has_secrets(&self) -> bool {
        !self.secrets.is_empty()
    }

    pub fn redact(&self, text: &str) -> String {
        let out = match self.matcher() {
            Some(m) if m.is_match(text) => m.replace_str(text),
            _ => return redact_patterns(text),
        };
        redact_patterns(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_and_patterns_are_replaced() {
        let r = Redactor::new(["s3cr3t-value".to_string(), "ab".to_string()]);
        assert_eq!(r.redact("echo s3cr3t-value ab"), "echo [redacted] ab");
        assert_eq!(
            r.redact("curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x'"),
            "curl -H 'Authorization: Bearer [redacted]'"
        );
        assert_eq!(
            r.redact("PGPASSWORD=hunter22 psql"),
            "PGPASSWORD=[redacted] psql"
        );
        assert_eq!(r.redact("key AKIAIOSFODNN7EXAMPLE"), "key [redacted]");
        assert_eq!(
            r.redact("psql postgres://app:pw1234@db/x"),
            "psql postgres://app:[redacted]@db/x"
        );
        assert_eq!(
            r.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nok"),
            "[redacted private key]\nok"
        );
    }

    #[test]
    fn encoded_and_reversed_secrets_are_replaced() {
        let r = Redactor::new(["tok-SECRETO-4a7f19".to_string()]);
        for (shown, expect) in [
            ("b64 dG9rLVNFQ1JFVE8tNGE3ZjE5 end", "b64 [redacted] end"),
            ("rev 91f7a4-OTERCES-kot end", "rev [redacted] end"),
            ("hex 746F6B2D5345435245544F2D346137663139", "hex [redacted]"),
            ("x=746f6b2d5345435245544f2d346137663139", "x=[redacted]"),
        ] {
            assert_eq!(r.redact(shown), expect);
        }
        // Behind other bytes: `printf 'Xtok-SECRETO-4a7f19' | base64`.
        let shifted = r.redact("WHRvay1TRUNSRVRPLTRhN2YxOQ==");
        assert!(!shifted.contains("RUNSRVRPLTRhN2YxO"), "{shifted}");
    }

    #[test]
    fn a_typed_secret_cut_by_a_redraw_is_replaced() {
        let r = Redactor::new(["tok-SECRETO/4a7f19+x".to_string()]);
        assert_eq!(
            r.redact("$ echo typed tok-SECRETO/4a7f1\r19+x\r\n"),
            "$ echo typed [redacted]\r19+x\r\n"
        );
        assert_eq!(
            r.redact("echo typed tok-SECRETO/4a7f \r19+x"),
            "echo typed [redacted]\r19+x"
        );
        // A short start is ordinary text.
        assert_eq!(r.redact("tok-SE\r\n"), "tok-SE\r\n");
    }

    #[test]
    fn variable_references_are_kept() {
        let r = Redactor::new(["tok-SECRETO-4a7f19".to_string()]);
        for t in [
            "PGPASSWORD=\"${DB_PASSWORD}\" psql -H 'Authorization: Bearer ${TOKEN}'",
            "echo ${NOTIFY_TOKEN:0:8}",
            "curl -d token=${NOTIFY_TOKEN:-none} ${API_KEY:?unset}",
        ] {
            assert_eq!(r.redact(t), t);
        }
    }

    #[test]
    fn short_values_are_not_secrets() {
        let mut r = Redactor::default();
        r.add_secret("abcde".into());
        assert!(!r.has_secrets());
        r.add_secret("abcdef".into());
        r.add_secret_str("abcdef");
        assert_eq!(r.redact("abcdefg"), "[redacted]g");
        assert!(!format!("{r:?}").contains("abcdef"));
    }
}
