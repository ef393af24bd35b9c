//! Which shell to start and how: bash by default, the user's `$SHELL` when
//! it is bash, zsh or fish, `sh` as a last resort; each started so that it
//! loads pasos's integration after the user's own startup files.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShellKind {
    Bash,
    Zsh,
    Fish,
    /// A POSIX sh: the prompt reports exit codes, nothing more.
    Sh,
}

impl ShellKind {
    pub fn of(program: &Path) -> ShellKind {
        let name = program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match name.trim_start_matches('-') {
            n if n.starts_with("bash") => ShellKind::Bash,
            n if n.starts_with("zsh") => ShellKind::Zsh,
            n if n.starts_with("fish") => ShellKind::Fish,
            _ => ShellKind::Sh,
        }
    }

    /// Full integration: hand-typed commands are seen and secrets loaded.
    pub fn has_preexec(self) -> bool {
        self != ShellKind::Sh
    }

    pub fn name(self) -> &'static str {
        match self {
            ShellKind::Bash => "bash",
            ShellKind::Zsh => "zsh",
            ShellKind::Fish => "fish",
            ShellKind::Sh => "sh",
        }
    }
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The shell to run: `requested` if given, else `$SHELL` when it is bash,
/// zsh or fish, else bash, else sh.
pub fn choose(requested: Option<&Path>) -> PathBuf {
    if let Some(p) = requested {
        return p.to_path_buf();
    }
    if let Some(shell) = std::env::var_os("SHELL").map(PathBuf::from)
        && ShellKind::of(&shell) != ShellKind::Sh
        && shell.is_file()
    {
        return shell;
    }
    find_in_path("bash")
        .or_else(|| find_in_path("sh"))
        .unwrap_or_else(|| PathBuf::from("/bin/sh"))
}

/// The arguments and environment that make a shell load the integration.
#[derive(Debug, Clone, Default)]
pub struct Invocation {
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

/// What the rc file is told before its own text: where the key file is
/// (it reads and deletes it), the private directory, whether to load the
/// user's rc files. Written into the rc file, never into the environment,
/// where every child process could read it.
#[derive(Debug, Clone)]
pub struct Header<'a> {
    pub key_file: &'a Path,
    pub dir: &'a Path,
    pub load_user_rc: bool,
}

fn fish_quote(p: &Path) -> String {
    let v = p.to_string_lossy();
    format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"))
}

impl Header<'_> {
    fn text(&self, kind: ShellKind) -> String {
        let q = |p: &Path| crate::run::substitute::shell_quote(&p.to_string_lossy());
        let user = if self.load_user_rc { 1 } else { 0 };
        match kind {
            ShellKind::Fish => format!(
                "set -g __pasos_keyfile {}\nset -g __pasos_dir {}\nset -g __pasos_user_rc {user}\n",
                fish_quote(self.key_file),
                fish_quote(self.dir),
            ),
            _ => format!(
                "__pasos_keyfile={}\n__pasos_dir={}\n__pasos_user_rc={user}\n",
                q(self.key_file),
                q(self.dir)
            ),
        }
    }
}

/// Writes the integration for `kind` into the private directory `dir` and
/// returns how to start the shell so that it loads it.
pub fn integration(kind: ShellKind, header: &Header<'_>) -> std::io::Result<Invocation> {
    let dir = header.dir;
    let head = header.text(kind);
    let write = |name: &str, text: &str| -> std::io::Result<PathBuf> {
        let path = dir.join(name);
        let mut f = crate::journal::store::private_file_options()
            .create(true)
            .write(true)
            .truncate(true)
            .open(&path)?;
        std::io::Write::write_all(&mut f, head.as_bytes())?;
        std::io::Write::write_all(&mut f, text.as_bytes())?;
        Ok(path)
    };
    let path_str = |p: PathBuf| p.to_string_lossy().into_owned();
    let (args, env) = match kind {
        ShellKind::Bash => {
            let rc = write("pasos.bash", include_str!("integration/pasos.bash"))?;
            (vec!["--rcfile".into(), path_str(rc), "-i".into()], vec![])
        }
        ShellKind::Zsh => {
            write(".zshrc", include_str!("integration/pasos.zsh"))?;
            let user = std::env::var("ZDOTDIR")
                .ok()
                .or_else(|| std::env::var("HOME").ok())
                .unwrap_or_default();
            (
                vec!["-i".into()],
                vec![
                    ("ZDOTDIR".into(), path_str(dir.to_path_buf())),
                    ("PASOS_USER_ZDOTDIR".into(), user),
                ],
            )
        }
        ShellKind::Fish => {
            let rc = write("pasos.fish", include_str!("integration/pasos.fish"))?;
            (
                vec![
                    "-i".into(),
                    "--init-command".into(),
                    format!("source '{}'", path_str(rc).replace('\'', "\\'")),
                ],
                vec![],
            )
        }
        ShellKind::Sh => {
            let rc = write("pasos.sh", include_str!("integration/pasos.sh"))?;
            (vec!["-i".into()], vec![("ENV".into(), path_str(rc))])
        }
    };
    Ok(Invocation { args, env })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        assert_eq!(ShellKind::of(Path::new("/bin/bash")), ShellKind::Bash);
        assert_eq!(ShellKind::of(Path::new("-zsh")), ShellKind::Zsh);
        assert_eq!(ShellKind::of(Path::new("/usr/bin/fish")), ShellKind::Fish);
        assert_eq!(ShellKind::of(Path::new("/bin/dash")), ShellKind::Sh);
        assert_eq!(choose(Some(Path::new("/x/zsh"))), PathBuf::from("/x/zsh"));
    }
}
