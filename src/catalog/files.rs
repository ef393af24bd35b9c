//! The procedure files of the catalog's directories: every `*.toml` under
//! them (subdirectories too, hidden ones skipped), loaded in parallel. A
//! file that does not load is kept apart with its first error, so the
//! catalog can say which to `pasos check`.

use crate::history::kpi::parallel;
use crate::procedure::source_file::{self, PROCEDURE_CAP};
use crate::procedure::{Procedure, load_bytes};
use std::path::{Path, PathBuf};

/// How deep below a configured directory files are looked for.
const MAX_DEPTH: usize = 8;

/// A procedure file that loaded.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// The path relative to the directory it was found in (`a/b.toml`).
    pub relative: String,
    pub procedure: Procedure,
}

/// A `*.toml` file in a procedures directory that is not a procedure pasos
/// can run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Broken {
    pub path: PathBuf,
    /// The first error, `line:col: message`.
    pub problem: String,
}

/// Every procedure file under `dirs`, by path; a directory that does not
/// exist contributes nothing (the caller says so).
pub fn load(dirs: &[PathBuf]) -> (Vec<Found>, Vec<Broken>) {
    let mut paths: Vec<(PathBuf, String)> = Vec::new();
    for dir in dirs {
        collect(dir, dir, 0, &mut paths);
    }
    paths.sort();
    paths.dedup_by(|a, b| a.0 == b.0);
    let results = parallel::map(&paths, |(path, rel)| read(path, rel));
    let (mut found, mut broken) = (Vec::new(), Vec::new());
    for r in results {
        match r {
            Ok(f) => found.push(f),
            Err(b) => broken.push(b),
        }
    }
    (found, broken)
}

fn collect(root: &Path, dir: &Path, depth: usize, out: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() && depth < MAX_DEPTH {
            collect(root, &path, depth + 1, out);
        } else if kind.is_file() && name.to_ascii_lowercase().ends_with(".toml") {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            out.push((path, rel));
        }
    }
}

fn read(path: &Path, relative: &str) -> Result<Found, Broken> {
    let broken = |problem: String| Broken {
        path: path.to_path_buf(),
        problem,
    };
    let bytes = source_file::read(path, source_file::cap(PROCEDURE_CAP))
        .map_err(|e| broken(e.to_string()))?;
    let loaded = load_bytes(&bytes);
    match loaded.procedure {
        Some(procedure) => Ok(Found {
            path: path.to_path_buf(),
            relative: relative.to_string(),
            procedure,
        }),
        None => {
            let first = loaded
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .map(|d| match &d.span {
                    Some(s) => {
                        let p = loaded.source.position(s.start);
                        format!("{}:{}: {}", p.line, p.col, d.message)
                    }
                    None => d.message.clone(),
                })
                .unwrap_or_default();
            Err(broken(first))
        }
    }
}
