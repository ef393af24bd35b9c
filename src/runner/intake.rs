//! Where variable values come from before a run starts, and which ways a
//! secret may take: `--var NAME=VALUE` (not for secrets: the command line
//! is public), `--var-file FILE` (NAME=VALUE lines; refused unless only
//! its owner can read it), `PASOS_VAR_<NAME>` in the environment, or, for
//! whatever is still missing, the prompt. The first of these that gives a
//! variable a value wins.

use crate::i18n::Lang;
use crate::procedure::Procedure;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The prefix of the environment variables that carry values.
pub const ENV_PREFIX: &str = "PASOS_VAR_";

/// The values found, in the order they were given; secret ones zeroed
/// when dropped.
pub type Values = Vec<(String, Zeroizing<String>)>;

/// Gathers the values of `p`'s variables from `--var` arguments, var
/// files and `env` (the environment, looked up by name). The error is the
/// message for the operator (exit code 2).
pub fn gather(
    p: &Procedure,
    vars: &[String],
    files: &[PathBuf],
    env: &dyn Fn(&str) -> Option<String>,
    lang: Lang,
) -> Result<Values, String> {
    let mut out: Values = Vec::new();
    let put = |out: &mut Values, name: &str, value: Zeroizing<String>| {
        if !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), value));
        }
    };
    for v in vars {
        match v.split_once('=') {
            Some((name, value)) => match p.variable(name) {
                Some(var) if var.secret => {
                    return Err(crate::tr!(lang, "secrets-var-refused", name = name));
                }
                Some(_) => put(&mut out, name, Zeroizing::new(value.to_string())),
                None => {
                    return Err(format!(
                        "--var {name}: the procedure declares no such variable (declared: {})",
                        declared(p)
                    ));
                }
            },
            None => return Err(format!("--var {v}: write it as NAME=VALUE")),
        }
    }
    for f in files {
        for (name, value) in read_file(p, f, lang)? {
            check_length(p, &name, &value, lang)?;
            put(&mut out, &name, value);
        }
    }
    for var in &p.variables {
        if let Some(value) = env(&format!("{ENV_PREFIX}{}", var.name)) {
            let value = Zeroizing::new(value);
            check_length(p, &var.name, &value, lang)?;
            put(&mut out, &var.name, value);
        }
    }
    Ok(out)
}

/// Takes the `PASOS_VAR_*` variables out of this process's environment,
/// so the shell and its commands do not inherit them (secrets reach the
/// shell only through its private FIFO), and overwrites their values where
/// the kernel shows them (`/proc/<pid>/environ`).
///
/// # Safety
///
/// Changes the environment: call it before any other thread starts.
pub unsafe fn forget_env() {
    unsafe extern "C" {
        static environ: *const *mut libc::c_char;
    }
    let prefix = ENV_PREFIX.as_bytes();
    // SAFETY: single-threaded (the caller's promise); `environ` is the C
    // library's NULL-terminated array of NUL-terminated strings, which
    // live in writable memory (the initial stack or the heap).
    unsafe {
        let mut p = environ;
        while !p.is_null() && !(*p).is_null() {
            let entry = *p;
            let len = libc::strlen(entry);
            let bytes = std::slice::from_raw_parts_mut(entry.cast::<u8>(), len);
            if bytes.starts_with(prefix)
                && let Some(eq) = bytes.iter().position(|b| *b == b'=')
            {
                bytes[eq + 1..].iter_mut().for_each(|b| *b = b'*');
            }
            p = p.add(1);
        }
    }
    let names: Vec<_> = std::env::vars_os()
        .map(|(k, _)| k)
        .filter(|k| k.to_string_lossy().starts_with(ENV_PREFIX))
        .collect();
    for k in names {
        // SAFETY: the caller guarantees no other thread runs.
        unsafe { std::env::remove_var(k) };
    }
}

