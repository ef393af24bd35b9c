//! Where the procedures live: `procedures_dir` in `<config>/config.toml`
//! (one directory or a list), default `./procedures/`. Relative paths are
//! taken from the current directory, like the default.
//!
//! ```toml
//! procedures_dir = ["/srv/runbooks", "./procedures"]
//! ```

use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_DIR: &str = "procedures";

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Dirs {
    One(PathBuf),
    Many(Vec<PathBuf>),
}

#[derive(Debug, Default, Deserialize)]
struct File {
    procedures_dir: Option<Dirs>,
}

/// A config file that does not say where the procedures are in a way
/// pasos reads: `file:line:col: what` (in the TOML parser's words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirsError(pub String);

/// The configured directories, or the default when the file or the key
/// is missing.
pub fn procedures_dirs(config_dir: &Path) -> Result<Vec<PathBuf>, DirsError> {
    let path = config_dir.join("config.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(DirsError(format!("{}: {e}", path.display()))),
    };
    let file: File = toml::from_str(&text).map_err(|e| {
        let (line, col) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
        DirsError(format!(
            "{}:{line}:{col}: {}",
            path.display(),
            e.message().lines().next().unwrap_or("")
        ))
    })?;
    Ok(match file.procedures_dir {
        Some(Dirs::One(d)) => vec![d],
        Some(Dirs::Many(v)) if !v.is_empty() => v,
        _ => vec![PathBuf::from(DEFAULT_DIR)],
    })
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_one_or_many_and_errors_with_position() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            procedures_dirs(dir.path()).unwrap(),
            vec![PathBuf::from("procedures")]
        );
        let cfg = dir.path().join("config.toml");
        std::fs::write(&cfg, "procedures_dir = \"/srv/runbooks\"\n").unwrap();
        assert_eq!(
            procedures_dirs(dir.path()).unwrap(),
            vec![PathBuf::from("/srv/runbooks")]
        );
        std::fs::write(&cfg, "[history]\nremote = \"s3://b/p\"\n").unwrap();
        assert_eq!(procedures_dirs(dir.path()).unwrap().len(), 1);
        std::fs::write(&cfg, "procedures_dir = [\"a\", \"b\"]\n").unwrap();
        assert_eq!(procedures_dirs(dir.path()).unwrap().len(), 2);
        std::fs::write(&cfg, "\nprocedures_dir = 3\n").unwrap();
        let e = procedures_dirs(dir.path()).unwrap_err().0;
        assert!(e.contains("config.toml:2:"), "{e}");
    }
}
