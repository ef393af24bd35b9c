//! Signing settings: `<config>/trust.toml`, overridden by the environment
//! and by flags.
//!
//! ```toml
//! [signing]
//! # "agent" (default: the key SSH_AUTH_SOCK offers first) or a private key file
//! key = "agent"
//! # which of the agent's keys: a fingerprint, a .pub file or the key's comment
//! agent_key = "SHA256:…"
//! # a checkpoint at most every N events / M seconds between step outcomes
//! every_events = 100
//! every_seconds = 30
//! # refuse to start a run without a key for these
//! require_for_criticality = ["critica"]
//! require_for_environments = ["production"]
//! require_always = false
//!
//! [verify]
//! allowed_signers = "/etc/pasos/allowed_signers"
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "trust.toml";

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Signing {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub agent_key: Option<String>,
    #[serde(default = "default_every_events")]
    pub every_events: u64,
    #[serde(default = "default_every_seconds")]
    pub every_seconds: u64,
    #[serde(default)]
    pub require_for_criticality: Vec<String>,
    #[serde(default)]
    pub require_for_environments: Vec<String>,
    #[serde(default)]
    pub require_always: bool,
}

fn default_every_events() -> u64 {
    100
}
fn default_every_seconds() -> u64 {
    30
}

impl Default for Signing {
    fn default() -> Self {
        Signing {
            key: None,
            agent_key: None,
            every_events: default_every_events(),
            every_seconds: default_every_seconds(),
            require_for_criticality: Vec::new(),
            require_for_environments: Vec::new(),
            require_always: false,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Verify {
    #[serde(default)]
    pub allowed_signers: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default)]
    pub signing: Signing,
    #[serde(default)]
    pub verify: Verify,
}

/// `~/…` → the home directory.
fn expand(p: &str) -> PathBuf {
    match (p.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(p),
    }
}

impl Settings {
    /// Reads `<config>/trust.toml` (defaults when it does not exist), then
    /// `PASOS_SIGNING_KEY` and `PASOS_ALLOWED_SIGNERS`. A bad file's error
    /// reads `path:line:col: what`.
    pub fn load(config_dir: &Path) -> Result<Settings, String> {
        let path = config_dir.join(FILE_NAME);
        let mut s = match std::fs::read_to_string(&path) {
            Ok(text) => Settings::parse(&text)
                .map_err(|(line, col, what)| format!("{}:{line}:{col}: {what}", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Settings::default(),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(k) = env("PASOS_SIGNING_KEY") {
            s.signing.key = Some(k);
        }
        if let Some(a) = env("PASOS_ALLOWED_SIGNERS") {
            s.verify.allowed_signers = Some(PathBuf::from(a));
        }
        if let Some(p) = &s.verify.allowed_signers {
            s.verify.allowed_signers = Some(expand(&p.to_string_lossy()));
        }
        Ok(s)
    }

    fn parse(text: &str) -> Result<Settings, (usize, usize, String)> {
        toml::from_str(text).map_err(|e| {
            let (line, col) = e
                .span()
                .map(|r| {
                    let before = &text[..r.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                    (line, col)
                })
                .unwrap_or((1, 1));
            (line, col, e.message().to_string())
        })
    }

    /// The key file to sign with, when one is configured instead of the
    /// agent.
    pub fn key_file(&self) -> Option<PathBuf> {
        self.signing
            .key
            .as_deref()
            .filter(|k| *k != "agent")
            .map(expand)
    }

    /// Must a run of a procedure of this criticality, in this environment,
    /// be signed?
    pub fn requires_signing(&self, criticality: Option<&str>, environment: Option<&str>) -> bool {
        let s = &self.signing;
        let any = |list: &[String], v: Option<&str>| {
            v.is_some_and(|v| list.iter().any(|x| x.eq_ignore_ascii_case(v)))
        };
        s.require_always
            || any(&s.require_for_criticality, criticality)
            || any(&s.require_for_environments, environment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_file_and_errors() {
        let s = Settings::parse("").unwrap();
        assert_eq!(s.signing.every_events, 100);
        let s = Settings::parse(
            "[signing]\nkey = \"/k\"\nrequire_for_criticality = [\"critica\"]\nrequire_for_environments = [\"production\"]\n",
        )
        .unwrap();
        assert_eq!(s.key_file(), Some(PathBuf::from("/k")));
        assert!(s.requires_signing(Some("CRITICA"), None));
        assert!(s.requires_signing(None, Some("production")));
        assert!(!s.requires_signing(Some("alta"), Some("staging")));
        let (line, col, what) = Settings::parse("[signing]\nkye = 1\n").unwrap_err();
        assert_eq!((line, col), (2, 1), "{what}");
        assert!(what.contains("kye"), "{what}");
    }
}
