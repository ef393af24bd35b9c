//! "Nunca credenciales en los procedimientos": passwords, tokens,
//! Authorization headers, AWS keys and private keys must be `${VARS}`.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::procedure::decode::literal;
use regex::Regex;
use std::sync::OnceLock;

/// A credential written inline: what kind, where, and how to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub what: &'static str,
    /// The credential as written (`-pS3cr3t0`, `PGPASSWORD=hunter2`).
    pub matched: String,
    /// Byte range of `matched` in the text searched.
    pub range: std::ops::Range<usize>,
    /// `matched` with its secret part replaced by `********`, safe to print.
    pub masked: String,
}

/// What each pattern of [`patterns`], in order, cannot match without: one
/// of these words in the lower-cased text.
const NEEDS: [&[&str]; 15] = [
    &["authorization"],
    &["authorization"],
    &["akia", "asia"],
    &["private key"],
    &["ghp_"],
    &["github_pat_"],
    &["glpat-"],
    &["xox"],
    &["sk_live_"],
    &["hooks.slack.com/services/"],
    &["://"],
    &["--passw"],
    &["mysql"],
    &["sshpass"],
    &["passw", "secret", "token", "api", "access"],
];

/// Compiles the patterns now (see [`crate::procedure::danger::warm`]).
pub fn warm() {
    patterns();
}

/// Each pattern marks the credential as group `c` and its secret part as
/// group `v`; without `v` nothing in it is secret (a private key header).
fn patterns() -> &'static [(&'static str, Regex)] {
    static P: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        [
            ("an Authorization header", r#"(?i)(?P<c>authorization\s*:\s*(?:bearer|basic|token|oauth|digest|apikey)\s+(?P<v>[^\s"'$\\]+))"#),
            ("an Authorization header", r#"(?i)(?P<c>authorization\s*:\s*(?P<v>[^\s"'$\\]+))"#),
            ("an AWS access key", r"\b(?P<c>(?:AKIA|ASIA)(?P<v>[0-9A-Z]{16}))\b"),
            ("a private key", r"(?P<c>-----BEGIN [A-Z ]*PRIVATE KEY-----)"),
            ("a token", r"\b(?P<c>ghp_(?P<v>[A-Za-z0-9]{20,}))"),
            ("a token", r"\b(?P<c>github_pat_(?P<v>[A-Za-z0-9_]{20,}))"),
            ("a token", r"\b(?P<c>glpat-(?P<v>[A-Za-z0-9_-]{16,}))"),
            ("a token", r"\b(?P<c>xox[abprs]-(?P<v>[A-Za-z0-9-]{10,}))"),
            ("a token", r"\b(?P<c>sk_live_(?P<v>[A-Za-z0-9]{10,}))"),
            ("a Slack webhook URL", r"(?P<c>hooks\.slack\.com/services/(?P<v>[A-Za-z0-9_/]+))"),
            ("a password in a URL", r"://(?P<c>[^/\s:@$]+:(?P<v>[^@\s/$]+))@"),
            ("a password option", r#"(?P<c>(?:--password|--passwd)(?:=|\s+)["']?(?P<v>[^\s"'$-][^\s"']*))"#),
            ("a password option", r#"\b(?:mysql|mysqldump|mysqladmin)\b[^\n]*\s(?P<c>-p(?P<v>[^\s"'$]+))"#),
            ("a password option", r#"\bsshpass\s+(?P<c>-p\s*["']?(?P<v>[^\s"'$]+))"#),
            ("a secret assignment", r#"(?i)\b(?P<c>[a-z0-9_]*(?:password|passwd|secret|token|api_?key|access_?key)["']?\s*[=:]\s*["']?(?P<v>[^\s"'$<>{}\\][^\s"']*))"#),
        ]
        .into_iter()
        .map(|(what, re)| (what, Regex::new(re).expect("credential pattern compiles")))
        .collect()
    })
}

/// Every inline credential in a command text.
pub fn find_credentials(text: &str) -> Vec<Finding> {
    search(text, true)
}

/// `skip`: pass over the patterns whose words the text does not hold.
fn search(text: &str, skip: bool) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    // Each pattern needs one of its words (or the text holds none of its
    // credential): most commands are passed over without a search.
    let lower = text.to_lowercase();
    for ((what, re), words) in patterns().iter().zip(NEEDS) {
        if skip && !words.iter().any(|w| lower.contains(w)) {
            continue;
        }
        for caps in re.captures_iter(text) {
            let Some(c) = caps.name("c") else { continue };
            if is_bare_scheme(c.as_str()) {
                continue; // `Authorization: Bearer ${TOKEN}`: the value is a variable
            }
            if text[..c.start()].ends_with("${") {
                continue; // `${NOTIFY_TOKEN:0:8}`: a parameter expansion, no value
            }
            if out
                .iter()
                .any(|f| c.start() < f.range.end && f.range.start < c.end())
            {
                continue; // already reported by a more specific pattern
            }
            let masked = match caps.name("v") {
                Some(v) => format!(
                    "{}********{}",
                    &text[c.start()..v.start()],
                    &text[v.end()..c.end()]
                ),
                None => c.as_str().to_string(),
            };
            out.push(Finding {
                what,
                matched: c.as_str().to_string(),
                range: c.range(),
                masked,
            });
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
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
            // Point at the credential itself, escapes in the TOML included.
            let span = literal::locate_range(ctx.source, &c.span, &c.run, f.range.clone());
            let shown: String = f.masked.chars().take(60).collect();
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

    #[test]
    fn every_pattern_has_the_words_it_needs() {
        assert_eq!(patterns().len(), NEEDS.len());
        // Skipping by words finds exactly what searching everything finds,
        // over every line of the shipped procedures and the fixtures.
        for l in crate::procedure::corpus_lines() {
            assert_eq!(search(&l, true), search(&l, false), "{l:?}");
        }
    }

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
    fn the_secret_is_masked_and_located() {
        let text = "mysql -h db -u admin -pS3cr3t0 -e 'SHOW PROCESSLIST;'";
        let f = &find_credentials(text)[0];
        assert_eq!(f.matched, "-pS3cr3t0");
        assert_eq!(f.masked, "-p********");
        assert_eq!(&text[f.range.clone()], "-pS3cr3t0");
        for (text, masked) in [
            ("PGPASSWORD=hunter2 psql", "PGPASSWORD=********"),
            ("psql postgres://app:s3cret@db/app", "app:********"),
            (
                "curl -H 'Authorization: Bearer abc123' x",
                "Authorization: Bearer ********",
            ),
            ("export K=AKIAIOSFODNN7EXAMPLE", "AKIA********"),
        ] {
            let found = find_credentials(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].masked, masked, "{text}");
            assert!(!found[0].masked.contains("hunter2") && !found[0].masked.contains("s3cret"));
        }
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
            "echo ${NOTIFY_TOKEN:0:8} ${API_KEY:-unset}",
        ] {
            assert_eq!(kinds(ok), Vec::<&str>::new(), "{ok}");
        }
    }
}
