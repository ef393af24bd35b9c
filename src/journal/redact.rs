//! Redaction: secret values and well-known credential shapes become
//! `[redacted]` before anything reaches the journal or the transcript.

use regex::Regex;
use std::sync::OnceLock;

pub const REDACTED: &str = "[redacted]";

/// Secret values shorter than this are not searched for: replacing every
/// `a` or `12` would destroy the record while protecting nothing real.
pub const MIN_SECRET_LEN: usize = 3;

#[derive(Debug, Clone, Default)]
pub struct Redactor {
    /// Longest first, so a secret containing another is replaced whole.
    secrets: Vec<String>,
}

fn patterns() -> &'static [(Regex, &'static str)] {
    static P: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    P.get_or_init(|| {
        [
            (
                r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
                "[redacted private key]",
            ),
            (r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}", "${1}[redacted]"),
            (r"(?i)(authorization\s*:\s*(?:basic|token|oauth|digest)\s+)[^\s$'\x22]+", "${1}[redacted]"),
            (r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", "[redacted]"),
            (
                r"\b(?:ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})",
                "[redacted]",
            ),
            (r"(://[^/\s:@$]+:)[^@\s/$]+@", "${1}[redacted]@"),
            (
                r#"(?i)(\b[a-z0-9_]*(?:password|passwd|secret|token|api_?key|access_?key)["']?\s*[=:]\s*["']?)[^\s"'$\[][^\s"']*"#,
                "${1}[redacted]",
            ),
        ]
        .into_iter()
        .map(|(re, with)| (Regex::new(re).expect("redaction pattern compiles"), with))
        .collect()
    })
}

impl Redactor {
    pub fn new(secrets: impl IntoIterator<Item = String>) -> Self {
        let mut secrets: Vec<String> = secrets
            .into_iter()
            .filter(|s| s.chars().count() >= MIN_SECRET_LEN)
            .collect();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        secrets.dedup();
        Redactor { secrets }
    }

    pub fn add_secret(&mut self, secret: String) {
        let mut all = std::mem::take(&mut self.secrets);
        all.push(secret);
        *self = Redactor::new(all);
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in &self.secrets {
            if out.contains(s.as_str()) {
                out = out.replace(s.as_str(), REDACTED);
            }
        }
        for (re, with) in patterns() {
            if re.is_match(&out) {
                out = re.replace_all(&out, *with).into_owned();
            }
        }
        out
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
    fn variable_references_are_kept() {
        let r = Redactor::default();
        let t = "PGPASSWORD=\"${DB_PASSWORD}\" psql -H 'Authorization: Bearer ${TOKEN}'";
        assert_eq!(r.redact(t), t);
    }
}
