//! The remote history's settings: the `[history]` table of
//! `<config>/config.toml`, or `--remote s3://bucket/prefix` (also
//! `PASOS_REMOTE`), which wins over the file's `remote`.
//!
//! ```toml
//! [history]
//! remote = "s3://team-history/ops"
//! endpoint = "https://minio.example.net:9000"   # not for AWS
//! region = "eu-west-1"
//! retention_days = 90
//! refresh_seconds = 60
//! ```
//!
//! Credentials never go in this file: they come from the standard AWS
//! environment (`AWS_ACCESS_KEY_ID`, …) or profile (`~/.aws/credentials`,
//! `AWS_PROFILE`), see [`super::credentials`].

use super::location::{Location, LocationError};
use crate::i18n::Lang;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_RETENTION_DAYS: u32 = 90;
pub const DEFAULT_REFRESH_SECONDS: u64 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteConfig {
    pub location: Location,
    /// The S3 endpoint of a self-hosted server (MinIO, Ceph, Garage);
    /// `None` for AWS (or `AWS_ENDPOINT_URL`).
    pub endpoint: Option<String>,
    /// `None`: `AWS_REGION` / `AWS_DEFAULT_REGION` / the profile, else
    /// `us-east-1`.
    pub region: Option<String>,
    /// Object Lock retention asked for every object, where the bucket
    /// supports it.
    pub retention_days: u32,
    /// How old the cached copy of the remote runs may be before a history
    /// command reads the bucket again.
    pub refresh_seconds: u64,
}

#[derive(Debug, Default, Deserialize)]
struct File {
    history: Option<HistoryTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryTable {
    remote: Option<String>,
    endpoint: Option<String>,
    region: Option<String>,
    retention_days: Option<u32>,
    refresh_seconds: Option<u64>,
}

/// A config file that does not read, with where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML parser's own words.
    Syntax(String),
    Location(LocationError),
    Endpoint(String),
    Unreadable(String),
}

impl ConfigError {
    pub fn message(&self, lang: Lang) -> String {
        let detail = match &self.problem {
            Problem::Syntax(d) | Problem::Unreadable(d) => d.clone(),
            Problem::Location(e) => e.message(lang),
            Problem::Endpoint(e) => {
                crate::tr!(lang, "remote-config-endpoint", endpoint = e.as_str())
            }
        };
        let hint = crate::tr!(lang, "remote-config-hint");
        if self.line == 0 {
            format!("{}: {detail}\n  {hint}", self.file.display())
        } else {
            format!(
                "{}:{}:{}: {detail}\n  {hint}",
                self.file.display(),
                self.line,
                self.col
            )
        }
    }
}

pub fn config_file(config_dir: &Path) -> PathBuf {
    config_dir.join("config.toml")
}

/// The remote settings, or `None` when no remote is configured (the
/// history is then the local data dir alone, as always).
pub fn resolve(config_dir: &Path, flag: Option<&str>) -> Result<Option<RemoteConfig>, ConfigError> {
    let path = config_file(config_dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(ConfigError {
                file: path,
                line: 0,
                col: 0,
                problem: Problem::Unreadable(e.to_string()),
            });
        }
    };
    let table = match &text {
        Some(t) => parse(&path, t)?,
        None => HistoryTable::default(),
    };
    let env = std::env::var("PASOS_REMOTE").ok().filter(|v| !v.is_empty());
    let from_flag = flag.map(str::to_string).or(env);
    let (remote, at) = match (from_flag, &table.remote) {
        (Some(r), _) => (r, None),
        (None, Some(r)) => (r.clone(), text.as_deref().map(|t| position_of(t, "remote"))),
        (None, None) => return Ok(None),
    };
    let err = |problem: Problem, at: Option<(usize, usize)>| {
        let (line, col) = at.unwrap_or((0, 0));
        ConfigError {
            file: if at.is_some() {
                path.clone()
            } else {
                PathBuf::from("--remote")
            },
            line,
            col,
            problem,
        }
    };
    let location = Location::parse(&remote).map_err(|e| err(Problem::Location(e), at))?;
    if let Some(e) = &table.endpoint
        && !(e.starts_with("http://") || e.starts_with("https://"))
    {
        let at = text.as_deref().map(|t| position_of(t, "endpoint"));
        return Err(err(Problem::Endpoint(e.clone()), at));
    }
    Ok(Some(RemoteConfig {
        location,
        endpoint: table.endpoint,
        region: table.region,
        retention_days: table.retention_days.unwrap_or(DEFAULT_RETENTION_DAYS),
        refresh_seconds: table.refresh_seconds.unwrap_or(DEFAULT_REFRESH_SECONDS),
    }))
}

fn parse(path: &Path, text: &str) -> Result<HistoryTable, ConfigError> {
    match toml::from_str::<File>(text) {
        Ok(f) => Ok(f.history.unwrap_or_default()),
        Err(e) => {
            let (line, col) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            Err(ConfigError {
                file: path.to_path_buf(),
                line,
                col,
                problem: Problem::Syntax(e.message().to_string()),
            })
        }
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Where `key = …` is written (for errors found after parsing).
fn position_of(text: &str, key: &str) -> (usize, usize) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            let value = line.find('=').map_or(0, |i| i + 1);
            let skip = line[value..].len() - line[value..].trim_start().len();
            return line_col(text, offset + value + skip);
        }
        offset += line.len();
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) {
        std::fs::write(config_file(dir), text).unwrap();
    }

    #[test]
    fn no_file_and_no_flag_means_no_remote() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(resolve(dir.path(), None).unwrap(), None);
        write(dir.path(), "[other]\nx = 1\n");
        assert_eq!(resolve(dir.path(), None).unwrap(), None);
    }

    #[test]
    fn the_file_and_the_flag() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "[history]\nremote = \"s3://team/ops\"\nendpoint = \"http://127.0.0.1:3900\"\nregion = \"garage\"\nretention_days = 30\n",
        );
        let c = resolve(dir.path(), None).unwrap().unwrap();
        assert_eq!(c.location.bucket, "team");
        assert_eq!(c.location.prefix, "ops");
        assert_eq!(c.endpoint.as_deref(), Some("http://127.0.0.1:3900"));
        assert_eq!(c.retention_days, 30);
        assert_eq!(c.refresh_seconds, DEFAULT_REFRESH_SECONDS);
        let c = resolve(dir.path(), Some("s3://other-bucket"))
            .unwrap()
            .unwrap();
        assert_eq!(c.location.bucket, "other-bucket");
        assert_eq!(c.region.as_deref(), Some("garage"));
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "[history]\nremote = \"team/ops\"\n");
        let e = resolve(dir.path(), None).unwrap_err();
        assert_eq!((e.line, e.col), (2, 10));
        let m = e.message(Lang::En);
        assert!(m.contains("config.toml:2:10"), "{m}");
        assert!(m.contains("s3://"), "{m}");
        write(
            dir.path(),
            "[history]\nremote = \"s3://team\"\nretention = 5\n",
        );
        let e = resolve(dir.path(), None).unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        assert!(matches!(e.problem, Problem::Syntax(ref d) if d.contains("retention")));
        write(
            dir.path(),
            "[history]\nremote = \"s3://team\"\nendpoint = \"127.0.0.1:3900\"\n",
        );
        let e = resolve(dir.path(), None).unwrap_err();
        assert_eq!((e.line, e.col), (3, 12));
    }
}
