//! Credentials and region from the standard AWS places, so a team sets
//! them once for every tool: the environment (`AWS_ACCESS_KEY_ID`,
//! `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, `AWS_REGION`), else the
//! shared files (`~/.aws/credentials` and `~/.aws/config`, or
//! `AWS_SHARED_CREDENTIALS_FILE` / `AWS_CONFIG_FILE`) under `AWS_PROFILE`
//! (`default`). The environment is read by `object_store` itself; this
//! file reads the profiles, which it does not.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Default, PartialEq, Eq)]
pub struct Profile {
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<String>,
    pub session_token: Option<String>,
    pub region: Option<String>,
}

impl std::fmt::Debug for Profile {
    // Never print a secret, not even in a debug dump.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("access_key_id", &self.access_key_id)
            .field(
                "secret_access_key",
                &self.secret_access_key.as_ref().map(|_| "***"),
            )
            .field("session_token", &self.session_token.as_ref().map(|_| "***"))
            .field("region", &self.region)
            .finish()
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn home_file(var: &str, name: &str) -> Option<PathBuf> {
    env(var)
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|h| Path::new(&h).join(".aws").join(name)))
}

/// The profile named by `AWS_PROFILE` (or `default`) from the shared files.
pub fn profile() -> Profile {
    let name = env("AWS_PROFILE").unwrap_or_else(|| "default".into());
    let read = |p: Option<PathBuf>| p.and_then(|p| std::fs::read_to_string(p).ok());
    let credentials = read(home_file("AWS_SHARED_CREDENTIALS_FILE", "credentials"));
    let config = read(home_file("AWS_CONFIG_FILE", "config"));
    from_files(&name, credentials.as_deref(), config.as_deref())
}

/// `credentials` sections are `[NAME]`; `config` sections are
/// `[profile NAME]`, except `[default]`. The credentials file wins.
pub fn from_files(name: &str, credentials: Option<&str>, config: Option<&str>) -> Profile {
    let creds = credentials.map(|t| section(t, name)).unwrap_or_default();
    let config_name = if name == "default" {
        "default".to_string()
    } else {
        format!("profile {name}")
    };
    let conf = config.map(|t| section(t, &config_name)).unwrap_or_default();
    let get = |key: &str| creds.get(key).or_else(|| conf.get(key)).cloned();
    Profile {
        access_key_id: get("aws_access_key_id"),
        secret_access_key: get("aws_secret_access_key"),
        session_token: get("aws_session_token"),
        region: conf.get("region").or_else(|| creds.get("region")).cloned(),
    }
}

/// The `key = value` pairs of one `[name]` section of an INI file.
fn section(text: &str, name: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut inside = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.starts_with(';') || line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header.trim() == name;
            continue;
        }
        if inside && let Some((k, v)) = line.split_once('=') {
            out.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CREDENTIALS: &str = "\
[default]
aws_access_key_id = AKIDEFAULT
aws_secret_access_key = s3cr3t-default

# the team's bucket
[team]
aws_access_key_id=AKITEAM
aws_secret_access_key=s3cr3t-team
";
    const CONFIG: &str = "\
[default]
region = eu-west-1

[profile team]
region = garage
";

    #[test]
    fn profiles_from_both_files() {
        let d = from_files("default", Some(CREDENTIALS), Some(CONFIG));
        assert_eq!(d.access_key_id.as_deref(), Some("AKIDEFAULT"));
        assert_eq!(d.region.as_deref(), Some("eu-west-1"));
        let t = from_files("team", Some(CREDENTIALS), Some(CONFIG));
        assert_eq!(t.secret_access_key.as_deref(), Some("s3cr3t-team"));
        assert_eq!(t.region.as_deref(), Some("garage"));
        assert_eq!(
            from_files("none", Some(CREDENTIALS), None),
            Profile::default()
        );
        assert!(!format!("{t:?}").contains("s3cr3t"));
    }
}
