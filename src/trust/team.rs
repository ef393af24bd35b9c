//! The team file: who holds which role, by SSH public key, in the style of
//! OpenSSH's `allowed_signers` with the roles in front.
//!
//! ```text
//! # roles                 person          key
//! tech-lead               ana@example     ssh-ed25519 AAAA… ana
//! tech-lead,manager       luis@example    ssh-ed25519 AAAA…
//! ```
//!
//! Where it lives: `--team FILE`, else `PASOS_TEAM`, else `<config>/team`.

use ssh_key::{HashAlg, PublicKey};
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "team";

#[derive(Debug, Clone)]
pub struct Member {
    pub roles: Vec<String>,
    pub name: String,
    pub key: PublicKey,
    /// 1-based line in the file.
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Team {
    pub members: Vec<Member>,
}

/// A bad line: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamError {
    pub line: usize,
    pub col: usize,
    pub what: String,
}

/// Words of a line with their byte offsets.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c == ' ' || c == '\t', start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

impl Team {
    pub fn parse(text: &str) -> Result<Team, TeamError> {
        let mut members = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let w = words(line);
            let err = |col: usize, what: &str| TeamError {
                line: n,
                col: col + 1,
                what: what.to_string(),
            };
            let (_, roles) = w[0];
            let Some(&(_, name)) = w.get(1) else {
                return Err(err(
                    line.len(),
                    "the person is missing: write `ROLES NAME ssh-ed25519 AAAA…`",
                ));
            };
            let Some(&(kcol, ktype)) = w.get(2) else {
                return Err(err(
                    line.len(),
                    "the key is missing: write `ROLES NAME ssh-ed25519 AAAA…`",
                ));
            };
            let Some(&(_, kdata)) = w.get(3) else {
                return Err(err(line.len(), "the key has no data after its type"));
            };
            let key = PublicKey::from_openssh(&format!("{ktype} {kdata}")).map_err(|e| {
                err(
                    kcol,
                    &format!("not an SSH public key ({e}); paste the line of the .pub file"),
                )
            })?;
            let roles: Vec<String> = roles
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            if roles.is_empty() {
                return Err(err(0, "no role before the person"));
            }
            members.push(Member {
                roles,
                name: name.to_string(),
                key,
                line: n,
            });
        }
        Ok(Team { members })
    }

    /// Reads a file; a bad line's error reads `path:line:col: what`.
    pub fn read(path: &Path) -> Result<Team, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Team::parse(&text)
            .map_err(|e| format!("{}:{}:{}: {}", path.display(), e.line, e.col, e.what))
    }

    /// The file to read: `flag`, else `PASOS_TEAM`, else `<config>/team`.
    pub fn locate(flag: Option<&Path>, config_dir: &Path) -> PathBuf {
        if let Some(f) = flag {
            return f.to_path_buf();
        }
        match std::env::var_os("PASOS_TEAM").filter(|v| !v.is_empty()) {
            Some(v) => PathBuf::from(v),
            None => config_dir.join(FILE_NAME),
        }
    }

    /// The people holding `key` (usually one).
    pub fn holders<'a>(&'a self, key: &'a PublicKey) -> impl Iterator<Item = &'a Member> + 'a {
        self.members
            .iter()
            .filter(move |m| m.key.key_data() == key.key_data())
    }

    /// Every role of `key`, in file order, without repeats.
    pub fn roles_of(&self, key: &PublicKey) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.holders(key) {
            for r in &m.roles {
                if !out.contains(r) {
                    out.push(r.clone());
                }
            }
        }
        out
    }

    /// The person's name for `key`, the first line that lists it.
    pub fn name_of<'a>(&'a self, key: &'a PublicKey) -> Option<&'a str> {
        self.holders(key).next().map(|m| m.name.as_str())
    }
}

/// `SHA256:…` of a key.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH9l4ofkBBOJMP7j6XB8dtygHTrk3+D1miq5y5kWpvU+";

    #[test]
    fn roles_people_and_keys() {
        let t = Team::parse(&format!(
            "# team\ntech-lead ana@example {KEY} ana\nmanager,oncall ana@example {KEY}\n"
        ))
        .unwrap();
        let key = t.members[0].key.clone();
        assert_eq!(t.roles_of(&key), ["tech-lead", "manager", "oncall"]);
        assert_eq!(t.name_of(&key), Some("ana@example"));
    }

    #[test]
    fn bad_lines_say_where() {
        let e = Team::parse("tech-lead ana@x ssh-ed25519 nope\n").unwrap_err();
        assert_eq!((e.line, e.col), (1, 17));
        let e = Team::parse("\ntech-lead\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.what.contains("person is missing"), "{}", e.what);
        let e = Team::parse("tech-lead ana\n").unwrap_err();
        assert!(e.what.contains("key is missing"), "{}", e.what);
    }
}