fn declared(p: &Procedure) -> String {
    p.variables
        .iter()
        .map(|v| v.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_length(p: &Procedure, name: &str, value: &str, lang: Lang) -> Result<(), String> {
    let min = crate::secret::MIN_SECRET_LEN;
    if p.variable(name).is_some_and(|v| v.secret) && value.chars().count() < min {
        return Err(crate::tr!(
            lang,
            "secrets-too-short",
            name = name,
            min = min
        ));
    }
    Ok(())
}

fn read_file(p: &Procedure, path: &Path, lang: Lang) -> Result<Values, String> {
    use std::io::Read;
    use std::os::unix::fs::PermissionsExt;
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        crate::tr!(
            lang,
            "secrets-var-file-unreadable",
            path = shown.as_str(),
            error = e.to_string()
        )
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mode = file.metadata().map_err(unreadable)?.permissions().mode();
    if mode & 0o077 != 0 {
        return Err(crate::tr!(
            lang,
            "secrets-var-file-open",
            path = shown.as_str(),
            mode = format!("{:04o}", mode & 0o7777)
        ));
    }
    let mut text = Zeroizing::new(String::new());
    file.read_to_string(&mut text).map_err(unreadable)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            return Err(crate::tr!(
                lang,
                "secrets-var-file-syntax",
                path = shown.as_str(),
                line = i + 1
            ));
        };
        let name = name.trim();
        if p.variable(name).is_none() {
            return Err(crate::tr!(
                lang,
                "secrets-var-file-unknown",
                path = shown.as_str(),
                line = i + 1,
                name = name,
                declared = declared(p)
            ));
        }
        out.push((name.to_string(), Zeroizing::new(value.to_string())));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn procedure() -> Procedure {
        crate::procedure::load_str(include_str!("../../procedures/demo.toml"))
            .procedure
            .expect("the demo loads")
    }

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn a_secret_on_the_command_line_is_refused_with_the_safe_ways() {
        let p = procedure();
        let e = gather(
            &p,
            &["NOTIFY_TOKEN=abcdefgh".into()],
            &[],
            &no_env,
            Lang::En,
        )
        .unwrap_err();
        assert!(
            e.contains("PASOS_VAR_NOTIFY_TOKEN") && e.contains("--var-file"),
            "{e}"
        );
        assert!(!e.contains("abcdefgh"), "{e}");
        let ok = gather(&p, &["WORKDIR=/tmp/db1".into()], &[], &no_env, Lang::En).unwrap();
        assert_eq!(ok[0].0, "WORKDIR");
        assert_eq!(ok[0].1.as_str(), "/tmp/db1");
    }

    #[test]
    fn the_environment_gives_values_and_short_secrets_are_refused() {
        let p = procedure();
        let env = |k: &str| (k == "PASOS_VAR_NOTIFY_TOKEN").then(|| "tok-123456".to_string());
        let got = gather(&p, &[], &[], &env, Lang::En).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.as_str(), "tok-123456");
        let short = |k: &str| (k == "PASOS_VAR_NOTIFY_TOKEN").then(|| "abc".to_string());
        let e = gather(&p, &[], &[], &short, Lang::Es).unwrap_err();
        assert!(e.contains("al menos 6"), "{e}");
        assert!(!e.contains("abc\u{20}"), "{e}");
    }

    #[test]
    fn a_var_file_must_be_private() {
        let p = procedure();
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("vars");
        std::fs::write(
            &f,
            "# values\nNOTIFY_TOKEN=tok-secret=with=equals\n\nWORKDIR=/tmp/db2\r\n",
        )
        .unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = gather(&p, &[], std::slice::from_ref(&f), &no_env, Lang::En).unwrap_err();
        assert!(e.contains("chmod 600") && e.contains("0644"), "{e}");
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
        let got = gather(
            &p,
            &["WORKDIR=/tmp/db1".into()],
            std::slice::from_ref(&f),
            &no_env,
            Lang::En,
        )
        .unwrap();
        let v: Vec<(&str, &str)> = got.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        assert_eq!(
            v,
            [
                ("WORKDIR", "/tmp/db1"),
                ("NOTIFY_TOKEN", "tok-secret=with=equals")
            ]
        );
        std::fs::write(&f, "NOTIFY_TOKEN=tok-secret\nnot a pair\n").unwrap();
        let e = gather(&p, &[], std::slice::from_ref(&f), &no_env, Lang::En).unwrap_err();
        assert!(
            e.ends_with(":2:1: expected NAME=VALUE (comments start with #)."),
            "{e}"
        );
        assert!(!e.contains("tok-secret"), "{e}");
        std::fs::write(&f, "NOPE=x\n").unwrap();
        let e = gather(&p, &[], &[f], &no_env, Lang::En).unwrap_err();
        assert!(e.contains(":1:1:") && e.contains("NOPE"), "{e}");
    }
}
