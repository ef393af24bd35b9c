//! "Nunca credenciales en los procedimientos": passwords, tokens,
//! Authorization headers, AWS keys and private keys must be `${VARS}`.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use regex::Regex;
use std::sync::OnceLock;

/// A credential written inline: what kind, and the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub what: &'static str,
    pub matched: String,
}

fn patterns() -> &'static [(&'static str, Regex)] {
    static P: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        [
            ("an Authorization header", r#"(?i)authorization\s*:\s*(?:bearer|basic|token|oauth|digest|apikey)\s+[^\s"'$\\]+"#),
            ("an Authorization header", r#"(?i)authorization\s*:\s*(?:[^\s"'$\\]+)"#),
            ("an AWS access key", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
            ("a private key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            ("a token", r"\b(?:ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{10,})"),
            ("a Slack webhook URL", r"hooks\.slack\.com/services/[A-Za-z0-9_/]+"),
            ("a password in a URL", r"://[^/\s:@$]+:[^@\s/$]+@"),
            ("a password option", r#"(?:--password|--passwd)(?:=|\s+)["']?[^\s"'$-][^\s"']*"#),
            ("a password option", r#"\b(?:mysql|mysqldump|mysqladmin)\b[^\n]*\s-p[^\s"'$]+"#),
            ("a password option", r#"\bsshpass\s+-p\s*["']?[^\s"'$]+"#),
            ("a secret assignment", r#"(?i)\b[a-z0-9_]*(?:password|passwd|secret|token|api_?key|access_?key)["']?\s*[=:]\s*["']?[^\s"'$<>{}\\][^\s"']*"#),
        ]
        .into_iter()
        .map(|(what, re)| (what, Regex::new(re).expect("credential pattern compiles")))
        .collect()
    })
}

/// Every inline credential in a command text.
pub fn find_credentials(text: &str) -> Vec<Finding> {
    let mut out: Vec<(usize, Finding)> = Vec::new();
    for (what, re) in patterns() {
        for m in re.find_iter(text) {
            if is_bare_scheme(m.as_str()) {
                continue; // `Authorization: Bearer ${TOKEN}`: the value is a variable
            }
            if out
                .iter()
                .any(|(start, f)| m.start() < start + f.matched.len() && *start < m.end())
            {
                continue; // already reported by a more specific pattern
            }
            out.push((
                m.start(),
                Finding {
                    what,
                    matched: m.as_str().to_string(),
                },
            ));
        }
    }
    out.sort_by_key(|(s, _)| *s);
    out.into_iter().map(|(_, f)| f).collect()
}

/// `Authorization: Bearer` alone: the scheme word, with the value elsewhere.
fn is_bare_scheme(matched: &str) -> bool {
    let Some((head, value)) = matched.split_once(':') else {
        return false;
    };
    head.trim().eq_ignore_ascii_case("authorization")
        && ["bearer", "basic", "token", "oauth", "digest", "apikey"]
            .iter()
            .any(|s| value.trim().eq_ignore_ascii_case(s))
}

pub fn check(ctx: &mut Ctx<'_>) {
    let p = ctx.procedure;
    let mut found = Vec::new();
    for c in p.commands() {
        for f in find_credentials(&c.run) {
            let span = crate::procedure::validate::locate(ctx.source, &c.span, &f.matched);
            let shown: String = f.matched.chars().take(40).collect();
            found.push(
                Diagnostic::warning(
                    "inline-credential",
                    format!("{} is written inline: `{shown}`", f.what),
                    Some(span),
                )
                .with_hint("declare a `[[variables]]` entry with `secret = true` and write `${NAME}` instead"),
            );
        }
    }
    for d in found {
        ctx.warn(None, d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<&'static str> {
        find_credentials(text).into_iter().map(|f| f.what).collect()
    }

    #[test]
    fn finds_what_the_seeds_warn_about() {
        assert_eq!(
            kinds("curl -H 'Authorization: Bearer abc123' x"),
            vec!["an Authorization header"]
        );
        assert_eq!(
            kinds("curl -H \"Authorization: OAuth [TOKEN]\" x"),
            vec!["an Authorization header"]
        );
        assert_eq!(
            kinds("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"),
            vec!["an AWS access key"]
        );
        assert_eq!(
            kinds("PGPASSWORD=hunter2 psql"),
            vec!["a secret assignment"]
        );
        assert_eq!(
            kinds("psql postgres://app:s3cret@db/app"),
            vec!["a password in a URL"]
        );
        assert_eq!(kinds("mysql -u root -proot db"), vec!["a password option"]);
        assert_eq!(
            kinds("curl -X POST https://hooks.slack.com/services/T000/B000/XXXX"),
            vec!["a Slack webhook URL"]
        );
        assert_eq!(
            kinds("echo '-----BEGIN RSA PRIVATE KEY-----'"),
            vec!["a private key"]
        );
    }

    #[test]
    fn variables_and_ordinary_commands_are_fine() {
        for ok in [
            "curl -H \"Authorization: Bearer ${API_TOKEN}\" x",
            "PGPASSWORD=\"${DB_PASSWORD}\" psql -h db",
            "psql postgres://app:${DB_PASSWORD}@db/app",
            "docker login --password-stdin < f",
            "mkdir -p /backups && ssh -p 22 host",
            "kubectl get secret db-creds -o yaml",
            "grep -c 'password=' app.log",
            "token=$(cat /run/secrets/token)",
            "echo \"password: ${DB_PASSWORD}\"",
        ] {
            assert_eq!(kinds(ok), Vec::<&str>::new(), "{ok}");
        }
    }
}
