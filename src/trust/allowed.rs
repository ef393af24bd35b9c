//! The team's `allowed_signers` file, in OpenSSH's format (see
//! `ssh-keygen(1)`, ALLOWED SIGNERS): who may sign checkpoints.
//!
//! ```text
//! # principals            [options]                  key
//! ana@example.com         namespaces="pasos-journal@pasos" ssh-ed25519 AAAA… ana
//! luis@example.com,oncall ssh-rsa AAAA…
//! ```
//!
//! The same file serves `ssh-keygen -Y verify -f allowed_signers`, so the
//! auditor's check and pasos's agree on who is allowed.

use ssh_key::PublicKey;
use std::path::Path;

#[derive(Debug, Clone)]
pub struct Entry {
    /// Comma-separated principals as written (patterns allowed).
    pub principals: String,
    /// `namespaces="…"`: the namespaces the key may sign for; none = all.
    pub namespaces: Option<Vec<String>>,
    /// `valid-after` / `valid-before` as `YYYYMMDD[HHMM[SS]]`, UTC.
    pub valid_after: Option<String>,
    pub valid_before: Option<String>,
    pub key: PublicKey,
    /// 1-based line in the file.
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct AllowedSigners {
    pub entries: Vec<Entry>,
}

/// A bad line: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub col: usize,
    pub what: String,
}

/// Splits on blanks, keeping double-quoted text (with its quotes) whole.
fn fields(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        let mut quoted = false;
        while i < bytes.len() && (quoted || (bytes[i] != b' ' && bytes[i] != b'\t')) {
            if bytes[i] == b'"' {
                quoted = !quoted;
            }
            i += 1;
        }
        out.push((start, &line[start..i]));
    }
    out
}

fn is_key_type(s: &str) -> bool {
    s.starts_with("ssh-") || s.starts_with("ecdsa-") || s.starts_with("sk-")
}

/// `a="x,y",b` → [("a", Some("x,y")), ("b", None)]
fn options(s: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut push = |cur: &mut String| {
        if !cur.is_empty() {
            let (k, v) = match cur.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.trim_matches('"').to_string())),
                None => (cur.clone(), None),
            };
            out.push((k.to_ascii_lowercase(), v));
            cur.clear();
        }
    };
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                cur.push(c);
            }
            ',' if !quoted => push(&mut cur),
            _ => cur.push(c),
        }
    }
    push(&mut cur);
    out
}

impl AllowedSigners {
    pub fn parse(text: &str) -> Result<AllowedSigners, ParseError> {
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let f = fields(line);
            let err = |col: usize, what: String| ParseError {
                line: n,
                col: col + 1,
                what,
            };
            let (_, principals) = f[0];
            let mut k = 1;
            let mut opts = Vec::new();
            if f.get(k).is_some_and(|(_, s)| !is_key_type(s)) {
                opts = options(f[k].1);
                k += 1;
            }
            let Some(&(kcol, ktype)) = f.get(k) else {
                return Err(err(
                    line.len(),
                    "the key is missing (e.g. `ssh-ed25519 AAAA…`)".into(),
                ));
            };
            let Some(&(_, kdata)) = f.get(k + 1) else {
                return Err(err(line.len(), format!("the `{ktype}` key has no data")));
            };
            let key = PublicKey::from_openssh(&format!("{ktype} {kdata}"))
                .map_err(|e| err(kcol, format!("not a public key ({e})")))?;
            let mut entry = Entry {
                principals: principals.to_string(),
                namespaces: None,
                valid_after: None,
                valid_before: None,
                key,
                line: n,
            };
            for (name, value) in opts {
                match (name.as_str(), value) {
                    ("namespaces", Some(v)) => {
                        entry.namespaces = Some(v.split(',').map(str::to_string).collect())
                    }
                    ("valid-after", Some(v)) => entry.valid_after = Some(v),
                    ("valid-before", Some(v)) => entry.valid_before = Some(v),
                    ("cert-authority", _) => {
                        return Err(err(
                            f[1].0,
                            "cert-authority lines are not supported by pasos; list each signer's key".into(),
                        ));
                    }
                    (other, _) => {
                        return Err(err(f[1].0, format!("unknown option `{other}`")));
                    }
                }
            }
            entries.push(entry);
        }
        Ok(AllowedSigners { entries })
    }

    /// Reads a file; a bad line's error reads `path:line:col: what`.
    pub fn read(path: &Path) -> Result<AllowedSigners, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        AllowedSigners::parse(&text)
            .map_err(|e| format!("{}:{}:{}: {}", path.display(), e.line, e.col, e.what))
    }

    /// The principals allowed to sign in `namespace` with `key` at `time`
    /// (`YYYY-MM-DDTHH:MM:SS…`, the checkpoint's): empty when none is.
    pub fn principals(&self, key: &PublicKey, namespace: &str, time: &str) -> Vec<String> {
        let stamp: String = time
            .chars()
            .filter(|c| c.is_ascii_digit())
            .take(14)
            .collect();
        let within = |bound: &Option<String>, after: bool| {
            bound.as_ref().is_none_or(|b| {
                let b: String = b.chars().filter(|c| c.is_ascii_digit()).collect();
                let mut b = b;
                while b.len() < 14 {
                    b.push('0');
                }
                if after {
                    stamp.as_str() >= b.as_str()
                } else {
                    stamp.as_str() < b.as_str()
                }
            })
        };
        self.entries
            .iter()
            .filter(|e| e.key.key_data() == key.key_data())
            .filter(|e| {
                e.namespaces
                    .as_ref()
                    .is_none_or(|ns| ns.iter().any(|n| n == namespace || n == "*"))
            })
            .filter(|e| within(&e.valid_after, true) && within(&e.valid_before, false))
            .map(|e| e.principals.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH9l4ofkBBOJMP7j6XB8dtygHTrk3+D1miq5y5kWpvU+";

    #[test]
    fn parses_principals_options_and_keys() {
        let text = format!(
            "# team\n\nana@example.com {KEY} ana\nluis@x,oncall namespaces=\"pasos-journal@pasos,git\",valid-after=\"20260101\" {KEY}\n"
        );
        let a = AllowedSigners::parse(&text).unwrap();
        assert_eq!(a.entries.len(), 2);
        assert_eq!(a.entries[1].principals, "luis@x,oncall");
        assert_eq!(
            a.entries[1].namespaces.as_deref().unwrap(),
            ["pasos-journal@pasos", "git"]
        );
        let key = a.entries[0].key.clone();
        let p = a.principals(&key, crate::trust::NAMESPACE, "2026-12-06T08:00:00.000Z");
        assert_eq!(p, ["ana@example.com", "luis@x,oncall"]);
        let early = a.principals(&key, crate::trust::NAMESPACE, "2025-12-06T08:00:00.000Z");
        assert_eq!(early, ["ana@example.com"]);
        assert_eq!(
            a.principals(&key, "file", "2026-12-06T08:00:00Z"),
            ["ana@example.com"]
        );
    }

    #[test]
    fn bad_lines_name_line_and_column() {
        let e = AllowedSigners::parse("ana@x ssh-ed25519 notbase64\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 7));
        let e = AllowedSigners::parse("\nana@x\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.what.contains("key is missing"), "{}", e.what);
        let e = AllowedSigners::parse(&format!("ana@x cert-authority {KEY}\n")).unwrap_err();
        assert!(e.what.contains("cert-authority"));
    }
}
